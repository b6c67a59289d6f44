/// The lexicon trie's edges, (node, word id) → child node, in an open-addressing table with a
/// multiplicative hash: a lookup is a multiply, a shift and usually one probe.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var children: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    /// Marks an empty slot (no real key has it: node and word ids are below 2^31).
    private static let empty = UInt64.max

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: EdgeTable.empty, count: size)
        children = Array(repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private static func key(_ node: Int32, _ word: Int32) -> UInt64 { UInt64(UInt32(node)) << 32 | UInt64(UInt32(word)) }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The child of `node` by `word`, if any.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        let key = EdgeTable.key(node, word)
        let mask = keys.count - 1
        var index = slot(key)
        while true {
            let stored = keys[index]
            if stored == key { return children[index] }
            if stored == EdgeTable.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// Adds an edge (the table grows to stay at most half full).
    mutating func insert(_ node: Int32, _ word: Int32, child: Int32) {
        if (count + 1) * 2 > keys.count {
            var grown = EdgeTable(capacity: keys.count)
            for index in keys.indices where keys[index] != EdgeTable.empty {
                grown.insert(Int32(truncatingIfNeeded: keys[index] >> 32), Int32(truncatingIfNeeded: keys[index] & 0xFFFF_FFFF), child: children[index])
            }
            self = grown
        }
        let key = EdgeTable.key(node, word)
        let mask = keys.count - 1
        var index = slot(key)
        while keys[index] != EdgeTable.empty, keys[index] != key { index = (index + 1) & mask }
        if keys[index] == EdgeTable.empty { count += 1 }
        keys[index] = key
        children[index] = child
    }
}
