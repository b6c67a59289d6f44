/// JSON text as UTF-8 bytes, written in place: the byte buffer records are written into
/// (`JSONBuffer`), the cursor that writes one record into room made for it (`JSONByteCursor`), and
/// the one implementation of JSON string escaping (`JSONEscaping`) and of decimal digits
/// (`JSONDigits`). What the bytes mean (keys, records) is TallyCore's `JSONSink`/`JSONWriter`.

/// A growing byte buffer that records are written straight into, each in one pass: room for the
/// record is made first (from a bound on its size), then a `JSONByteCursor` escapes as it copies into
/// it. No measuring pass, no String and no copy per record; `bytes` copies the whole out once.
public final class JSONBuffer {
    // Sound without exclusivity checks: `start` and `capacity` change only in `reserve`, called
    // before a record's cursor is made, and a buffer is used by one thread at a time (each worker
    // renders into its own); `written` moves only after the cursor is done.
    @exclusivity(unchecked) @usableFromInline var written = 0
    @exclusivity(unchecked) @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Bytes written so far.
    public var count: Int { written }

    /// What was written, as an array.
    public var bytes: [UInt8] {
        // Not through `unsafeUninitializedCapacity` when empty: with no capacity it writes the count into
        // the standard library's shared empty-array storage, a data race between threads (ThreadSanitizer).
        guard written > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: written) { buffer, initialized in
            buffer.baseAddress!.initialize(from: start, count: written)
            initialized = written
        }
    }

    /// What was written, without copying it (the bytes are valid only inside `body`; for writing
    /// them out, e.g. to `FileHandle`).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { written = 0 }

    /// Appends what `write` writes with the cursor it is given, which has room for `room` bytes (a
    /// bound on the record's size: writing past it stops the program rather than memory).
    @inlinable
    public func append(room: Int, _ write: (inout JSONByteCursor) -> Void) {
        reserve(room)
        let first = start + written
        var cursor = JSONByteCursor(first, room: room)
        write(&cursor)
        written += cursor.position - first
    }

    /// Appends bytes as they are.
    public func append(_ bytes: [UInt8]) {
        reserve(bytes.count)
        bytes.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { (start + written).initialize(from: base, count: bytes.count) }
        }
        written += bytes.count
    }

    /// Makes room for `more` bytes after `count`.
    @usableFromInline
    func reserve(_ more: Int) {
        precondition(more >= 0)
        guard capacity - written < more else { return }
        let grown = max(written + more, 2 * capacity)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        memory.initialize(from: start, count: written)
        start.deallocate()
        start = memory
        capacity = grown
    }
}

/// Writes one record into the room `JSONBuffer.append(room:_:)` made for it, and is valid only inside
/// that call. Every write checks it fits the room left (one compare per field, not per byte), so a
/// record larger than its bound stops the program instead of writing past the buffer.
public struct JSONByteCursor {
    /// Where the next byte goes, and the end of the room.
    @usableFromInline var position: UnsafeMutablePointer<UInt8>
    @usableFromInline let end: UnsafeMutablePointer<UInt8>

    @inlinable
    init(_ start: UnsafeMutablePointer<UInt8>, room: Int) {
        position = start
        end = start + room
    }

    /// Stops the program unless `count` more bytes fit.
    @inlinable @inline(__always)
    func ensureRoom(_ count: Int) {
        precondition(count <= end - position, "JSON record written past the room made for it")
    }

    /// One byte.
    @inlinable @inline(__always)
    public mutating func byte(_ byte: UInt8) {
        ensureRoom(1)
        position.initialize(to: byte)
        position += 1
    }

    /// A literal's bytes, as they are.
    @inlinable @inline(__always)
    public mutating func literal(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes in
            ensureRoom(bytes.count)
            position.initialize(from: bytes.baseAddress!, count: bytes.count)
            position += bytes.count
        }
    }

    /// A string's UTF-8 bytes, as they are.
    @inlinable @inline(__always)
    public mutating func raw(_ text: String) {
        text.withUTF8Bytes { bytes in
            ensureRoom(bytes.count)
            if let base = bytes.baseAddress { position.initialize(from: base, count: bytes.count) }
            position += bytes.count
        }
    }

    /// A string escaped for a JSON string literal (without the quotes): room for six bytes per byte
    /// of the text is checked, what the escape needs at most.
    @inlinable
    public mutating func escaped(_ text: String) {
        text.withUTF8Bytes { source in
            ensureRoom(6 * source.count)
            position = JSONEscaping.writeEscaped(source, to: position)
        }
    }

    /// An integer in decimal.
    @inlinable @inline(__always)
    public mutating func int(_ n: Int) {
        let count = JSONDigits.count(n)
        ensureRoom(count)
        JSONDigits.write(n, count: count, to: position)
        position += count
    }

    /// The last `count` decimal digits of a non-negative `n`, zero-padded (dates).
    @inlinable @inline(__always)
    public mutating func digits(_ n: Int, count: Int) {
        ensureRoom(count)
        var n = n
        for index in stride(from: count - 1, through: 0, by: -1) {
            position[index] = 0x30 + UInt8(truncatingIfNeeded: n % 10)
            n /= 10
        }
        position += count
    }
}

/// JSON string escaping: quotes, backslashes and control characters, and U+2028/2029 so that the
/// text is also safe inside a script. Eight bytes are tested at a time (`specialBytes`).
public enum JSONEscaping {
    /// How many bytes `text` takes inside a JSON string literal (quotes not counted): its own count
    /// when it needs no escape.
    @inlinable
    public static func escapedCount(_ text: String) -> Int { text.withUTF8Bytes { escapedCount($0) } }

    /// Appends `text` escaped (without quotes) to `bytes`.
    public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        text.withUTF8Bytes { source in
            let length = escapedCount(source)
            if length == source.count {
                bytes.append(contentsOf: source)
            } else {
                let start = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: length))
                // Sound: the `length` bytes just appended at `start` are what `writeEscaped` fills.
                bytes.withUnsafeMutableBufferPointer { _ = writeEscaped(source, to: $0.baseAddress! + start) }
            }
        }
    }

    @usableFromInline
    static func escapedCount(_ source: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = source.baseAddress else { return 0 }
        let count = source.count
        var length = count
        var index = nextSpecial(base, from: 0, count: count)
        while index < count {
            if let escape = escape(source, at: index) {
                length += escape.length - escape.width
                index += escape.width
            } else {
                index += 1
            }
            index = nextSpecial(base, from: index, count: count)
        }
        return length
    }

    /// Writes `source` escaped (without quotes) at `out`, which must have room for
    /// `escapedCount(source)` bytes (at most six times `source.count`); returns the end of what it wrote.
    @usableFromInline
    static func writeEscaped(_ source: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard let base = source.baseAddress else { return out }
        let count = source.count
        var out = out
        var runStart = 0
        var index = nextSpecial(base, from: 0, count: count)
        while index < count {
            if let escape = escape(source, at: index) {
                out.initialize(from: base + runStart, count: index - runStart)
                out += index - runStart
                var packed = escape.bytes
                for _ in 0..<escape.length {
                    out.pointee = UInt8(truncatingIfNeeded: packed)
                    packed >>= 8
                    out += 1
                }
                index += escape.width
                runStart = index
            } else {
                index += 1
            }
            index = nextSpecial(base, from: index, count: count)
        }
        out.initialize(from: base + runStart, count: count - runStart)
        return out + (count - runStart)
    }

    /// The first index from `index` on whose byte may need an escape (see `specialBytes`), or `count`:
    /// eight bytes at a time, the last few padded with spaces.
    ///
    /// Sound: reads only bytes `index..<count` of `base` (whole words below `count`; the last word
    /// either ends at `count` or is copied byte by byte into a local).
    @inline(__always)
    static func nextSpecial(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
        var index = index
        while index + 8 <= count {
            let special = specialBytes(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
            if special != 0 { return index + special.trailingZeroBitCount >> 3 }
            index += 8
        }
        guard index < count else { return count }
        let spaces: UInt64 = 0x2020_2020_2020_2020
        let rest = count - index
        var word = spaces
        if count >= 8 {
            // The last eight bytes, those already seen shifted out and spaces shifted in.
            let last = UInt64(littleEndian: UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))
            word = last >> UInt64(8 * (8 - rest)) | spaces << UInt64(8 * rest)
        } else {
            withUnsafeMutableBytes(of: &word) { $0.baseAddress!.copyMemory(from: base + index, byteCount: rest) }
            word = UInt64(littleEndian: word)
        }
        let special = specialBytes(word)
        return special == 0 ? count : index + special.trailingZeroBitCount >> 3
    }

    /// The escape the byte at `index` starts, if any: how many source bytes it replaces (`width`) and
    /// the `length` bytes it becomes, packed little-endian in `bytes`.
    @inline(__always)
    static func escape(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> (width: Int, length: Int, bytes: UInt64)? {
        let byte = source[index]
        switch byte {
        case 0x22: return (1, 2, 0x225C)  // \"
        case 0x5C: return (1, 2, 0x5C5C)  // \\
        case 0x0A: return (1, 2, 0x6E5C)  // \n
        case 0x0D: return (1, 2, 0x725C)  // \r
        case 0x09: return (1, 2, 0x745C)  // \t
        case 0xE2 where index + 2 < source.count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
            return (3, 6, source[index + 2] == 0xA8 ? 0x3832_3032_755C : 0x3932_3032_755C)  // \u2028, \u2029
        case ..<0x20:
            let hex: (UInt8) -> UInt64 = { UInt64($0 < 10 ? 0x30 + $0 : 0x57 + $0) }
            return (1, 6, 0x3030_755C | hex(byte >> 4) << 32 | hex(byte & 0xF) << 40)  // \u00XX
        default: return nil
        }
    }

    /// The high bit of every byte of eight (read little-endian) that may need an escape: a control
    /// character, `"`, `\` or 0xE2 (which starts U+2028/2029). Exact up to the first such byte; bytes
    /// after it may be flagged falsely (borrows), so callers only use the lowest bit.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20, or equal to 0x22 or 0x5C, underflows to a high bit while its own high bit is
        // clear (so `& ~word`); a byte equal to 0xE2 underflows after the xor while its high bit is set.
        let low = (word &- ones &* 0x20) | ((word ^ (ones &* 0x22)) &- ones) | ((word ^ (ones &* 0x5C)) &- ones)
        let e2 = (word ^ (ones &* 0xE2)) &- ones
        return ((low & ~word) | (e2 & word)) & highs
    }
}

/// Decimal digits of an integer, counted and written without building a String.
public enum JSONDigits {
    /// Bytes `n` takes in decimal, the minus sign included.
    @inlinable
    public static func count(_ n: Int) -> Int {
        var magnitude = n.magnitude
        var count = n < 0 ? 2 : 1
        while magnitude >= 10 {
            magnitude /= 10
            count += 1
        }
        return count
    }

    /// Appends `n` in decimal.
    public static func append(_ n: Int, to bytes: inout [UInt8]) {
        let count = count(n)
        bytes.append(contentsOf: repeatElement(0, count: count))
        // Sound: the `count` bytes just appended at the end are what `write` fills.
        bytes.withUnsafeMutableBufferPointer { write(n, count: count, to: $0.baseAddress! + $0.count - count) }
    }

    /// Writes `n` in decimal at `out`, which has room for `count` bytes; `count` is `count(n)`.
    @inlinable
    static func write(_ n: Int, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        if n < 0 { out.pointee = 0x2D }
        var magnitude = n.magnitude
        var position = out + count
        repeat {
            position -= 1
            position.pointee = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }
}

extension String {
    /// The UTF-8 bytes without copying a native string (`withUTF8` needs a `var`, and so a retain);
    /// the buffer is valid only inside `body`.
    @inlinable @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
