import TallyCore
import TallyNumerals

/// Rule-driven claim extraction: one document in, its numeric claims out, in text order.
///
/// Pure and `Sendable`: share one extractor across threads.
public struct Extractor: Sendable {
    public let rules: RuleSet

    /// How many tokens before a number a match may start (bounds the search per number).
    public static let lookBehind = 14

    /// Per rule: the tokens its pattern can start with.
    let firstTokens: [FirstTokens]
    /// Per rule: the kind of number its `value` capture holds, when the pattern says (NUM, DURATION…):
    /// a rule is tried only near numbers of that kind.
    let valueClasses: [Pattern.QuantityClass?]
    /// Per rule: words and classes every match contains.
    let required: [RequiredTokens]

    public init(rules: RuleSet) {
        self.rules = rules
        self.firstTokens = rules.rules.map(\.pattern.firstTokens)
        self.valueClasses = rules.rules.map { $0.pattern.quantityClass(ofCapture: $0.emit.value) }
        self.required = rules.rules.map(\.pattern.requiredTokens)
    }

    public func extract(_ document: Document) -> [Claim] {
        let context = ClaimContext(document: document, rules: rules)
        return extract(context)
    }

    /// The per-sentence candidates, winners and claims for a prepared document (used by `explain`).
    public func extract(_ context: ClaimContext) -> [Claim] {
        var claims: [Claim] = []
        var quantityCursor = 0
        let quantities = context.quantities
        let builder = ClaimBuilder(context: context, rules: rules)
        let requirements = RequirementCache()
        for (sentenceIndex, sentence) in context.analysis.sentences.enumerated() {
            while quantityCursor < quantities.count, quantities[quantityCursor].tokens.lowerBound < sentence.tokens.lowerBound {
                quantityCursor += 1
            }
            var inSentence: [Int] = []
            var cursor = quantityCursor
            while cursor < quantities.count, quantities[cursor].tokens.lowerBound < sentence.tokens.upperBound {
                inSentence.append(cursor)
                cursor += 1
            }
            guard !inSentence.isEmpty else { continue }
            let winners = candidates(in: sentenceIndex, quantities: inSentence, context: context, requirements: requirements).winners
            var sentenceClaims: [(claim: Claim, increment: Bool)] = []
            for candidate in winners {
                sentenceClaims.append((builder.claim(for: candidate, sentenceIndex: sentenceIndex), candidate.rule.emit.increment))
            }
            claims += IncrementMerger.merge(sentenceClaims, previous: claims.last)
        }
        return claims
    }

    /// Every rule match over the numbers of one sentence, and the winner per number.
    public func candidates(
        in sentenceIndex: Int, quantities inSentence: [Int], context: ClaimContext, requirements: RequirementCache = RequirementCache()
    ) -> (all: [CandidateReport], winners: [Candidate]) {
        let sentence = context.analysis.sentences[sentenceIndex]
        let matcher = PatternMatcher(input: context.input)
        /// Start positions from which a match can reach the numbers a rule accepts.
        func starts(for valueClass: Pattern.QuantityClass?) -> [Int] {
            var positions = IndexSetBuilder()
            for index in inSentence where valueClass?.accepts(context.quantities[index]) ?? true {
                let q = context.quantities[index].tokens
                positions.insert(max(sentence.tokens.lowerBound, q.lowerBound - Extractor.lookBehind)..<(q.lowerBound + 1))
            }
            return positions.positions
        }
        var startsByClass: [Pattern.QuantityClass?: [Int]] = [:]
        let tokens = context.analysis.tokens
        let sentenceWords = Set(tokens[sentence.tokens].map(\.lower))
        let sentenceClasses = rules.index.classesStarting(in: tokens, range: sentence.tokens)
        var best: [Int: Candidate] = [:]
        var reports: [CandidateReport] = []
        for (ruleIndex, rule) in rules.rules.enumerated() {
            let needs = required[ruleIndex]
            guard needs.words.isSubset(of: sentenceWords), needs.classes.isSubset(of: sentenceClasses) else { continue }
            if !rule.requires.isEmpty {
                let range = rule.context == .sentence ? sentence.tokens : context.paragraphTokens(of: sentenceIndex)
                guard requirements.holds(rule: ruleIndex, in: range, { rule.requires.allSatisfy { matcher.occurs($0, in: range) } }) else { continue }
            }
            let first = firstTokens[ruleIndex]
            let valueClass = valueClasses[ruleIndex]
            if startsByClass[valueClass] == nil { startsByClass[valueClass] = starts(for: valueClass) }
            for start in startsByClass[valueClass]! where matcher.canStart(first, at: start) {
                guard let match = matcher.longestMatch(rule.pattern, at: start, limit: sentence.tokens.upperBound),
                    let captured = match.captures[rule.emit.value],
                    let quantityIndex = inSentence.first(where: { captured.contains(context.quantities[$0].tokens.lowerBound) })
                else { continue }
                let quantity = context.quantities[quantityIndex]
                // "all-for-all" states no figure: nothing to claim or compare.
                if quantity.value == nil, quantity.low == nil, quantity.high == nil { continue }
                if let veto = rule.vetoes.first(where: { Extractor.vetoes($0, quantity, in: sentence.tokens, matcher) }) {
                    reports.append(CandidateReport(rule: rule.id, match: match, quantity: quantityIndex, vetoedBy: "\(veto)"))
                    continue
                }
                reports.append(CandidateReport(rule: rule.id, match: match, quantity: quantityIndex, vetoedBy: nil))
                let candidate = Candidate(rule: rule, ruleIndex: ruleIndex, match: match, quantityIndex: quantityIndex)
                if let current = best[quantityIndex], !candidate.beats(current) { continue }
                best[quantityIndex] = candidate
            }
        }
        let winners = best.values.sorted { context.quantities[$0.quantityIndex].start < context.quantities[$1.quantityIndex].start }
        return (reports, winners)
    }

    /// Whether a veto pattern matches a span of `range` (a sentence) that overlaps the number.
    public static func vetoes(_ veto: Pattern, _ quantity: Quantity, in range: Range<Int>, _ matcher: PatternMatcher) -> Bool {
        let from = max(range.lowerBound, quantity.tokens.lowerBound - lookBehind)
        for start in from..<quantity.tokens.upperBound {
            if let hit = matcher.longestMatch(veto, at: start, limit: range.upperBound),
                hit.end > quantity.tokens.lowerBound, hit.start < quantity.tokens.upperBound
            {
                return true
            }
        }
        return false
    }
}

/// One rule match, as `tally explain` shows it.
public struct CandidateReport: Sendable, Hashable {
    public var rule: String
    public var match: PatternMatch
    public var quantity: Int
    public var vetoedBy: String?
}

/// Remembers whether a rule's `requires` held in a sentence or paragraph, so a paragraph is searched
/// once per rule rather than once per sentence.
public final class RequirementCache {
    private var known: [Int: [Range<Int>: Bool]] = [:]

    public init() {}

    func holds(rule: Int, in range: Range<Int>, _ compute: () -> Bool) -> Bool {
        if let cached = known[rule]?[range] { return cached }
        let value = compute()
        known[rule, default: [:]][range] = value
        return value
    }
}

/// Sorted, de-duplicated token positions from a union of ranges.
struct IndexSetBuilder {
    private var members: Set<Int> = []
    mutating func insert(_ range: Range<Int>) { members.formUnion(range) }
    var positions: [Int] { members.sorted() }
}
