import TallyMemory

/// Remembers whether a set of `requires` held in the last sentence or paragraph it was checked for, so
/// a paragraph is searched once per set rather than once per sentence (sentences come in order), and
/// rules with the same `requires` and context (four rules on `@pow_noun`) share one search.
final class RequirementCache {
    private let sets: Int
    /// Per set (`Extractor.requirementSets`): the token range last checked (lower -1: none) and the answer.
    private let lower: ScratchBuffer<Int>
    private let upper: ScratchBuffer<Int>
    private let results: ScratchBuffer<Bool>

    init(sets: Int) {
        self.sets = sets
        lower = ScratchBuffer(capacity: sets, filling: -1)
        upper = ScratchBuffer(capacity: sets, filling: -1)
        results = ScratchBuffer(capacity: sets, filling: false)
    }

    /// Forgets every answer (for another document).
    func forget() { lower.fill(-1, count: sets) }

    func holds(set: Int, in range: Range<Int>, _ compute: () -> Bool) -> Bool {
        if lower[set] == range.lowerBound, upper[set] == range.upperBound { return results[set] }
        let value = compute()
        lower[set] = range.lowerBound
        upper[set] = range.upperBound
        results[set] = value
        return value
    }
}
