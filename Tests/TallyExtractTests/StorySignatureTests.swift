import TallyMemory
import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct StorySignatureTests {
    @Test func takesFrequentCapitalisedWordsOfTheOpening() {
        let analysis = TextAnalysis(
            text: "Talks in Istanbul\nRussia and Ukraine met in Istanbul on Monday. The Ukraine envoy met Russia's Envoy in Istanbul.\n"
                + "Second paragraph.\nThird paragraph.\nLater Paris and Berlin are named too often: Paris, Paris, Paris.")
        let words = StorySignature.words(probe: TokenLookup(analysis), titles: WordHashSet(["envoy"]), names: [:])
        #expect(words == ["istanbul", "russia", "ukraine"])
    }

    @Test func keepsTheEightMostFrequent() {
        let names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"]
        let text = "Start " + names.enumerated().map { Array(repeating: $1, count: $0 + 1).joined(separator: " ") }.joined(separator: " ")
        let words = StorySignature.words(probe: TokenLookup(TextAnalysis(text: text)), titles: WordHashSet([String]()), names: [:])
        #expect(words == names.dropFirst(2).map { $0.lowercased() }.sorted())
    }

    @Test func aPartysFormsAreOneName() {
        let analysis = TextAnalysis(text: "Swap day\nOn the day Hamas freed Israelis as Israel freed prisoners, and Israeli buses left Gaza.\n")
        let names: WordHashTable<String> = ["israeli": "israel", "israelis": "israel", "israel": "israel"]
        let words = StorySignature.words(probe: TokenLookup(analysis), titles: WordHashSet([String]()), names: names)
        #expect(words == ["gaza", "hamas", "israel"])
    }

    @Test func aHeadlineWordWrittenInLowerCaseIsNoName() {
        let analysis = TextAnalysis(text: "Derna Death Toll Rises Again\nThe death toll in Derna rises again, officials in Libya said.\n")
        let words = StorySignature.words(probe: TokenLookup(analysis), titles: WordHashSet([String]()), names: [:])
        #expect(words == ["derna", "libya"])
    }

    @Test func theStoryNamesComeFromPartiesAndNationalities() throws {
        let (lexicon, _) = Lexicon.parse(
            yaml: "party:\n  Israel: [Israel, Israeli, Israelis]\n  government: [authorities]\nnationality:\n  Thai: [Thai, Thais, Thai nationals]\n",
            file: "test.yaml")
        let names = SpeakerVocabulary.storyNames(lexicon)
        #expect(names == ["israel": "israel", "israeli": "israel", "israelis": "israel", "thai": "thai", "thais": "thai"])
    }

    @Test func capitalisedNamesHaveThreeLetters() {
        #expect(StorySignature.isCapitalisedName("Kyiv"))
        #expect(StorySignature.isCapitalisedName("Élysée"))
        #expect(!StorySignature.isCapitalisedName("UN"))
        #expect(!StorySignature.isCapitalisedName("kyiv"))
        let analysis = TextAnalysis(text: "x Kyiv UN Élysée élan")
        #expect(analysis.tokens.indices.filter { StorySignature.isCapitalisedName(TokenLookup(analysis), $0) } == [1, 3])
    }
}
