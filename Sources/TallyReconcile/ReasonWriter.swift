import TallyCore

/// The one-line, plain-English reason a finding gives.
///
/// "Zelensky says nearly 400 children; Medinsky says 339 children — the figures do not overlap".
struct ReasonWriter {
    let verdict: Verdict
    let claims: [FindingClaim]
    let axis: Axis
    /// Distinct sources among the claims' documents (copies of one story count once); nil to count documents.
    var sources: Int? = nil

    /// At most this many figures are named per side.
    static let perSide = 2

    /// The reason; figures that are all plans or projections say so first, since a deal's plan is compared
    /// apart from what was delivered on the day ("Planned or projected: X says 1,000 …").
    func reason() -> String {
        let plans = claims.allSatisfy { $0.claim.status == .planned || $0.claim.status == .projected }
        return plans ? "Planned or projected: " + statement() : statement()
    }

    private func statement() -> String {
        switch verdict {
        case .conflict:
            // The first distinct figures of each side, gathered in one pass: a swept group has thousands of
            // claims and may have hundreds of sides, and filtering the claims once per side was quadratic.
            var named: [Int: [Claim]] = [:]
            var seen: [Int: Set<String>] = [:]
            for item in claims where item.position > 0 && named[item.position, default: []].count < ReasonWriter.perSide {
                if seen[item.position, default: []].insert(ReasonWriter.distinctKey(item.claim)).inserted { named[item.position, default: []].append(item.claim) }
            }
            let statements = named.keys.sorted().map { side in named[side]!.map(ReasonWriter.says).joined(separator: ", ") }
            var text = statements.joined(separator: "; ") + " — the figures do not overlap"
            var neutralFigures: [String] = []
            for claim in claims where claim.position == 0 {
                let figure = ReasonWriter.figure(claim.claim)
                if !neutralFigures.contains(figure) { neutralFigures.append(figure) }
            }
            if !neutralFigures.isEmpty {
                text += " (" + neutralFigures.prefix(2).map { "\"\($0)\"" }.joined(separator: ", ") + " fits either)"
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
            if let update = update() { return update }
            let all = distinct(claims.map(\.claim))
            let shown = all.prefix(4).map(ReasonWriter.says).joined(separator: "; ")
            let more = all.count > 4 ? " (+\(all.count - 4) more)" : ""
            if undatedTotals(all) {
                let what = all.contains { $0.status == .standing } ? "counts as they stand" : "totals to date"
                return "\(shown)\(more) — \(what) from articles that do not say which day they were read on; the higher may be the later"
            }
            let earlier = all.contains { $0.status == .superseded } ? " (earlier readings aside)" : ""
            return "\(shown)\(more) — the figures overlap but are stated differently\(earlier)"
        case .agreement:
            // Earlier readings the articles report as replaced agree or not with nothing: left out of the count.
            let current = claims.filter { $0.claim.status != .superseded }
            let basis = current.isEmpty ? claims : current
            // "270" rather than "at least 270" when sources state one figure with and without a hedge.
            let figure = ReasonWriter.figure((basis.first { $0.claim.qualifier == .exact } ?? basis[0]).claim)
            let sources = basis.count == claims.count ? self.sources ?? Set(claims.map(\.claim.doc)).count : Set(basis.map(\.claim.doc)).count
            let aside = basis.count == claims.count ? "" : " (earlier readings aside)"
            return "\(sources == 1 ? "the article says" : "\(sources) sources say") \(figure) consistently\(aside)"
        }
    }

    /// "X says 3,958 people (2023-09-17), Y says 4,255 people (2023-09-28) — a total to date, updated
    /// from 3,958 to 4,255": the earliest reading of a running total read on several days and the latest
    /// that states another figure ("updated from 270 to 270" says nothing); one that went down, within
    /// the approximations that let it overlap, is "revised down". A standing count ("still missing")
    /// goes up or down as it stands on each day.
    private func update() -> String? {
        let readings = claims.map(\.claim).compactMap { claim in Reconciler.day(of: claim).map { (claim: claim, day: $0) } }
            .filter { $0.claim.status?.isReading == true }
        guard let first = readings.min(by: { $0.day < $1.day }) else { return nil }
        let firstFigure = ReasonWriter.figure(first.claim)
        guard let last = readings.filter({ ReasonWriter.figure($0.claim) != firstFigure }).max(by: { $0.day < $1.day }), first.day < last.day
        else { return nil }
        let (from, to) = (first.claim.interval(on: axis), last.claim.interval(on: axis))
        let down = from.flatMap { f in to.map { t in t.low + t.high < f.low + f.high } } ?? false
        let change =
            first.claim.status == .standing
            ? "a count as it stands on each day, \(down ? "down" : "up")" : "a total to date, \(down ? "revised down" : "updated")"
        return "\(ReasonWriter.says(first.claim)) (\(first.day.iso)), \(ReasonWriter.says(last.claim)) (\(last.day.iso))"
            + " — \(change) from \(firstFigure) to \(ReasonWriter.figure(last.claim))"
    }

    /// Whether two of the figures do not overlap and are readings whose days are unknown: totals to date
    /// of undated articles, or standing counts of which one is undated (the only way figures that do not
    /// overlap make a variance without a known update). Linear, since a swept group holds thousands of
    /// claims: the lowest-ending and the highest-starting reading decide.
    private func undatedTotals(_ all: [Claim]) -> Bool {
        let readings = all.compactMap { claim in
            claim.status?.isReading == true && (claim.status == .standing || Reconciler.day(of: claim) == nil) ? claim.interval(on: axis).map { (claim, $0) } : nil
        }
        guard let lowest = readings.min(by: { $0.1.high < $1.1.high }), let highest = readings.max(by: { $0.1.low < $1.1.low }) else { return false }
        return !lowest.1.overlaps(highest.1) && ClaimRelation.undatedReadings(lowest.0, highest.0)
    }

    /// Claims with distinct figures, first of each kept.
    private func distinct(_ claims: [Claim]) -> [Claim] {
        var seen: Set<String> = []
        return claims.filter { seen.insert(ReasonWriter.distinctKey($0)).inserted }
    }

    /// What `distinct(_:)` tells claims apart by: the figure and who states it.
    private static func distinctKey(_ claim: Claim) -> String { figure(claim) + "|" + (claim.speaker ?? claim.doc) }

    /// "Medinsky says 339 children", or "000.txt says …" when no speaker is known; an earlier reading
    /// the article reports as replaced is marked so ("said earlier").
    static func says(_ claim: Claim) -> String {
        let verb = claim.status == .superseded ? "said earlier" : "says"
        return "\(claim.speaker ?? source(claim.doc)) \(verb) \(figure(claim))"
    }

    static func source(_ doc: String) -> String {
        doc.split(separator: "/").last.map(String.init) ?? doc
    }

    /// The figure in words, as every renderer states it.
    static func figure(_ claim: Claim) -> String { FigureText.describe(claim) }
}
