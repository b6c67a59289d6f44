import TallyCore
import TallyNumerals

/// Rule-driven claim extraction: one document in, its numeric claims out, in text order.
///
/// Pure and `Sendable`: share one extractor across threads.
public struct Extractor: Sendable {
    public let rules: RuleSet

    /// How many tokens before a number a match may start (bounds the search per number).
    public static let lookBehind = 14

    /// The rules, compiled, in file order.
    let compiled: [CompiledRule]

    public init(rules: RuleSet) {
        self.rules = rules
        self.compiled = rules.rules.map { CompiledRule($0, lexicon: rules.index) }
    }

    public func extract(_ document: Document) -> [Claim] {
        let context = ClaimContext(document: document, rules: rules)
        return extract(context)
    }

    /// The claims of a prepared document, in text order.
    public func extract(_ context: ClaimContext) -> [Claim] {
        var claims: [Claim] = []
        var quantityCursor = 0
        let quantities = context.quantities
        let builder = ClaimBuilder(context: context, rules: rules)
        var scratch = SentenceScratch(input: context.input, rules: compiled.count)
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
            let winners = candidates(in: sentenceIndex, quantities: inSentence, context: context, scratch: &scratch)
            var sentenceClaims: [(claim: Claim, increment: Bool)] = []
            for candidate in winners {
                sentenceClaims.append((builder.claim(for: candidate, sentenceIndex: sentenceIndex), candidate.rule.emit.increment))
            }
            claims += IncrementMerger.merge(sentenceClaims, previous: claims.last)
        }
        return claims
    }

    /// Every rule match over the numbers of one sentence, and the winner per number (in text order).
    func candidates(in sentenceIndex: Int, quantities inSentence: [Int], context: ClaimContext, scratch: inout SentenceScratch) -> [Candidate] {
        let sentence = context.analysis.sentences[sentenceIndex]
        let matcher = scratch.matcher
        let words = context.input.words
        scratch.markWords(of: sentence.tokens)
        let sentenceClasses = rules.index.classesStarting(in: words, range: sentence.tokens)
        var startsByClass = [[Int]?](repeating: nil, count: Pattern.QuantityClass.ordered.count + 1)
        // The best candidate per number of the sentence (indexed like `inSentence`).
        var best = [Candidate?](repeating: nil, count: inSentence.count)
        for ruleIndex in compiled.indices {
            let compiledRule = compiled[ruleIndex]
            guard compiledRule.requiredClasses.isSubset(of: sentenceClasses),
                scratch.sentenceHasAll(compiledRule.requiredWords),
                let valueCapture = compiledRule.valueCapture
            else { continue }
            if !compiledRule.requires.isEmpty {
                let range = compiledRule.rule.context == .sentence ? sentence.tokens : context.paragraphTokens(of: sentenceIndex)
                let holds = scratch.requirements.holds(rule: ruleIndex, in: range) {
                    compiledRule.requires.allSatisfy { matcher.occurs($0, in: range) }
                }
                guard holds else { continue }
            }
            let valueClass = compiledRule.valueClass
            let classSlot = valueClass?.ordinal ?? Pattern.QuantityClass.ordered.count
            if startsByClass[classSlot] == nil {
                startsByClass[classSlot] = Extractor.starts(near: inSentence, accepting: valueClass, in: sentence.tokens, context.quantities)
            }
            let priority = compiledRule.rule.priority
            let filter = compiledRule.program.start
            for start in startsByClass[classSlot]! where filter.anyPosition || matcher.canStart(filter, at: start) {
                let end = matcher.matchEnd(compiledRule.program, at: start, limit: sentence.tokens.upperBound, anyMatch: false)
                guard end >= 0, let captured = matcher.captured(valueCapture) else { continue }
                var local = 0
                while local < inSentence.count, !captured.contains(context.quantities[inSentence[local]].tokens.lowerBound) { local += 1 }
                guard local < inSentence.count else { continue }
                let quantityIndex = inSentence[local]
                let quantity = context.quantities[quantityIndex]
                // "all-for-all" states no figure: nothing to claim or compare.
                if quantity.value == nil, quantity.low == nil, quantity.high == nil { continue }
                if let current = best[local], !Candidate.beats(length: end - start, priority: priority, ruleIndex: ruleIndex, current) { continue }
                let match = PatternMatch(start: start, end: end, captures: matcher.captures(of: compiledRule.program))
                if compiledRule.vetoes.contains(where: { Extractor.vetoes($0, quantity, in: sentence.tokens, matcher) }) { continue }
                best[local] = Candidate(compiled: compiledRule, ruleIndex: ruleIndex, match: match, quantityIndex: quantityIndex)
            }
        }
        return best.compactMap { $0 }.sorted { context.quantities[$0.quantityIndex].start < context.quantities[$1.quantityIndex].start }
    }

    /// Start positions from which a match can reach the numbers a rule accepts: up to `lookBehind`
    /// tokens before each, within the sentence; sorted, without repeats.
    static func starts(near inSentence: [Int], accepting valueClass: Pattern.QuantityClass?, in sentence: Range<Int>, _ quantities: [Quantity]) -> [Int] {
        var positions: [Int] = []
        positions.reserveCapacity(lookBehind + 1)
        var covered = sentence.lowerBound
        var previous = Int.min
        for index in inSentence {
            if let valueClass, !valueClass.accepts(quantities[index]) { continue }
            let number = quantities[index].tokens.lowerBound
            // Mentions come in text order; should one not, fall back to a sorted union.
            guard number >= previous else { return unsortedStarts(near: inSentence, accepting: valueClass, in: sentence, quantities) }
            previous = number
            var position = max(covered, sentence.lowerBound, number - lookBehind)
            while position <= number {
                positions.append(position)
                position += 1
            }
            covered = max(covered, number + 1)
        }
        return positions
    }

    /// `starts` for mentions out of text order: the union of every window, sorted.
    private static func unsortedStarts(
        near inSentence: [Int], accepting valueClass: Pattern.QuantityClass?, in sentence: Range<Int>, _ quantities: [Quantity]
    ) -> [Int] {
        var positions: Set<Int> = []
        for index in inSentence where valueClass?.accepts(quantities[index]) ?? true {
            let number = quantities[index].tokens.lowerBound
            positions.formUnion(max(sentence.lowerBound, number - lookBehind)...number)
        }
        return positions.sorted()
    }

    /// Whether a veto pattern matches a span of `range` (a sentence) that overlaps the number.
    public static func vetoes(_ veto: Pattern, _ quantity: Quantity, in range: Range<Int>, _ matcher: PatternMatcher) -> Bool {
        vetoes(matcher.program(veto), quantity, in: range, matcher)
    }

    static func vetoes(_ veto: PatternProgram, _ quantity: Quantity, in range: Range<Int>, _ matcher: PatternMatcher) -> Bool {
        let from = max(range.lowerBound, quantity.tokens.lowerBound - lookBehind)
        for start in from..<quantity.tokens.upperBound {
            let end = matcher.matchEnd(veto, at: start, limit: range.upperBound, anyMatch: false)
            if end >= 0, end > quantity.tokens.lowerBound, start < quantity.tokens.upperBound { return true }
        }
        return false
    }
}

/// Per-document working state of the extractor: the matcher with its buffers, which words the
/// current sentence has, and which `requires` held where.
struct SentenceScratch {
    let matcher: PatternMatcher
    let requirements: RequirementCache
    /// Word id → the mark of the last sentence containing it.
    private var stamps: [Int32]
    private var mark: Int32 = 0
    private let words: [Int32]

    init(input: MatchInput, rules: Int) {
        matcher = PatternMatcher(input: input)
        requirements = RequirementCache(rules: rules)
        words = input.words
        stamps = [Int32](repeating: 0, count: input.lexicon.vocabulary.count)
    }

    /// Remembers the words of a sentence for `sentenceHas`.
    mutating func markWords(of range: Range<Int>) {
        mark += 1
        for index in range where words[index] >= 0 { stamps[Int(words[index])] = mark }
    }

    /// Whether the current sentence has every one of these words.
    func sentenceHasAll(_ words: [Int32]) -> Bool {
        for word in words where stamps[Int(word)] != mark { return false }
        return true
    }
}

/// Remembers whether a rule's `requires` held in the last sentence or paragraph it was checked for, so
/// a paragraph is searched once per rule rather than once per sentence (sentences come in order).
final class RequirementCache {
    private var ranges: [Range<Int>?]
    private var results: [Bool]

    init(rules: Int) {
        ranges = Array(repeating: nil, count: rules)
        results = Array(repeating: false, count: rules)
    }

    func holds(rule: Int, in range: Range<Int>, _ compute: () -> Bool) -> Bool {
        if ranges[rule] == range { return results[rule] }
        let value = compute()
        ranges[rule] = range
        results[rule] = value
        return value
    }
}
