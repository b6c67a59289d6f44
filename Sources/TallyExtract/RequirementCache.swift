import TallyMemory

/// Remembers whether a rule's `requires` held in the last sentence or paragraph it was checked for, so
/// a paragraph is searched once per rule rather than once per sentence (sentences come in order).
final class RequirementCache {
    private let rules: Int
    /// Per rule: the token range last checked (lower -1: none) and the answer.
    private let lower: ScratchBuffer<Int>
    private let upper: ScratchBuffer<Int>
    private let results: ScratchBuffer<Bool>

    init(rules: Int) {
        self.rules = rules
        lower = ScratchBuffer(capacity: rules, filling: -1)
        upper = ScratchBuffer(capacity: rules, filling: -1)
        results = ScratchBuffer(capacity: rules, filling: false)
    }

    /// Forgets every answer (for another document).
    func forget() { lower.fill(-1, count: rules) }

    func holds(rule: Int, in range: Range<Int>, _ compute: () -> Bool) -> Bool {
        if lower[rule] == range.lowerBound, upper[rule] == range.upperBound { return results[rule] }
        let value = compute()
        lower[rule] = range.lowerBound
        upper[rule] = range.upperBound
        results[rule] = value
        return value
    }
}
