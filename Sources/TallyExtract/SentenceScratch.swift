/// Per-document working state of the extractor, reused sentence after sentence so that matching a
/// sentence allocates nothing: the matcher with its buffers, the sentence's prefilter rows, its
/// number mentions, the start positions per kind of number, the best candidate per number, and
/// which `requires` held where.
struct SentenceScratch {
    let matcher: PatternMatcher
    let requirements: RequirementCache
    /// Per token of the sentence: the rules that may start there (`RulePrefilter.stride` words each).
    let startRows = ScratchBuffer<UInt64>(capacity: 256, filling: 0)
    /// Indices into the document's mentions of those in the sentence.
    var inSentence: [Int] = []
    /// Per `Pattern.QuantityClass` ordinal (the last slot: any class), the positions a match may
    /// start from, and whether they are computed for this sentence.
    var startsByClass: [[Int]]
    var startsReady: [Bool]
    /// The best candidate per mention of the sentence (indexed like `inSentence`).
    var best: [Candidate?] = []

    init(input: MatchInput, rules: Int) {
        matcher = PatternMatcher(input: input)
        requirements = RequirementCache(rules: rules)
        let slots = Pattern.QuantityClass.ordered.count + 1
        startsByClass = Array(repeating: [], count: slots)
        startsReady = Array(repeating: false, count: slots)
    }

    /// Empties the per-sentence state for a sentence with `mentions` number mentions.
    mutating func reset(mentions: Int) {
        for slot in startsReady.indices { startsReady[slot] = false }
        best.removeAll(keepingCapacity: true)
        for _ in 0..<mentions { best.append(nil) }
    }
}

/// Remembers whether a rule's `requires` held in the last sentence or paragraph it was checked for, so
/// a paragraph is searched once per rule rather than once per sentence (sentences come in order).
final class RequirementCache {
    /// Per rule: the token range last checked (lower -1: none) and the answer.
    private let lower: ScratchBuffer<Int>
    private let upper: ScratchBuffer<Int>
    private let results: ScratchBuffer<Bool>

    init(rules: Int) {
        lower = ScratchBuffer(capacity: rules, filling: -1)
        upper = ScratchBuffer(capacity: rules, filling: -1)
        results = ScratchBuffer(capacity: rules, filling: false)
    }

    func holds(rule: Int, in range: Range<Int>, _ compute: () -> Bool) -> Bool {
        if lower[rule] == range.lowerBound, upper[rule] == range.upperBound { return results[rule] }
        let value = compute()
        lower[rule] = range.lowerBound
        upper[rule] = range.upperBound
        results[rule] = value
        return value
    }
}
