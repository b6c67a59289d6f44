import TallyMemory

/// Writes a record into the room `JSONBuffer` made for it (room for the record's `JSONSizeBound`),
/// escaping each string as it copies it.
public struct JSONWriter: JSONSink {
    /// The cursor into the buffer's room.
    public var out: JSONByteCursor

    @inlinable
    public init(_ out: JSONByteCursor) {
        self.out = out
    }

    @inlinable @inline(__always)
    public mutating func literal(_ literal: StaticString) { out.literal(literal) }

    @inlinable @inline(__always)
    public mutating func raw(_ text: String) { out.raw(text) }

    @inlinable
    public mutating func string(_ text: String) {
        out.byte(0x22)
        out.escaped(text)
        out.byte(0x22)
    }

    @inlinable @inline(__always)
    public mutating func int(_ n: Int) { out.int(n) }

    @inlinable
    public mutating func date(_ date: CalendarDate) {
        guard JSONWriter.hasPlainISO(date) else { return string(date.iso) }
        out.byte(0x22)
        out.digits(date.year, count: 4)
        if let month = date.month {
            out.byte(0x2D)
            out.digits(month, count: 2)
            if let day = date.day {
                out.byte(0x2D)
                out.digits(day, count: 2)
            }
        }
        out.byte(0x22)
    }

    /// Whether `date.iso` is the fixed-width `YYYY[-MM[-DD]]` written digit by digit here.
    @inlinable
    public static func hasPlainISO(_ date: CalendarDate) -> Bool {
        (0...9999).contains(date.year) && (date.month.map { (0...99).contains($0) } ?? true)
            && (date.day.map { (0...99).contains($0) } ?? true)
    }
}

extension JSONBuffer {
    /// Appends the record `write` writes, which `bound` (the same record written to a `JSONSizeBound`) holds.
    @inlinable
    public func append(bound: JSONSizeBound, _ write: (inout JSONWriter) -> Void) {
        append(room: bound.count) { out in
            var writer = JSONWriter(out)
            write(&writer)
            out = writer.out
        }
    }
}

/// The byte buffer records are written into (TallyMemory's, which keeps its memory unsafe behind a
/// checked API), under the name the stages and the CLI use.
public typealias JSONBuffer = TallyMemory.JSONBuffer
