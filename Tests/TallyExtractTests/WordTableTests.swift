import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct WordTableTests {
    @Test func answersLikeASetOfStrings() {
        let words = ["he", "she", "has also", "erdoğan", "été"] + (0..<100).map { "word\($0)" }
        let table = WordTable(words + ["he"])
        #expect(table.count == words.count)
        for word in words { #expect(table.contains(word)) }
        for word in ["He", "her", "has", "erdogan", "", "word100"] { #expect(!table.contains(word)) }
    }

    @Test func keepsAValuePerWord() {
        let table = WordTable(["zelenskyy": "Zelensky", "zelensky": "Zelensky", "erdoğan": "Erdogan"])
        #expect(table.value(of: "zelenskyy") == "Zelensky")
        #expect(table.value(of: "erdoğan") == "Erdogan")
        #expect(table.value(of: "putin") == nil)
        #expect(WordTable(["a", "b"]).value(of: "a") == nil)
    }

    @Test func hashIsTheTokenizersWordHash() {
        let analysis = TextAnalysis(text: "Erdoğan's ÉTÉ plans: 1,000 “talks” in Kyiv — don't.")
        for index in analysis.tokens.indices {
            #expect(WordTable.hash(analysis.tokens[index].lower) == analysis.wordHash(ofToken: index))
        }
    }
}
