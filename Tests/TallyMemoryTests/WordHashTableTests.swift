import Testing

@testable import TallyMemory

@Suite struct WordHashTableTests {
    @Test func answersLikeASetOfStrings() {
        let words = ["he", "she", "has also", "erdoğan", "été"] + (0..<100).map { "word\($0)" }
        let table = WordHashSet(words + ["he"])
        #expect(table.count == words.count)
        #expect(Array(table) == words)
        for word in words { #expect(table.contains(word)) }
        for word in ["He", "her", "has", "erdogan", "", "word100"] { #expect(!table.contains(word)) }
    }

    @Test func keepsAValuePerWord() {
        var table: WordHashTable<String> = ["zelenskyy": "Zelensky", "zelensky": "Zelensky", "erdoğan": "Erdogan"]
        #expect(table["zelenskyy"] == "Zelensky")
        #expect(table.value(hash: WordHash.of("erdoğan"), "erdoğan") == "Erdogan")
        #expect(table["putin"] == nil)
        table["putin"] = "Putin"
        table["zelensky"] = "Zelenskyy"
        #expect(table.keys == ["zelenskyy", "zelensky", "erdoğan", "putin"])
        #expect(table.values == ["Zelensky", "Zelenskyy", "Erdogan", "Putin"])
        table["zelenskyy"] = nil
        #expect(table.keys == ["zelensky", "erdoğan", "putin"])
        #expect(table["zelenskyy"] == nil && table["putin"] == "Putin")
    }

    @Test func numbersWordsOnceInInsertionOrder() {
        var table = WordHashSet()
        let words = (0..<500).map { "word\($0)" } + ["prisoners", "€", "état"]
        let indices = words.map { table.insert($0) }
        #expect(indices == Array(words.indices))
        #expect(words.map { table.index(of: $0) } == indices)
        #expect(table.insert("word7") == 7)
        #expect(table.index(of: "missing") == nil)
        #expect(table.index(of: "") == nil)
        #expect(table.count == words.count)
    }

    @Test func hashIsFNV1aOverUTF8NeverZero() {
        // The published FNV-1a 64 test vectors.
        #expect(WordHash.of("") == 0xcbf2_9ce4_8422_2325)
        #expect(WordHash.of("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(WordHash.of("foobar") == 0x8594_4171_f739_67e8)
        #expect(WordHash.of(Array("été".utf8)) == WordHash.of("été"))
        var hash = FNV1a()
        for byte in "foobar".utf8 { hash.add(byte) }
        #expect(hash.state == 0x8594_4171_f739_67e8 && hash.wordHash == hash.state)
    }
}
