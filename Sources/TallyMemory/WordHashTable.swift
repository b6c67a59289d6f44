/// Lowercased words, each with a value, numbered in insertion order and looked up by `WordHash`: the
/// one word table of the package (the numeral scanner's word lists, the lexicon's word ids, the claim
/// layers' name lists).
///
/// Open addressing over FNV-1a: several times cheaper than `Dictionary`'s seeded SipHash, and it can
/// be probed with the hash the tokenizer already computed for every token, so looking up a token
/// never hashes a String. A hash hit is confirmed by comparing the words, so the answers are exactly
/// those of a `[String: Value]` of the same words.
///
/// Entry `k` is the `k`-th distinct word added (`keys[k]`, `values[k]`): `index(of:)` numbers words.
@frozen public struct WordHashTable<Value> {
    /// Slot → entry + 1 (0: empty). A power of two, at most a quarter full, so a miss (most tokens
    /// are in no table) usually stops at the first slot.
    @usableFromInline var slots: [Int32]
    /// Entry → its word's hash (compared before the word itself).
    @usableFromInline var hashes: [UInt64]
    /// Entry → its word, in insertion order.
    @usableFromInline var words: [String]
    /// Entry → its value.
    @usableFromInline var entryValues: [Value]
    // Every member is `@inlinable` (stored ones `@usableFromInline`; see `FNV1a` for why `public`):
    // the table is generic, and only inlined code is specialised to the caller's value type.

    @inlinable
    public init() {
        slots = [Int32](repeating: 0, count: 16)
        hashes = []
        words = []
        entryValues = []
    }

    /// The entries in order; a word given twice keeps its first place and its last value.
    @inlinable
    public init(_ entries: some Sequence<(String, Value)>) {
        self.init()
        for (word, value) in entries { self[word] = value }
    }

    /// A dictionary's entries, in the order of their keys (so entry numbers do not depend on
    /// dictionary order).
    @inlinable
    public init(_ dictionary: [String: Value]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The words, in insertion order (entry `k` is `keys[k]`).
    @inlinable
    public var keys: [String] { words }
    /// The values, by entry.
    @inlinable
    public var values: [Value] { entryValues }
    @inlinable
    public var count: Int { words.count }
    @inlinable
    public var isEmpty: Bool { words.isEmpty }

    /// The hash words are looked up by (`WordHash.of`, the tokenizer's word hash).
    @inlinable @inline(__always)
    public static func hash(_ word: String) -> UInt64 { WordHash.of(word) }

    /// The entry of the word whose hash is `hash`; `word` is read only on a hash hit (most lookups
    /// of a token's text never touch the text).
    @inlinable @inline(__always)
    public func index(hash: UInt64, _ word: @autoclosure () -> String) -> Int? {
        // Without bounds checks, and sound: `slot` is masked by `slots.count - 1` (a power of two,
        // never 0), so it is in bounds; a non-zero slot holds `entry + 1` for an entry that `place`
        // was given after appending it, so `entry < hashes.count == words.count`. Both buffers live
        // only inside the closures, over arrays this (immutable) value holds.
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                let mask = slots.count &- 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let stored = Int(slots[slot])
                    if stored == 0 { return nil }
                    let entry = stored &- 1
                    if hashes[entry] == hash, words[entry] == word() { return entry }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }

    /// The entry of `word`, if the table has it.
    @inlinable
    public func index(of word: String) -> Int? { index(hash: Self.hash(word), word) }

    /// The value of the word whose hash is `hash` (e.g. a token's word hash).
    @inlinable @inline(__always)
    public func value(hash: UInt64, _ word: @autoclosure () -> String) -> Value? {
        guard let entry = index(hash: hash, word()) else { return nil }
        return entryValues[entry]
    }

    /// Whether the table has the word whose hash is `hash`.
    @inlinable @inline(__always)
    public func contains(hash: UInt64, _ word: @autoclosure () -> String) -> Bool {
        index(hash: hash, word()) != nil
    }

    @inlinable
    public func contains(_ word: String) -> Bool { index(of: word) != nil }

    /// The word's value; setting a value adds the word (as the last entry) or replaces its value,
    /// setting nil removes it (the entries after it move up one).
    @inlinable
    public subscript(word: String) -> Value? {
        get { index(of: word).map { entryValues[$0] } }
        set {
            let hash = Self.hash(word)
            if let entry = index(hash: hash, word) {
                if let newValue {
                    entryValues[entry] = newValue
                } else {
                    // Rare (no caller removes words today): rebuild without the entry.
                    var kept = zip(words, entryValues).map { ($0, $1) }
                    kept.remove(at: entry)
                    self = WordHashTable(kept)
                }
                return
            }
            guard let newValue else { return }
            _ = append(word, hash: hash, newValue)
        }
    }

    /// The entry of `word`, added with `value` when the table lacks it (an existing entry keeps its value).
    @inlinable
    public mutating func insert(_ word: String, _ value: @autoclosure () -> Value) -> Int {
        let hash = Self.hash(word)
        return index(hash: hash, word) ?? append(word, hash: hash, value())
    }

    @inlinable
    mutating func append(_ word: String, hash: UInt64, _ value: Value) -> Int {
        let entry = words.count
        words.append(word)
        hashes.append(hash)
        entryValues.append(value)
        if words.count * 4 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 4)
            for index in words.indices { place(index) }
        } else {
            place(entry)
        }
        return entry
    }

    @inlinable
    mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }
}

extension WordHashTable: Sendable where Value: Sendable {}

extension WordHashTable: ExpressibleByDictionaryLiteral {
    @inlinable
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}

/// A set of lowercased words: a `WordHashTable` without values.
public typealias WordHashSet = WordHashTable<Void>

extension WordHashTable: ExpressibleByArrayLiteral where Value == Void {
    @inlinable
    public init(arrayLiteral elements: String...) { self.init(elements) }

    @inlinable
    public init(_ words: some Sequence<String>) { self.init(words.lazy.map { ($0, ()) }) }

    /// The entry of `word`, added when new.
    @inlinable
    public mutating func insert(_ word: String) -> Int { insert(word, ()) }
}

extension WordHashTable: Sequence where Value == Void {
    /// The words, in insertion order.
    @inlinable
    public func makeIterator() -> IndexingIterator<[String]> { keys.makeIterator() }
}
