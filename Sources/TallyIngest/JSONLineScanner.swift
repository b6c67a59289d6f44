import TallyMemory

/// A fast reader for the common JSON Lines record: one object whose fields we read are plain strings
/// (an integer `id` too). It works on the line's bytes and is at least as strict as `JSONDecoder`; any
/// line it does not fully understand — odd escapes, lone surrogates, invalid UTF-8, a known field that
/// is null or not a string, repeated keys, deep nesting — gets nil, and the caller decodes that line
/// with `JSONDecoder` as before. So results never differ, only the speed: several times faster.
struct JSONLineScanner {
    /// The fields `JSONLinesReader.Record` reads, by name.
    static let fields = ["id", "url", "published", "title", "outlet", "author", "text", "html"]

    private let bytes: ByteView
    private var index = 0

    private init(_ bytes: ByteView) { self.bytes = bytes }

    /// The known fields of the object on this line (field name → string), or nil to leave the line to `JSONDecoder`.
    static func fields(of line: ArraySlice<UInt8>) -> [String: String]? {
        line.withView { buffer in
            var scanner = JSONLineScanner(buffer)
            return scanner.object()
        }
    }

    private mutating func object() -> [String: String]? {
        skipSpace()
        guard take(0x7B) else { return nil }  // {
        var found: [String: String] = [:]
        skipSpace()
        if take(0x7D) { return trailingSpaceOnly() ? found : nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(0x3A) else { return nil }  // :
            skipSpace()
            if JSONLineScanner.fields.contains(key) {
                guard found[key] == nil else { return nil }
                if let text = string() {
                    found[key] = text
                } else if key == "id", let digits = integer() {
                    found[key] = digits
                } else {
                    return nil
                }
            } else {
                guard skipValue(depth: 0) else { return nil }
            }
            skipSpace()
            if take(0x2C) { continue }  // ,
            guard take(0x7D) else { return nil }
            return trailingSpaceOnly() ? found : nil
        }
    }

    private mutating func trailingSpaceOnly() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string value: plain runs copied, the usual escapes decoded; nil for anything unusual.
    private mutating func string() -> String? {
        guard take(0x22) else { return nil }
        var out: [UInt8] = []
        var runStart = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                bytes.append(runStart..<index, to: &out)
                index += 1
                if ascii { return String(decoding: out, as: UTF8.self) }
                return String(validating: out, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            if byte != 0x5C {
                index += 1
                continue
            }
            bytes.append(runStart..<index, to: &out)
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard let scalar = unicodeEscape() else { return nil }
                ascii = ascii && scalar.isASCII
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
            runStart = index
        }
        return nil
    }

    /// The scalar of `\uXXXX` (the `\u` read), joining a surrogate pair; nil for a lone surrogate.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xDC00...0xDFFF).contains(high) { return nil }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
        guard take(0x5C), take(0x75), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    private mutating func hex4() -> UInt32? {
        guard let value = jsonHex4(bytes, at: index) else { return nil }
        index += 4
        return value
    }

    /// A plain integer (`-?(0|[1-9][0-9]*)`, at most 18 digits), as written.
    private mutating func integer() -> String? {
        let start = index
        _ = take(0x2D)
        let digits = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        let count = index - digits
        guard count > 0, count <= 18, count == 1 || bytes[digits] != 0x30 else { return nil }
        if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 { return nil }
        let text = bytes.string(start..<index)
        return text == "-0" ? "0" : text
    }

    /// Skips any JSON value, checking its syntax strictly.
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < 32, index < bytes.count else { return false }
        switch bytes[index] {
        case 0x22: return string() != nil
        case 0x7B, 0x5B:
            let close: UInt8 = bytes[index] == 0x7B ? 0x7D : 0x5D
            let isObject = close == 0x7D
            index += 1
            skipSpace()
            if take(close) { return true }
            while true {
                skipSpace()
                if isObject {
                    guard string() != nil else { return false }
                    skipSpace()
                    guard take(0x3A) else { return false }
                    skipSpace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if take(0x2C) { continue }
                return take(close)
            }
        case 0x74: return word("true")
        case 0x66: return word("false")
        case 0x6E: return word("null")
        default: return number()
        }
    }

    private mutating func word(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A number by the JSON grammar: `-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`.
    private mutating func number() -> Bool {
        _ = take(0x2D)
        func digits() -> Int {
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            return index - start
        }
        let start = index
        let whole = digits()
        guard whole > 0, whole == 1 || bytes[start] != 0x30 else { return false }
        if take(0x2E), digits() == 0 { return false }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if !take(0x2B) { _ = take(0x2D) }
            if digits() == 0 { return false }
        }
        return true
    }
}
