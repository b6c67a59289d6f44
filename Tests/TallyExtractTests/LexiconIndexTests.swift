import TallyCore
import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct LexiconIndexTests {
    @Test func vocabularyNumbersWordsOnceAndKnowsWhatItLacks() {
        var vocabulary = WordVocabulary()
        let words = (0..<500).map { "word\($0)" } + ["prisoners", "ceasefire", "€", "état"]
        let ids = words.map { vocabulary.add($0) }
        #expect(ids == (0..<Int32(words.count)).map { $0 })
        #expect(words.map { vocabulary.id(of: $0) } == ids)
        #expect(vocabulary.add("word7") == 7)
        #expect(vocabulary.id(of: "missing") == -1)
        #expect(vocabulary.id(of: "") == -1)
        #expect(vocabulary.count == words.count)
    }

    @Test func phrasesAreFoundLongestFirstOverWordIDs() {
        let lexicon = Lexicon.parse(yaml: "pow_noun: [prisoners, prisoners of war]\nparty: {ukraine: [Ukraine, Kyiv]}", file: "t.yaml").0
        let index = LexiconIndex(lexicon)
        let tokens = TextAnalysis(text: "Kyiv freed prisoners of war").tokens
        let words = index.wordIDs(of: tokens)
        let pow = try! #require(index.classID("pow_noun"))
        #expect(index.matches(classID: pow, words: words, at: 2, limit: tokens.count).map(\.end) == [5, 3])
        #expect(index.matches(classID: pow, words: words, at: 2, limit: 4).map(\.end) == [3])
        let party = try! #require(index.classID("party"))
        #expect(index.first(classID: party, words: words, range: 0..<tokens.count)?.value == "ukraine")
        #expect(index.classID("no_such_class") == nil)
        #expect(index.matches("pow_noun", in: tokens, at: 2, limit: tokens.count).map(\.end) == [5, 3])
    }

    @Test func theTokenizersWordHashesGiveTheSameIDs() {
        let lexicon = Lexicon.parse(yaml: "pow_noun: [prisoners, prisoners of war, POWs]\nparty: {ukraine: [Ukraine, Kyiv]}", file: "t.yaml").0
        let index = LexiconIndex(lexicon, extraWords: ["freed", "état", "1,000", "-"])
        let analysis = TextAnalysis(text: "Kyiv FREED 1,000 Prisoners of war — and État's POWs 6,000-for-6,000, “quoted” café.")
        #expect(index.wordIDs(of: analysis) == index.wordIDs(of: analysis.tokens))
        #expect(index.wordIDs(of: analysis).contains { $0 >= 0 })
        for position in analysis.tokens.indices {
            #expect(analysis.wordHash(ofToken: position) == WordVocabulary.hash(analysis.tokens[position].lower), "\(analysis.tokens[position].lower)")
        }
    }
}
