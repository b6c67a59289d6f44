import TallyCore

/// A gold claim placed in the document text: the scalar span of its quote.
public struct LocatedGold: Sendable, Hashable {
    public var claim: GoldClaim
    public var start: Int
    public var end: Int

    func overlap(_ start: Int, _ end: Int) -> Int { max(0, min(self.end, end) - max(self.start, start)) }
}

/// One article's gold claims located in its ingested text, and those whose quote is not there.
public struct GoldAlignment: Sendable {
    public var located: [LocatedGold]
    public var unfound: [GoldClaim]

    /// Finds each quote in `text` (exact, Unicode scalars). A quote annotated more than once takes its
    /// next occurrence each time, falling back to the first when there is no further one.
    public init(gold: [GoldClaim], text: String) {
        let scalars = Array(text.unicodeScalars)
        var next: [String: Int] = [:]
        var located: [LocatedGold] = []
        var unfound: [GoldClaim] = []
        for claim in gold {
            let needle = Array(claim.quote.unicodeScalars)
            let from = next[claim.quote] ?? 0
            guard let start = GoldAlignment.find(needle, in: scalars, from: from) ?? GoldAlignment.find(needle, in: scalars, from: 0) else {
                unfound.append(claim)
                continue
            }
            next[claim.quote] = start + 1
            located.append(LocatedGold(claim: claim, start: start, end: start + needle.count))
        }
        self.located = located
        self.unfound = unfound
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The gold claim of the same kind (not a trap) that overlaps `claim` most, among those `allowed`.
    func best(for claim: Claim, allowed: (Int) -> Bool = { _ in true }) -> Int? {
        var best: (index: Int, overlap: Int)?
        for (index, gold) in located.enumerated() where gold.claim.kind == claim.kind && !gold.claim.isTrap && allowed(index) {
            let overlap = gold.overlap(claim.start, claim.end)
            if overlap > 0, overlap > (best?.overlap ?? 0) { best = (index, overlap) }
        }
        return best?.index
    }

    /// Any gold claim overlapping `claim` (a trap or another kind), for explaining a false positive.
    func anyOverlapping(_ claim: Claim) -> LocatedGold? {
        located.first { $0.overlap(claim.start, claim.end) > 0 }
    }
}

/// How one predicted claim stands against the gold annotation.
public enum GoldStanding: Sendable, Hashable {
    /// Same kind and span, and value/interval and qualifier agree.
    case strict(GoldClaim)
    /// Same kind and span; the listed fields differ.
    case detected(GoldClaim, mismatches: [String])
    /// It overlaps only a trap or a claim of another kind: a false positive.
    case wrong(GoldClaim)
    /// No gold claim near it.
    case noGold

    /// What the gold annotation says about the claim, for a diff line.
    public var note: String? {
        switch self {
        case .strict(let gold): return "matches gold #\(gold.id)"
        case .detected(let gold, let mismatches): return "gold #\(gold.id) differs: " + mismatches.joined(separator: "; ")
        case .wrong(let gold): return "overlaps only gold #\(gold.id), kind \(gold.kind)" + (gold.subject.map { " (\($0))" } ?? "")
        case .noGold: return nil
        }
    }

    /// Higher is closer to gold: strict 3, detected 2, no gold 1, wrong 0.
    var rank: Int {
        switch self {
        case .strict: return 3
        case .detected: return 2
        case .noGold: return 1
        case .wrong: return 0
        }
    }
}

extension GoldAlignment {
    /// The claim's standing, judged on its own (not one-to-one with other claims).
    public func standing(of claim: Claim) -> GoldStanding {
        if let index = best(for: claim) {
            let mismatches = GoldFieldCheck.mismatches(claim, located[index].claim)
            let gold = located[index].claim
            return mismatches.isEmpty ? .strict(gold) : .detected(gold, mismatches: mismatches)
        }
        if let other = anyOverlapping(claim) { return .wrong(other.claim) }
        return .noGold
    }
}
