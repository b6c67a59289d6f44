import TallyNumerals

/// A small set of lowercased words, each with an optional value, looked up by the FNV-1a word hash
/// the tokenizer already computed for every token (`TextAnalysis.wordHash(ofToken:)`): a lookup is
/// an array probe rather than hashing a String. A hash hit is confirmed by comparing the strings, so
/// the answers are exactly those of a `Set<String>` (or `[String: String]`) of the same words.
///
/// Immutable once built; a class, so holding one (in `SpeakerVocabulary`, per document) costs one reference.
final class WordTable: Sendable {
    /// Slot → entry index + 1 (0: empty). A power of two, at most a quarter full, so a miss
    /// usually stops at the first slot.
    private let slots: [Int32]
    private let hashes: [UInt64]
    private let words: [String]
    private let values: [String?]

    /// A set of words.
    convenience init(_ words: some Sequence<String>) {
        self.init(pairs: words.map { ($0, nil) })
    }

    /// Words with a value each (`speaker_alias`: spelling → canonical name).
    convenience init(_ dictionary: [String: String]) {
        self.init(pairs: dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    private init(pairs: [(String, String?)]) {
        var size = 16
        while size < pairs.count * 4 { size *= 2 }
        let mask = size - 1
        var slots = [Int32](repeating: 0, count: size)
        var hashes: [UInt64] = []
        var words: [String] = []
        var values: [String?] = []
        for (word, value) in pairs {
            let hash = WordTable.hash(word)
            var slot = Int(truncatingIfNeeded: hash) & mask
            var known = false
            while slots[slot] != 0 {
                let entry = Int(slots[slot] - 1)
                if hashes[entry] == hash, words[entry] == word { known = true }
                slot = (slot + 1) & mask
            }
            guard !known else { continue }
            slots[slot] = Int32(words.count + 1)
            hashes.append(hash)
            words.append(word)
            values.append(value)
        }
        self.slots = slots
        self.hashes = hashes
        self.words = words
        self.values = values
    }

    var count: Int { words.count }

    /// The entry of a word whose hash is `hash`; `word` is read only on a hash hit.
    @inline(__always)
    private func entry(hash: UInt64, _ word: @autoclosure () -> String) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let entry = Int(stored - 1)
            if hashes[entry] == hash, words[entry] == word() { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the table has the word (`hash` is its `WordTable.hash`, e.g. a token's word hash).
    @inline(__always)
    func contains(hash: UInt64, _ word: @autoclosure () -> String) -> Bool {
        entry(hash: hash, word()) != nil
    }

    func contains(_ word: String) -> Bool { contains(hash: WordTable.hash(word), word) }

    /// The value stored with the word, if the table has it with one.
    @inline(__always)
    func value(hash: UInt64, _ word: @autoclosure () -> String) -> String? {
        guard let entry = entry(hash: hash, word()) else { return nil }
        return values[entry]
    }

    func value(of word: String) -> String? { value(hash: WordTable.hash(word), word) }

    /// The tokenizer's word hash (`WordHash`), so that tokens are looked up by the hash they carry.
    @inline(__always)
    static func hash(_ word: String) -> UInt64 { WordHash.of(word) }
}
