/// What one extraction run did, recorded when asked (`Extractor.extract(_:trace:)`): every rule match
/// over a number with the reason it could not win, if any, and the match that won each number.
///
/// The extractor records it from its own search and ranking, so a view built on it (`tally explain`)
/// shows what extraction did rather than a re-enactment. Recording follows up matches the untraced run
/// skips early (rules whose `requires` fail, matches that cannot beat the best so far); the claims are
/// the same either way.
public struct ExtractionTrace: Sendable {
    /// One rule's match over a number: the match from the rule's first start that reaches the number.
    public struct RuleMatch: Sendable, Hashable {
        public var rule: Rule
        /// The rule's position in the rule files (the last tie-breaker).
        public var ruleIndex: Int
        public var tokens: Range<Int>
        /// Index into the document's quantities of the number the rule's `emit.value` captured.
        public var quantity: Int
        public var sentence: Int
        /// Why the match cannot become a claim; nil when it can.
        public var blocked: Blocked?

        public var length: Int { tokens.count }

        /// Overlap resolution as the extractor applies it: the longer match wins, then the higher
        /// priority, then the rule defined first.
        public func outranks(_ other: RuleMatch) -> Bool {
            Candidate.beats(
                length: length, priority: rule.priority, ruleIndex: ruleIndex,
                otherLength: other.length, otherPriority: other.rule.priority, otherRuleIndex: other.ruleIndex)
        }
    }

    /// Why a match cannot become a claim.
    public enum Blocked: Sendable, Hashable {
        /// One of the rule's `requires` patterns occurs nowhere in its context (sentence or paragraph).
        case missingRequirement(Pattern, in: Rule.Context)
        /// The number states no figure ("all-for-all"): there is nothing to claim or compare.
        case noFigure
        /// One of the rule's veto patterns matches over the number.
        case vetoed(Pattern)
    }

    /// Every match, sentence by sentence in text order, then in rule-file order, then by start.
    public private(set) var matches: [RuleMatch] = []
    /// The match that won each number it was the best for, in text order.
    public private(set) var winners: [RuleMatch] = []
    /// (rule, number) pairs already recorded: a rule is shown once per number, from its first start.
    private var recorded: Set<Pair> = []

    private struct Pair: Hashable {
        var rule: Int
        var quantity: Int
    }

    public init() {}

    /// The matches of sentence `index`.
    public func matches(inSentence index: Int) -> [RuleMatch] { matches.filter { $0.sentence == index } }

    /// The winning match of number `quantity` (a document quantity index), if a rule won it.
    public func winner(ofQuantity quantity: Int) -> RuleMatch? { winners.first { $0.quantity == quantity } }

    mutating func record(_ match: RuleMatch) {
        guard recorded.insert(Pair(rule: match.ruleIndex, quantity: match.quantity)).inserted else { return }
        matches.append(match)
    }

    mutating func recordWinner(_ match: RuleMatch) { winners.append(match) }
}
