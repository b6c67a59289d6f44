/// Writes a record into memory made ready for it (`JSONBuffer` makes room for the record's
/// `JSONSizeBound`), escaping each string as it copies it.
public struct JSONWriter: JSONSink {
    /// Where the next byte goes.
    public var position: UnsafeMutablePointer<UInt8> { cursor }
    @usableFromInline var cursor: UnsafeMutablePointer<UInt8>

    /// A writer starting at `start`, which needs room for the record's `JSONSizeBound`.
    @inlinable
    public init(to start: UnsafeMutablePointer<UInt8>) {
        cursor = start
    }

    @inlinable @inline(__always)
    public mutating func literal(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes in
            cursor.initialize(from: bytes.baseAddress!, count: bytes.count)
            cursor += bytes.count
        }
    }

    @inlinable @inline(__always)
    public mutating func raw(_ text: String) {
        text.withUTF8Bytes { bytes in
            if let base = bytes.baseAddress { cursor.initialize(from: base, count: bytes.count) }
            cursor += bytes.count
        }
    }

    @inlinable
    public mutating func string(_ text: String) {
        cursor.pointee = 0x22
        cursor += 1
        text.withUTF8Bytes { source in cursor = JSONBytes.writeEscaped(source, to: cursor) }
        cursor.pointee = 0x22
        cursor += 1
    }

    @inlinable @inline(__always)
    public mutating func int(_ n: Int) {
        let count = JSONDigits.count(n)
        JSONDigits.write(n, count: count, to: cursor)
        cursor += count
    }

    @inlinable
    public mutating func date(_ date: CalendarDate) {
        guard JSONWriter.hasPlainISO(date) else { return string(date.iso) }
        cursor.pointee = 0x22
        digits(date.year, count: 4)
        if let month = date.month {
            cursor[5] = 0x2D
            digits(month, count: 2, at: 6)
            if let day = date.day {
                cursor[8] = 0x2D
                digits(day, count: 2, at: 9)
                cursor[11] = 0x22
                cursor += 12
            } else {
                cursor[8] = 0x22
                cursor += 9
            }
        } else {
            cursor[5] = 0x22
            cursor += 6
        }
    }

    /// Zero-padded digits of `n` at `cursor + at`.
    @inlinable @inline(__always)
    mutating func digits(_ n: Int, count: Int, at offset: Int = 1) {
        var n = n
        for index in stride(from: offset + count - 1, through: offset, by: -1) {
            cursor[index] = 0x30 + UInt8(truncatingIfNeeded: n % 10)
            n /= 10
        }
    }

    /// Whether `date.iso` is the fixed-width `YYYY[-MM[-DD]]` written digit by digit here.
    @inlinable
    public static func hasPlainISO(_ date: CalendarDate) -> Bool {
        (0...9999).contains(date.year) && (date.month.map { (0...99).contains($0) } ?? true)
            && (date.day.map { (0...99).contains($0) } ?? true)
    }
}
