/// JSON text built as UTF-8 bytes — the fast path for streaming many records (claims, quantities).
/// The one implementation of JSON string escaping (`JSONText` uses it too).
public struct JSONBytes {
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
            var runStart = 0
            var index = 0
            let count = source.count
            while index < count {
                // Eight bytes at a time while none of them can need an escape.
                if index + 8 <= count, JSONBytes.isPlain(UnsafeRawPointer(source.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = source[index]
                var escape: StaticString?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                    escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    if byte < 0x20 { escape = "" }
                }
                guard let escape else {
                    index += 1
                    continue
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                if escape.utf8CodeUnitCount > 0 {
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                } else {
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                index += width
                runStart = index
            }
            if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count])) }
        }
        bytes.append(0x22)
    }

    /// Whether none of eight bytes is a control character, `"`, `\` or 0xE2 (which starts U+2028/2029).
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return !hasControl && !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
            && !hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// A string literal, or `null`.
    public mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { literal("null") }
    }

    /// A figure as the contract writes it (see `JSONText.figure`).
    public mutating func figure(_ figure: Figure?) {
        switch figure {
        case .date(let date)?: string(date.iso)
        case .number(let n)?:
            if n == n.rounded(), abs(n) < 9e15 { int(Int(n)) } else { raw(JSONText.number(n) ?? "null") }
        case nil: literal("null")
        }
    }

    /// `,"value":…,"low":…,"high":…,"qualifier":"…"`: the figure fields claims and quantities share.
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

    /// Appends an integer in decimal.
    public mutating func int(_ n: Int) {
        if n < 0 { bytes.append(0x2D) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
