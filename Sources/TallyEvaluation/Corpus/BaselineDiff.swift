import TallyCore

/// Which way a change moves extraction relative to the hand annotation.
public enum GoldDirection: String, Sendable, Hashable, Codable {
    case toward = "toward gold"
    case away = "away from gold"
    /// Gold covers the claim, but the change touches nothing gold decides (subject wording, speaker…).
    case neutral = "neutral to gold"
    /// No gold claim is near it (or the article has no annotation).
    case noGold = "no gold"
}

/// One difference between the accepted baseline and the current output.
public struct ClaimChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case added = "+", removed = "-", changed = "~" }

    public var kind: Kind
    public var old: Claim?
    public var new: Claim?
    /// For `changed`: `field old → new`, one per differing field.
    public var fields: [String]
    public var direction: GoldDirection
    /// What gold says about the claim as it now stands (or stood, for a removal).
    public var note: String?

    /// The claim as it stands now (or stood, for a removal).
    public var claim: Claim { (new ?? old)! }
}

/// Matches baseline claims with current ones by kind and span, then by kind and quote, then by kind and
/// overlapping span — never by line number — and lists what appeared, disappeared or changed.
public enum BaselineDiff {
    public static func diff(baseline: [Claim], current: [Claim], gold: GoldAlignment?) -> [ClaimChange] {
        var oldLeft = Array(Baseline.sorted(baseline).enumerated())
        var newLeft = Array(Baseline.sorted(current).enumerated())
        var pairs: [(Claim, Claim)] = []
        let passes: [(Claim, Claim) -> Bool] = [
            { $0.kind == $1.kind && $0.start == $1.start && $0.end == $1.end },
            { $0.kind == $1.kind && $0.quote == $1.quote },
            { $0.kind == $1.kind && $0.start < $1.end && $1.start < $0.end },
        ]
        for matches in passes {
            var unmatchedNew: [(offset: Int, element: Claim)] = []
            for entry in newLeft {
                if let index = oldLeft.firstIndex(where: { matches($0.element, entry.element) }) {
                    pairs.append((oldLeft[index].element, entry.element))
                    oldLeft.remove(at: index)
                } else {
                    unmatchedNew.append(entry)
                }
            }
            newLeft = unmatchedNew
        }
        var changes: [ClaimChange] = []
        for (old, new) in pairs {
            let fields = differences(old, new)
            guard !fields.isEmpty else { continue }
            changes.append(ClaimChange(kind: .changed, old: old, new: new, fields: fields, direction: direction(from: old, to: new, gold), note: nil))
        }
        for (_, claim) in newLeft {
            changes.append(ClaimChange(kind: .added, old: nil, new: claim, fields: [], direction: direction(from: nil, to: claim, gold), note: nil))
        }
        for (_, claim) in oldLeft {
            changes.append(ClaimChange(kind: .removed, old: claim, new: nil, fields: [], direction: direction(from: claim, to: nil, gold), note: nil))
        }
        if let gold {
            for index in changes.indices { changes[index].note = gold.standing(of: changes[index].claim).note }
        }
        return changes.sorted { ($0.claim.start, $0.claim.end, $0.kind.rawValue) < ($1.claim.start, $1.claim.end, $1.kind.rawValue) }
    }

    /// `field old → new` for every baseline field that differs.
    static func differences(_ old: Claim, _ new: Claim) -> [String] {
        let a = fieldValues(old)
        let b = fieldValues(new)
        return Baseline.fields.indices.compactMap { a[$0] == b[$0] ? nil : "\(Baseline.fields[$0]) \(a[$0]) → \(b[$0])" }
    }

    static func fieldValues(_ claim: Claim) -> [String] {
        [
            claim.kind, "\"\(claim.quote)\"", String(claim.start), String(claim.end), text(claim.value), text(claim.low), text(claim.high),
            claim.qualifier.rawValue, claim.unit ?? "null", claim.scope?.rawValue ?? "null", claim.subject ?? "null",
            claim.event ?? "null", claim.speaker ?? "null", claim.rule,
        ]
    }

    static func text(_ figure: Figure?) -> String { figure?.description ?? "null" }

    /// Compares how the old and the new claim stand against gold.
    static func direction(from old: Claim?, to new: Claim?, _ gold: GoldAlignment?) -> GoldDirection {
        guard let gold else { return .noGold }
        let before = old.map(gold.standing) ?? .noGold
        let after = new.map(gold.standing) ?? .noGold
        switch (before, after) {
        case (.noGold, .noGold): return .noGold
        case (.detected(_, let m0), .detected(_, let m1)) where m0.count != m1.count: return m1.count < m0.count ? .toward : .away
        default:
            // A removed true positive is a loss; a removed false positive a gain (noGold ranks between).
            if after.rank != before.rank { return after.rank > before.rank ? .toward : .away }
            return .neutral
        }
    }
}
