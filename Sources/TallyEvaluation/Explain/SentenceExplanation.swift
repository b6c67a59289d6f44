import TallyCore
import TallyExtract
import TallyNumerals

/// What `tally explain` shows for one sentence: how the text was read, how each rule fared over its
/// numbers, which rule won each number, and the claims.
///
/// Built from one traced extraction run (`Extractor.extract(_:trace:)`): the matches, the reasons they
/// were blocked and the winners are the extractor's own, so the explanation cannot drift from what
/// extraction does.
public struct SentenceExplanation: Sendable {
    /// One rule's match over a number of the sentence.
    public struct Match: Sendable, Hashable {
        public var traced: ExtractionTrace.RuleMatch
        /// The matched text, as it stands in the document.
        public var text: String
        /// Index into `quantities` of the number the rule's `emit.value` captured.
        public var quantity: Int

        public var rule: Rule { traced.rule }
        public var length: Int { traced.length }
        public var blocked: ExtractionTrace.Blocked? { traced.blocked }
    }

    public var sentenceIndex: Int
    public var sentence: Sentence
    public var sentenceText: String
    public var tokens: [Token]
    /// The number mentions of the sentence, in text order.
    public var quantities: [Quantity]
    public var tags: [LexiconTag]
    /// Every rule match over a number, in rule-file order.
    public var matches: [Match]
    /// Per number (indexed like `quantities`), the match that won it, if any.
    public var winners: [Match?]
    /// The claims whose span lies in the sentence.
    public var claims: [Claim]

    /// Runs extraction once over a prepared document, recording a trace, and explains the sentences at
    /// `indices` (0-based; an index past the end is left out).
    public static func explain(_ context: PreparedDocument, sentences indices: [Int], extractor: Extractor) -> [SentenceExplanation] {
        var trace = ExtractionTrace()
        let claims = extractor.extract(context, trace: &trace)
        return indices.compactMap { SentenceExplanation(sentenceIndex: $0, context: context, trace: trace, claims: claims, lexicon: extractor.rules.index) }
    }

    /// Sentence `sentenceIndex` of a document whose run recorded `trace` and found `claims`; nil when
    /// there is no such sentence.
    public init?(sentenceIndex: Int, context: PreparedDocument, trace: ExtractionTrace, claims: [Claim], lexicon: LexiconIndex) {
        let analysis = context.analysis
        guard analysis.sentences.indices.contains(sentenceIndex) else { return nil }
        let sentence = analysis.sentences[sentenceIndex]
        let range = sentence.tokens
        // Mentions come in text order, so the sentence's are one run of the document's.
        let inSentence = context.quantities.indices.filter { range.contains(context.quantities[$0].tokens.lowerBound) }
        let first = inSentence.first ?? 0
        func explained(_ traced: ExtractionTrace.RuleMatch) -> Match {
            let text = analysis.slice(analysis.tokens[traced.tokens.lowerBound].start, analysis.tokens[traced.tokens.upperBound - 1].end)
            return Match(traced: traced, text: text, quantity: traced.quantity - first)
        }
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.sentenceText = analysis.slice(sentence.start, sentence.end)
        self.tokens = Array(analysis.tokens[range])
        self.quantities = inSentence.map { context.quantities[$0] }
        self.tags = LexiconTag.tags(in: analysis, range, lexicon)
        self.matches = trace.matches(inSentence: sentenceIndex).map(explained)
        self.winners = inSentence.map { trace.winner(ofQuantity: $0).map(explained) }
        self.claims = claims.filter { $0.start >= sentence.start && $0.end <= sentence.end }
    }

    /// The other unblocked matches over the number `winner` won, best first by the extractor's order.
    public func beaten(by winner: Match) -> [Match] {
        matches.filter { $0.quantity == winner.quantity && $0.blocked == nil && $0.traced.ruleIndex != winner.traced.ruleIndex }
            .sorted { $0.traced.outranks($1.traced) }
    }
}
