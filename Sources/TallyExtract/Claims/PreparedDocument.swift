import TallyMemory
import TallyCore
import TallyNumerals

/// One document prepared for rule matching: its analysis, number mentions, and per-sentence
/// speakers and events.
public final class PreparedDocument {
    public let document: Document
    public let analysis: TextAnalysis
    public let quantities: [Quantity]
    let speakers: SpeakerResolver.Speakers
    let events: EventResolver.Events
    /// The article's story signature (see `StorySignature`).
    let story: [String]
    public let input: MatchInput
    /// The lexicon classes claim building looks up.
    let classes: ClaimClasses
    /// The sentence whose text was last asked for, and that text: a sentence's claims are built
    /// one after another, so its text is sliced once.
    private var cachedSentence = -1
    private var cachedText = ""
    /// Whether `cachedText` is ASCII: then scalar offsets in it are byte offsets.
    private var cachedIsASCII = false

    public init(document: Document, rules: __shared RuleSet) {
        self.document = document
        let analysis = TextAnalysis(text: document.text)
        let scanner = NumeralScanner(vocabulary: rules.vocabulary)
        var quantities = scanner.scan(analysis, reference: document.published)
        let probe = TokenLookup(analysis)
        // An article with no date of its own is read from the latest full date it writes ("on September 12,
        // 2023", or "on Tuesday, 12 September", whose weekday fixes the year): its "Sunday" and "September 10"
        // are then days, not dropped for want of a year. A date it
        // gives as background ("held since the attack on October 7, 2023") is no such reference.
        if document.published == nil,
            let reference = EventResolver(probe: probe, quantities: quantities, published: nil, recalledEvents: rules.recalledEvents).latestFullDate()
        {
            quantities = scanner.scan(analysis, reference: reference)
        }
        self.analysis = analysis
        self.quantities = quantities
        let input = MatchInput(
            tokens: analysis.tokens, quantities: quantities, lexicon: rules.index, regexes: rules.regexes, words: rules.index.wordIDs(of: analysis))
        let classes = rules.speakerVocabulary.classes.resolved(in: rules.index)
        self.speakers = SpeakerResolver(
            probe: probe, lexicon: rules.index, vocabulary: rules.speakerVocabulary, words: input.words, speechVerb: classes.speechVerb
        ).resolve()
        let planned = classes.statusMarker.map { marker in
            { (range: Range<Int>) -> Bool in
                guard let hit = rules.index.last(classID: marker, words: input.words, range: range) else { return false }
                return hit.value == ClaimStatus.planned.rawValue || hit.value == ClaimStatus.projected.rawValue
            }
        }
        self.events = EventResolver(
            probe: probe, quantities: quantities, published: document.published, recalledEvents: rules.recalledEvents, announcesPlan: planned ?? { _ in false }).resolve()
        var story = StorySignature.words(probe: probe, titles: rules.speakerVocabulary.titles, names: rules.speakerVocabulary.storyNames)
        if let outlet = document.outlet {
            let outletWords = outlet.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            story.removeAll { outletWords.contains($0) }
        }
        self.story = story
        self.input = input
        self.classes = classes
    }

    /// The sentence's text, as it stands in the document.
    func text(of sentence: Sentence) -> String { analysis.slice(sentence.start, sentence.end) }

    /// The text of sentence `index` (the last one asked for is kept).
    func text(ofSentence index: Int) -> String {
        if index != cachedSentence {
            let sentence = analysis.sentences[index]
            cachedText = text(of: sentence)
            cachedIsASCII = cachedText.utf8.count == sentence.end - sentence.start
            cachedSentence = index
        }
        return cachedText
    }

    /// The text between scalar offsets `start` and `end` of sentence `index` (a claim's quote): cut
    /// out of the sentence's text when that is ASCII, else sliced from the document.
    func text(_ start: Int, _ end: Int, inSentence index: Int) -> String {
        let sentenceText = text(ofSentence: index)
        let sentence = analysis.sentences[index]
        if cachedIsASCII, start >= sentence.start, start <= end, end <= sentence.end {
            let from = start - sentence.start
            let to = end - sentence.start
            let cut = !sentenceText.isContiguousUTF8 ? nil : sentenceText.withBytes { $0.string(from..<to) }
            if let cut { return cut }
        }
        return analysis.slice(start, end)
    }

    public var tokens: [Token] { analysis.tokens }

    /// Token range of the paragraph a sentence belongs to.
    func paragraphTokens(of sentenceIndex: Int) -> Range<Int> { analysis.sentences.paragraphTokens(of: sentenceIndex) }
}

extension Array where Element == Sentence {
    /// Token range of the paragraph that sentence `index` belongs to.
    public func paragraphTokens(of index: Int) -> Range<Int> {
        let paragraph = self[index].paragraph
        var first = index
        while first > 0, self[first - 1].paragraph == paragraph { first -= 1 }
        var last = index
        while last + 1 < count, self[last + 1].paragraph == paragraph { last += 1 }
        return self[first].tokens.lowerBound..<self[last].tokens.upperBound
    }
}
