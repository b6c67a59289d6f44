/// First pass of a record: counts its bytes and notes which of its (first 64) strings need no escapes.
public struct JSONMeasure: JSONSink {
    /// Bytes the record takes.
    public var count: Int { bytes }
    @usableFromInline var bytes = 0
    /// Bit i set: the i-th string needs no escapes, so the write pass copies it as it is.
    @usableFromInline var plain: UInt64 = 0
    @usableFromInline var strings = 0

    @inlinable public init() {}

    @inlinable @inline(__always)
    public mutating func literal(_ literal: StaticString) { bytes += literal.utf8CodeUnitCount }

    @inlinable @inline(__always)
    public mutating func raw(_ text: String) { bytes += text.utf8.count }

    @inlinable
    public mutating func string(_ text: String) {
        let (length, isPlain) = text.withUTF8Bytes { source in
            let length = JSONBytes.escapedCount(source)
            return (length, length == source.count)
        }
        if isPlain, strings < 64 { plain |= 1 << UInt64(strings) }
        strings += 1
        bytes += length + 2
    }

    @inlinable @inline(__always)
    public mutating func int(_ n: Int) { bytes += JSONDigits.count(n) }

    @inlinable
    public mutating func date(_ date: CalendarDate) {
        if JSONWriter.hasPlainISO(date) {
            bytes += date.month == nil ? 6 : (date.day == nil ? 9 : 12)
        } else {
            string(date.iso)
        }
    }
}
