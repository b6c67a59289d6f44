/// The declaration-order position of a case of an enum without payloads, read from the value
/// itself (no table lookup): grammar words index their bit sets by it.
public enum CaseIndex {
    /// `value`'s case index. The enum must be `CaseIterable`, without payloads and with at most 256
    /// cases (checked, as its size of one byte).
    ///
    /// Sound: it reads the one byte of a one-byte value (the sizes are checked, by the precondition
    /// and by `unsafeBitCast`), which holds no reference. That the byte is the case index holds for
    /// enums without payloads (`InterningTests` checks `GrammarWord`'s).
    @inlinable @inline(__always)
    public static func of<E: CaseIterable>(_ value: E) -> Int {
        precondition(MemoryLayout<E>.size == 1, "CaseIndex needs an enum of one byte")
        return Int(unsafeBitCast(value, to: UInt8.self))
    }
}
