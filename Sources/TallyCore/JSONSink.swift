/// Where JSON records are written: `JSONBytes` (a growing byte array); the two passes that write a
/// record straight into a `String`'s own memory — `JSONMeasure` sizes it (and finds which strings need
/// no escapes), then `JSONWriter` fills it; or the one pass that appends it to a byte array —
/// `JSONBound` gives room enough without reading the strings, `JSONBuffer` has `JSONWriter` escape as
/// it copies. A record writer is one generic function run with each.
public protocol JSONSink {
    /// Keys and punctuation, as they are.
    mutating func literal(_ literal: StaticString)
    /// Text known to need no escapes, as it is.
    mutating func raw(_ text: String)
    /// A JSON string literal, escaped.
    mutating func string(_ text: String)
    mutating func int(_ n: Int)
    /// A date as its ISO string (`"2025-06-02"`).
    mutating func date(_ date: CalendarDate)
}

extension JSONSink {
    /// A string literal, or `null`.
    @inlinable
    public mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { literal("null") }
    }

    /// A figure as the contract writes it (see `JSONText.figure`).
    @inlinable
    public mutating func figure(_ figure: Figure?) {
        switch figure {
        case .date(let date)?: self.date(date)
        case .number(let n)?:
            // Whole and below 9e15 (so exactly an Int): as an integer. Same test as `n == n.rounded()`
            // without the libm call; NaN and infinities fail `abs(n) < 9e15`.
            if abs(n) < 9e15, Double(Int(n)) == n { int(Int(n)) } else { raw(JSONText.number(n) ?? "null") }
        case nil: literal("null")
        }
    }

    /// `,"value":…,"low":…,"high":…,"qualifier":"…"`: the figure fields claims and quantities share.
    @inlinable
    public mutating func figureFields(value: Figure?, low: Figure?, high: Figure?, qualifier: Qualifier) {
        literal(",\"value\":")
        figure(value)
        literal(",\"low\":")
        figure(low)
        literal(",\"high\":")
        figure(high)
        literal(",\"qualifier\":\"")
        raw(qualifier.rawValue)
        literal("\"")
    }
}

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

/// Second pass of a record: writes it into memory sized by the `JSONMeasure` of the same record.
public struct JSONWriter: JSONSink {
    /// Where the next byte goes.
    public var position: UnsafeMutablePointer<UInt8> { cursor }
    @usableFromInline var cursor: UnsafeMutablePointer<UInt8>
    @usableFromInline let plain: UInt64
    @usableFromInline var strings = 0

    @inlinable
    public init(to start: UnsafeMutablePointer<UInt8>, measured: JSONMeasure) {
        cursor = start
        plain = measured.plain
    }

    /// A writer that escapes every string as it copies it (one pass, no `JSONMeasure`): `start` needs
    /// room for the record's `JSONBound`.
    @inlinable
    public init(to start: UnsafeMutablePointer<UInt8>) {
        cursor = start
        plain = 0
    }

    /// A record as a String: `write` runs once into memory of `measured.count` bytes, which it must fill
    /// exactly (as it does when it writes what the measuring pass saw).
    @inlinable
    public static func text(_ measured: JSONMeasure, _ write: (inout JSONWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: measured.count) { buffer in
            guard let start = buffer.baseAddress else { return 0 }
            var writer = JSONWriter(to: start, measured: measured)
            write(&writer)
            let written = writer.cursor - start
            precondition(written == measured.count, "JSON record measured \(measured.count) bytes but wrote \(written)")
            return written
        }
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
        let isPlain = strings < 64 && plain & (1 << UInt64(strings)) != 0
        strings += 1
        cursor.pointee = 0x22
        cursor += 1
        text.withUTF8Bytes { source in
            if isPlain {
                if let base = source.baseAddress { cursor.initialize(from: base, count: source.count) }
                cursor += source.count
            } else {
                cursor = JSONBytes.writeEscaped(source, to: cursor)
            }
        }
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

/// First pass of a one-pass record: room enough for it, from the strings' lengths alone (no reading
/// them): a string may grow to six times its bytes (`\u0001`), an integer to 20 bytes.
public struct JSONBound: JSONSink {
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

/// A growing byte buffer that records are written straight into, each in one pass: `JSONWriter`
/// escapes as it copies into room made for the record's `JSONBound`. No measuring pass, no String and
/// no copy per record; `bytes` copies the whole out once.
public final class JSONBuffer {
    /// Bytes written so far.
    public var count: Int { written }
    @exclusivity(unchecked) @usableFromInline var written = 0
    @exclusivity(unchecked) @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// What was written, as an array.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.initialize(from: start, count: written) }
            initialized = written
        }
    }

    /// What was written, without copying it (valid only inside `body`).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { written = 0 }

    /// Appends the record `write` writes, which `bound` (the same record written to a `JSONBound`) holds.
    @inlinable
    public func append(bound: JSONBound, _ write: (inout JSONWriter) -> Void) {
        reserve(bound.count)
        var writer = JSONWriter(to: start + written)
        write(&writer)
        let length = writer.position - (start + written)
        precondition(length <= bound.count, "JSON record bound to \(bound.count) bytes but wrote \(length)")
        written += length
    }

    /// Appends bytes as they are.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + written).initialize(from: base, count: bytes.count)
        written += bytes.count
    }

    /// Makes room for `more` bytes after `count`.
    @usableFromInline
    func reserve(_ more: Int) {
        guard capacity - written < more else { return }
        let grown = max(written + more, 2 * capacity)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        memory.initialize(from: start, count: written)
        start.deallocate()
        start = memory
        capacity = grown
    }
}

extension String {
    /// The UTF-8 bytes without copying a native string (`withUTF8` needs a `var`, and so a retain).
    @inlinable @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
