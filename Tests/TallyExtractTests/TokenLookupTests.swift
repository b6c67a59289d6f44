import TallyMemory
import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct TokenLookupTests {
    @Test func readsFirstBytesAndCapitals() {
        let analysis = TextAnalysis(text: "Élysée said; “Kyiv” - élan (x)")
        let probe = TokenLookup(analysis)
        let texts = analysis.tokens.map(\.text)
        #expect(texts == ["Élysée", "said", ";", "\"", "Kyiv", "\"", "-", "élan", "(", "x", ")"])
        #expect(texts.indices.filter { probe.isCapitalisedWord($0) } == [0, 4])
        #expect(probe.isPunct(2, UInt8(ascii: ";")))
        #expect(probe.isPunct(3, UInt8(ascii: "\"")))
        #expect(!probe.isPunct(1, UInt8(ascii: "s")))
        #expect(probe.lead(4) == UInt8(ascii: "K"))
    }

    @Test func looksTokensUpByWordHash() {
        let analysis = TextAnalysis(text: "Officials SAID Erdoğan")
        let probe = TokenLookup(analysis)
        let table = WordHashTable(["erdoğan": "Erdogan", "said": "verb"])
        #expect(probe.isIn(table, 1))
        #expect(!probe.isIn(table, 0))
        #expect(probe.value(in: table, 2) == "Erdogan")
        #expect(probe.lowerIs(1, "said", hash: WordHash.of("said")))
    }
}

@Suite struct WordHashOfTokensTests {
    @Test func tablesAreProbedWithTheTokenizersWordHash() {
        let analysis = TextAnalysis(text: "Erdoğan's ÉTÉ plans: 1,000 “talks” in Kyiv — don't.")
        for index in analysis.tokens.indices {
            #expect(WordHash.of(analysis.tokens[index].lower) == analysis.wordHash(ofToken: index))
        }
    }
}
