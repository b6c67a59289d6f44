import TallyCore
import TallyExtract
import TallyNumerals

/// What `tally explain` shows for one sentence: how the text was read and how each rule fared.
///
/// Built from the engine's public pieces (tokenizer, numerals scanner, lexicon index, pattern
/// matcher); the claims are the real extractor's output, so the trace cannot claim a result the
/// engine does not produce.
public struct ExplainTrace: Sendable {
    /// A lexicon phrase found in the sentence.
    public struct Tag: Sendable, Hashable {
        public var tokens: Range<Int>
        public var className: String
        public var value: String
        public var text: String
    }

    /// One rule whose pattern matched over a number.
    public struct Match: Sendable, Hashable {
        public var rule: Rule
        public var ruleIndex: Int
        public var tokens: Range<Int>
        public var text: String
        /// Index into `quantities` of the number the rule's `emit.value` captured.
        public var quantity: Int
        /// Why it cannot win: a veto that matched, or a `requires` pattern that is absent.
        public var blocked: String?
        public var length: Int { tokens.count }
    }

    public var sentenceIndex: Int
    public var sentence: Sentence
    public var sentenceText: String
    public var tokens: [Token]
    /// Number mentions in the sentence (indices into the document's quantities are not kept).
    public var quantities: [Quantity]
    public var tags: [Tag]
    public var matches: [Match]
    /// The extractor's claims whose span lies in the sentence.
    public var claims: [Claim]

    /// Traces sentence `sentenceIndex` (0-based) of `document`; nil when there is no such sentence.
    public init?(document: Document, sentenceIndex: Int, extractor: Extractor) {
        let rules = extractor.rules
        let analysis = TextAnalysis(text: document.text)
        guard analysis.sentences.indices.contains(sentenceIndex) else { return nil }
        let sentence = analysis.sentences[sentenceIndex]
        let reference = document.published
        let all = NumeralScanner(vocabulary: rules.vocabulary).scan(analysis, reference: reference)
        let input = MatchInput(tokens: analysis.tokens, quantities: all, lexicon: rules.index, regexes: rules.regexes)
        let matcher = PatternMatcher(input: input)
        let range = sentence.tokens
        let inSentence = all.enumerated().filter { range.contains($0.element.tokens.lowerBound) }
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.sentenceText = analysis.slice(sentence.start, sentence.end)
        self.tokens = Array(analysis.tokens[range])
        self.quantities = inSentence.map(\.element)
        self.tags = ExplainTrace.tags(analysis, range, rules.index)
        var matches: [Match] = []
        var starts = Set<Int>()
        for (_, q) in inSentence { starts.formUnion(max(range.lowerBound, q.tokens.lowerBound - Extractor.lookBehind)...q.tokens.lowerBound) }
        let paragraph = analysis.sentences.paragraphTokens(of: sentenceIndex)
        for (ruleIndex, rule) in rules.rules.enumerated() {
            var seen = Set<Int>()
            for start in starts.sorted() {
                guard let hit = matcher.longestMatch(rule.pattern, at: start, limit: range.upperBound),
                    let captured = hit.captures[rule.emit.value],
                    let local = inSentence.firstIndex(where: { captured.contains($0.element.tokens.lowerBound) }),
                    !seen.contains(local)
                else { continue }
                seen.insert(local)  // the extractor keeps one candidate per rule and number: the first start
                let q = inSentence[local].element
                var blocked: String?
                let scope = rule.context == .sentence ? range : paragraph
                if let missing = rule.requires.first(where: { !matcher.occurs($0, in: scope) }) {
                    blocked = "requires \(missing.source) — not found in the \(rule.context.rawValue)"
                } else if let veto = rule.vetoes.first(where: { Extractor.vetoes($0, q, in: range, matcher) }) {
                    blocked = "vetoed by \(veto.source)"
                }
                let text = analysis.slice(analysis.tokens[hit.start].start, analysis.tokens[hit.end - 1].end)
                matches.append(Match(rule: rule, ruleIndex: ruleIndex, tokens: hit.start..<hit.end, text: text, quantity: local, blocked: blocked))
            }
        }
        self.matches = matches
        let bounds = analysis.sentences[sentenceIndex]
        self.claims = extractor.extract(document).filter { $0.start >= bounds.start && $0.end <= bounds.end }
    }

    /// The matches for one number, best first: longest span, then priority, then file order.
    public func ranked(quantity: Int) -> [Match] {
        matches.filter { $0.quantity == quantity && $0.blocked == nil }.sorted {
            ($1.length, $1.rule.priority, $0.ruleIndex) < ($0.length, $0.rule.priority, $1.ruleIndex)
        }
    }

    static func tags(_ analysis: TextAnalysis, _ range: Range<Int>, _ index: LexiconIndex) -> [Tag] {
        var tags: [Tag] = []
        for name in index.lexicon.classNames {
            var position = range.lowerBound
            while position < range.upperBound {
                if let hit = index.longest(name, in: analysis.tokens, at: position, limit: range.upperBound) {
                    let text = analysis.slice(analysis.tokens[position].start, analysis.tokens[hit.end - 1].end)
                    tags.append(Tag(tokens: position..<hit.end, className: name, value: hit.value, text: text))
                    position = hit.end
                } else {
                    position += 1
                }
            }
        }
        return tags.sorted { ($0.tokens.lowerBound, $0.className) < ($1.tokens.lowerBound, $1.className) }
    }
}

extension Pattern {
    /// The pattern written back in the rule language (for messages).
    public var source: String {
        switch self {
        case .literal(let word): return word.allSatisfy({ $0.isLetter || $0.isNumber }) ? word : "\"\(word)\""
        case .words(let options): return "{" + options.map { $0.joined(separator: " ") }.joined(separator: "|") + "}"
        case .lexiconClass(let name): return "@" + name
        case .quantity(let kind): return kind.rawValue
        case .quote: return "QUOTE"
        case .word: return "WORD"
        case .regex(let body): return "/\(body)/"
        case .any: return "_"
        case .sequence(let items): return items.map(\.grouped).joined(separator: " ")
        case .alternatives(let options): return "(" + options.map(\.source).joined(separator: " | ") + ")"
        case .repeated(let inner, let low, let high):
            let suffix = (low, high) == (0, 1) ? "?" : (low, high) == (0, 16) ? "*" : (low, high) == (1, 16) ? "+" : "{\(low),\(high)}"
            return inner.grouped + suffix
        case .capture(let name, let inner): return name + ":" + inner.grouped
        }
    }

    private var grouped: String {
        if case .sequence(let items) = self, items.count > 1 { return "(" + source + ")" }
        return source
    }
}
