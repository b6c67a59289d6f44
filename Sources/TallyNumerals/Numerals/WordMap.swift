/// FNV-1a over UTF-8 bytes, 0 read as 1: the word hash of the tokenizer (`TextAnalysis.wordHash(ofToken:)`
/// is this hash of a token's lowercased text) and of every table looked up by it.
public enum WordHash {
    /// The hash of a string's UTF-8 bytes; never 0 (0 marks an empty slot).
    @inlinable @inline(__always) public static func of(_ s: String) -> UInt64 {
        var copy = s
        return copy.withUTF8 { of($0) }
    }

    @inlinable @inline(__always) public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h == 0 ? 1 : h
    }
}

/// An open-addressing map from lowercased word to a value, hashed with FNV-1a: several times cheaper
/// than `Dictionary`'s seeded SipHash, and it can be probed with a hash computed once per token
/// (`ScanContext.hashes`). Keys are compared exactly on a hash hit, so lookups are exact.
struct WordMap<Value>: ExpressibleByDictionaryLiteral {
    private var slotKeys: [String]
    private var slotHashes: [UInt64]
    private var slotValues: [Value?]
    private var mask: Int
    private(set) var count = 0

    init() {
        slotKeys = Array(repeating: "", count: 8)
        slotHashes = Array(repeating: 0, count: 8)
        slotValues = Array(repeating: nil, count: 8)
        mask = 7
    }

    init<S: Sequence>(_ entries: S) where S.Element == (String, Value) {
        self.init()
        for (k, v) in entries { self[k] = v }
    }

    init(_ entries: [String: Value]) {
        self.init(entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// The keys, in slot order.
    var keys: [String] { zip(slotKeys, slotHashes).filter { $0.1 != 0 }.map(\.0) }

    var isEmpty: Bool { count == 0 }

    @inline(__always) func value(hash h: UInt64, key: String) -> Value? {
        // Slots are always below `mask + 1`, the arrays' common length: probed without bounds checks.
        slotHashes.withUnsafeBufferPointer { hashes in
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let stored = hashes[slot]
                if stored == 0 { return nil }
                if stored == h, slotKeys.withUnsafeBufferPointer({ $0[slot] == key }) { return slotValues.withUnsafeBufferPointer { $0[slot] } }
                slot = (slot &+ 1) & mask
            }
        }
    }

    subscript(key: String) -> Value? {
        get { value(hash: WordHash.of(key), key: key) }
        set {
            let h = WordHash.of(key)
            var slot = Int(truncatingIfNeeded: h) & mask
            while slotHashes[slot] != 0 {
                if slotHashes[slot] == h, slotKeys[slot] == key {
                    if let newValue { slotValues[slot] = newValue } else { remove(at: slot) }
                    return
                }
                slot = (slot + 1) & mask
            }
            guard let newValue else { return }
            slotKeys[slot] = key
            slotHashes[slot] = h
            slotValues[slot] = newValue
            count += 1
            if count * 2 > mask + 1 { grow() }
        }
    }

    private mutating func remove(at slot: Int) {
        // Rebuild without the key (removal is rare: only when a value is set to nil).
        var entries: [(String, Value)] = []
        for k in 0...mask where slotHashes[k] != 0 && k != slot { entries.append((slotKeys[k], slotValues[k]!)) }
        self = WordMap(entries)
    }

    private mutating func grow() {
        let old = (slotKeys, slotHashes, slotValues)
        let capacity = (mask + 1) * 4
        slotKeys = Array(repeating: "", count: capacity)
        slotHashes = Array(repeating: 0, count: capacity)
        slotValues = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for k in old.1.indices where old.1[k] != 0 {
            var slot = Int(truncatingIfNeeded: old.1[k]) & mask
            while slotHashes[slot] != 0 { slot = (slot + 1) & mask }
            slotKeys[slot] = old.0[k]
            slotHashes[slot] = old.1[k]
            slotValues[slot] = old.2[k]
        }
    }
}

extension WordMap: Sendable where Value: Sendable {}

/// A set of lowercased words with the same cheap hashing as `WordMap`.
struct WordSet: ExpressibleByArrayLiteral, Sendable, Sequence {
    private var map: WordMap<Bool>

    init<S: Sequence>(_ words: S) where S.Element == String { map = WordMap(words.map { ($0, true) }) }
    init(arrayLiteral elements: String...) { self.init(elements) }

    @inline(__always) func contains(_ word: String) -> Bool { map[word] != nil }
    @inline(__always) func contains(hash: UInt64, key: String) -> Bool { map.value(hash: hash, key: key) != nil }

    func makeIterator() -> IndexingIterator<[String]> { map.keys.makeIterator() }
}
