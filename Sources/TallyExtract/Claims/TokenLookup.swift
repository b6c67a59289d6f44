import TallyCore
import TallyMemory
import TallyNumerals

/// Cheap tests on one document's tokens for the claim layers (speakers, events, story): a token's
/// first byte, capitalisation, and membership in a `WordHashTable` by the word hash the tokenizer
/// computed — no token copied, no String hashed or lowercased.
struct TokenLookup {
    let analysis: TextAnalysis

    init(_ analysis: TextAnalysis) {
        self.analysis = analysis
    }

    @inline(__always)
    var tokens: [Token] { analysis.tokens }

    /// The first UTF-8 byte of token `index`'s (normalised) text.
    @inline(__always)
    func lead(_ index: Int) -> UInt8 { tokens[index].text.utf8.first ?? 0 }

    /// Whether token `index` is the ASCII punctuation mark `byte` (a punct token is one scalar).
    @inline(__always)
    func isPunct(_ index: Int, _ byte: UInt8) -> Bool { tokens[index].kind == .punct && lead(index) == byte }

    /// Whether token `index`'s first scalar is upper case.
    @inline(__always)
    func isCapitalised(_ index: Int) -> Bool {
        let byte = lead(index)
        if byte < 0x80 { return byte &- 0x41 < 26 }
        return tokens[index].text.unicodeScalars.first?.properties.isUppercase == true
    }

    /// A capitalised word token.
    @inline(__always)
    func isCapitalisedWord(_ index: Int) -> Bool { tokens[index].kind == .word && isCapitalised(index) }

    /// The tokenizer's hash of token `index`'s lowercased text.
    @inline(__always)
    func hash(_ index: Int) -> UInt64 { analysis.wordHash(ofToken: index) }

    /// Whether token `index`'s lowercased text is in the table.
    @inline(__always)
    func isIn<Value>(_ table: WordHashTable<Value>, _ index: Int) -> Bool { table.contains(hash: hash(index), tokens[index].lower) }

    /// The table's value for token `index`'s lowercased text.
    @inline(__always)
    func value<Value>(in table: WordHashTable<Value>, _ index: Int) -> Value? { table.value(hash: hash(index), tokens[index].lower) }

    /// Whether token `index`'s lowercased text is `word`, whose `WordHash` is `hash`.
    @inline(__always)
    func lowerIs(_ index: Int, _ word: String, hash: UInt64) -> Bool { self.hash(index) == hash && tokens[index].lower == word }
}
