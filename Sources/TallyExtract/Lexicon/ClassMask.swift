/// A set of lexicon class ids in two machine words, for prefilters ("which classes can start in this
/// sentence?"). Ids from 127 up share the last bit, so a test may answer "maybe" but never a wrong "no".
struct ClassMask: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    @inline(__always)
    mutating func insert(_ id: Int) {
        let bit = min(id, 127)
        if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    @inline(__always)
    func contains(_ id: Int) -> Bool {
        let bit = min(id, 127)
        return bit < 64 ? low & (1 << UInt64(bit)) != 0 : high & (1 << UInt64(bit - 64)) != 0
    }

    @inline(__always)
    mutating func formUnion(_ other: ClassMask) {
        low |= other.low
        high |= other.high
    }

    @inline(__always)
    func isSubset(of other: ClassMask) -> Bool { low & ~other.low == 0 && high & ~other.high == 0 }

    @inline(__always)
    func intersects(_ other: ClassMask) -> Bool { low & other.low != 0 || high & other.high != 0 }

    var isEmpty: Bool { low == 0 && high == 0 }
}
