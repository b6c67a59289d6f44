/// JSON text built as UTF-8 bytes — the fast path for streaming many records (claims, quantities).
/// The one implementation of JSON string escaping: `escapedCount` and `writeEscaped` below, used here,
/// by `JSONText` and by `JSONWriter`.
public struct JSONBytes: JSONSink {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text as it is (keys, punctuation, numbers already formatted).
    @inline(__always)
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a literal as it is (keys and punctuation).
    @inline(__always)
    public mutating func literal(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped;
    /// U+2028/2029 escaped too so the text is also safe inside a script.
    public mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { source in
            let length = JSONBytes.escapedCount(source)
            if length == source.count {
                bytes.append(contentsOf: source)
            } else {
                let start = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: length))
                bytes.withUnsafeMutableBufferPointer { _ = JSONBytes.writeEscaped(source, to: $0.baseAddress! + start) }
            }
        }
        bytes.append(0x22)
    }

    /// A date as its ISO string.
    public mutating func date(_ date: CalendarDate) { string(date.iso) }

    /// Appends an integer in decimal.
    public mutating func int(_ n: Int) {
        let count = JSONDigits.count(n)
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBufferPointer { JSONDigits.write(n, count: count, to: $0.baseAddress! + $0.count - count) }
    }
}

// MARK: - The escaper

extension JSONBytes {
    /// How many bytes `source` takes inside a JSON string literal (quotes not counted): its own count
    /// when it needs no escape.
    public static func escapedCount(_ source: UnsafeBufferPointer<UInt8>) -> Int {
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
    public static func writeEscaped(_ source: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
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

    /// Writes `n` in decimal at `out`; `count` is `count(n)`.
    @inlinable
    public static func write(_ n: Int, count: Int, to out: UnsafeMutablePointer<UInt8>) {
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
