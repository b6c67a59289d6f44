import TallyCore

/// The one-line, plain-English reason a finding gives.
///
/// "Zelensky says nearly 400 children; Medinsky says 339 children — the figures do not overlap".
struct ReasonWriter {
    let verdict: Verdict
    let claims: [FindingClaim]
    let axis: Axis
    let relations: [[ClaimRelation]]

    /// At most this many figures are named per side.
    static let perSide = 2

    func reason() -> String {
        switch verdict {
        case .conflict:
            let sides = Set(claims.map(\.position)).filter { $0 > 0 }.sorted()
            let statements = sides.map { side in
                distinct(claims.filter { $0.position == side }.map(\.claim)).prefix(ReasonWriter.perSide).map(ReasonWriter.says).joined(separator: ", ")
            }
            var text = statements.joined(separator: "; ") + " — the figures do not overlap"
            let neutral = distinct(claims.filter { $0.position == 0 }.map(\.claim))
            if !neutral.isEmpty {
                text += " (" + neutral.prefix(2).map { "\"\(ReasonWriter.figure($0))\"" }.joined(separator: ", ") + " fits either)"
            }
            return text
        case .framing:
            let all = claims.map(\.claim)
            let perSide = all.filter { $0.scope == .perSide }
            let oneSide = all.filter { $0.scope == .oneSide }
            let larger = all.filter { $0.scope != .perSide && $0.scope != .oneSide }
            var parts: [String] = []
            if let p = perSide.first, let t = larger.max(by: { ($0.value?.number ?? 0) < ($1.value?.number ?? 0) }) {
                parts.append("\(ReasonWriter.says(p)) and \(ReasonWriter.says(t)) — the same deal counted per side and as a total of both sides")
            }
            if let o = oneSide.first, let p = perSide.first ?? larger.first {
                parts.append("\(ReasonWriter.says(p)) as a mutual exchange, while \(ReasonWriter.says(o))")
            }
            if parts.isEmpty {
                parts.append(distinct(all).prefix(3).map(ReasonWriter.says).joined(separator: "; ") + " — the figures agree only if one of them counts both sides")
            }
            return parts.joined(separator: "; ")
        case .variance:
            let all = distinct(claims.map(\.claim))
            let shown = all.prefix(4).map(ReasonWriter.says).joined(separator: "; ")
            let more = all.count > 4 ? " (+\(all.count - 4) more)" : ""
            return "\(shown)\(more) — the figures overlap but are stated differently"
        case .agreement:
            let figure = ReasonWriter.figure(claims[0].claim)
            let sources = Set(claims.map(\.claim.doc)).count
            return "\(sources == 1 ? "the article says" : "\(sources) sources say") \(figure) consistently"
        }
    }

    /// Claims with distinct figures, first of each kept.
    private func distinct(_ claims: [Claim]) -> [Claim] {
        var seen: Set<String> = []
        return claims.filter { seen.insert(ReasonWriter.figure($0) + "|" + ($0.speaker ?? $0.doc)).inserted }
    }

    /// "Medinsky says 339 children", or "000.txt says …" when no speaker is known.
    static func says(_ claim: Claim) -> String {
        "\(claim.speaker ?? source(claim.doc)) says \(figure(claim))"
    }

    static func source(_ doc: String) -> String {
        doc.split(separator: "/").last.map(String.init) ?? doc
    }

    /// "1 hours" reads "1 hour": time units agree with a figure of one.
    static func singular(_ unit: String, for claim: Claim) -> String {
        guard claim.value?.number == 1 || (claim.value == nil && claim.high?.number == 1), unit.hasSuffix("s"),
            ["seconds", "minutes", "hours", "days", "weeks", "months", "years"].contains(unit)
        else { return unit }
        return String(unit.dropLast())
    }

    /// The figure in words: "nearly 400 children", "between 1,000 and 1,200 prisoners", "6,000-for-6,000".
    static func figure(_ claim: Claim) -> String {
        let unit = claim.unit.map { " " + singular($0, for: claim) } ?? ""
        let value = claim.value.map(\.description)
        let low = claim.low.map(\.description)
        let high = claim.high.map(\.description)
        let text: String
        switch claim.qualifier {
        case .exact:
            if claim.scope == .perSide, let value { return "\(value)-for-\(value)\(unit)" }
            if let value { text = value } else if let low, let high, low != high { text = "\(low) to \(high)" } else { text = low ?? high ?? "?" }
        case .approximate: text = "about \(value ?? low ?? "?")"
        case .atLeast: text = "at least \(value ?? low ?? "?")"
        case .atMost: text = "up to \(value ?? high ?? "?")"
        case .moreThan: text = "more than \(value ?? low ?? "?")"
        case .lessThan: text = (claim.low != nil ? "nearly " : "less than ") + (value ?? high ?? "?")
        case .range:
            if let value, let high, value != high { text = "\(value) (up to \(high))" } else { text = "between \(low ?? "?") and \(high ?? "?")" }
        }
        switch claim.scope {
        case .perSide?: return text + unit + " per side"
        case .total?: return text + unit + " in total"
        case .oneSide?: return text + unit + " one way"
        case nil: return text + unit
        }
    }
}
