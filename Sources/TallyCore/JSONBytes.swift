/// JSON text built as UTF-8 bytes — the fast path for streaming many records (claims, quantities).
/// Writes exactly what `JSONText` writes: the same escapes, the same number forms.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text as it is (keys, punctuation, numbers already formatted).
    @inline(__always)
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends `text` as a JSON string literal (see `JSONText.append`).
    public mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            var index = 0
            let count = source.count
            while index < count {
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

    /// A string literal, or `null`.
    public mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// A figure as the contract writes it (see `JSONText.figure`).
    public mutating func figure(_ figure: Figure?) {
        switch figure {
        case .date(let date)?: string(date.iso)
        case .number(let n)?: raw(JSONText.number(n) ?? "null")
        case nil: raw("null")
        }
    }

    public mutating func int(_ n: Int) { raw(String(n)) }
}
