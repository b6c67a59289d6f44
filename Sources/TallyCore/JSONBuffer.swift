/// First pass of a one-pass record: room enough for it, from the strings' lengths alone (no reading
/// them): a string may grow to six times its bytes (`\u0001`), an integer to 20 bytes.
public struct JSONSizeBound: JSONSink {
    /// Bytes the record takes at most.
    public var count: Int { bytes }
    @usableFromInline var bytes = 0

    @inlinable public init() {}

    @inlinable @inline(__always)
    public mutating func literal(_ literal: StaticString) { bytes += literal.utf8CodeUnitCount }

    @inlinable @inline(__always)
    public mutating func raw(_ text: String) { bytes += text.utf8.count }

    @inlinable @inline(__always)
    public mutating func string(_ text: String) { bytes += 6 * text.utf8.count + 2 }

    @inlinable @inline(__always)
    public mutating func int(_ n: Int) { bytes += 20 }

    @inlinable
    public mutating func date(_ date: CalendarDate) {
        if JSONWriter.hasPlainISO(date) { bytes += 12 } else { string(date.iso) }
    }
}
