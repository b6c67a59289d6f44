import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct SpeakerResolverTests {
    static let lexicon = Lexicon.parse(
        yaml: """
            speech_verb: [said, told]
            speaker_title: [president, lead, negotiator]
            speaker_alias:
              Zelensky: [Zelenskyy, Zelensky]
            speaker_noun: [officials]
            """, file: "speakers.yaml"
    ).0

    static func speakers(_ text: String) -> (TextAnalysis, SpeakerResolver.Speakers) {
        let index = LexiconIndex(lexicon, extraWords: ["according", "to"])
        let analysis = TextAnalysis(text: text)
        let resolver = SpeakerResolver(
            probe: TokenLookup(analysis), lexicon: index, vocabulary: SpeakerVocabulary(lexicon: lexicon), words: index.wordIDs(of: analysis),
            speechVerb: index.classID("speech_verb"))
        return (analysis, resolver.resolve())
    }

    @Test func namesTitlesAliasesPronounsAndAccordingTo() {
        let (analysis, speakers) = SpeakerResolverTests.speakers(
            "President Zelenskyy said 500 were freed. He told reporters 20 were missing. Officials said 20 more. "
                + "According to lead negotiator Rustem Umerov, 100 bodies came home.\nNobody spoke of 5 here.")
        #expect(analysis.sentences.count == 5)
        #expect((0..<5).map { speakers.mentions(in: $0).map(\.name) } == [["Zelensky"], ["Zelensky"], ["Officials"], ["Umerov"], []])
        #expect(speakers.speaker(at: 3, sentence: 0) == "Zelensky")
        #expect(speakers.speaker(at: analysis.sentences[3].tokens.upperBound - 2, sentence: 3) == "Umerov")
        // A new paragraph carries nothing over.
        #expect(speakers.speaker(at: analysis.sentences[4].tokens.lowerBound, sentence: 4) == nil)
    }

    @Test func aSentenceWithoutAttributionTakesThePreviousOneOfItsParagraph() {
        let (_, speakers) = SpeakerResolverTests.speakers("Russia's lead negotiator Medinsky said 1,000 would be swapped. The rest follow in June.")
        #expect(speakers.mentions(in: 0).map(\.name) == ["Medinsky"])
        #expect(speakers.speaker(at: 0, sentence: 1) == "Medinsky")
    }

    @Test func aQuotationTakesTheAttributionThatClosesIt() {
        let (_, speakers) = SpeakerResolverTests.speakers("\"We freed 300. We will free 200 more.\" officials said.")
        #expect(speakers.speaker(at: 0, sentence: 0) == "officials")
    }
}
