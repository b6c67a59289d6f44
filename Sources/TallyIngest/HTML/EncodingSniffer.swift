import TallyMemory

/// The encoding of an HTML page, decided in this order: BOM, `<meta charset>` / `http-equiv` in the first
/// 1024 bytes, valid UTF-8, windows-1252. UTF-8, windows-1252 and ISO-8859-1 are converted here; other
/// declared encodings are handed to libxml2 by name (`parserEncoding`).
enum EncodingSniffer {
    struct Result {
        /// The bytes to parse: UTF-8 unless `parserEncoding` says otherwise.
        var bytes: [UInt8]
        /// The encoding name given to libxml2 (with `HTML_PARSE_IGNORE_ENC`).
        var parserEncoding: String
        /// The encoding reported in `Document.encoding`.
        var encoding: String
        var warnings: [String]
    }

    static func toUTF8(_ bytes: [UInt8]) -> Result {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), declared: "utf-8")
        }
        let declared = declaredCharset(bytes).map(TextDecoder.canonicalName)
        switch declared {
        case nil, "utf-8"?:
            return utf8(bytes, declared: declared)
        case "windows-1252"?:
            // A page that declares a single-byte encoding but is valid UTF-8 with multibyte characters is UTF-8:
            // windows-1252 text with accented letters almost never forms valid UTF-8 sequences.
            let check = UTF8Check(bytes)
            if check.valid && check.multibyte > 0 {
                return Result(bytes: bytes, parserEncoding: "UTF-8", encoding: "utf-8", warnings: ["declared \(declared!) but the content is UTF-8; read as UTF-8"])
            }
            return Result(bytes: Array(TextDecoder.windows1252(bytes).utf8), parserEncoding: "UTF-8", encoding: "windows-1252", warnings: [])
        case "utf-16"?:
            // Without a BOM the page is evidently 8-bit (the meta tag was readable as ASCII): the declaration is wrong.
            return utf8(bytes, declared: nil)
        case let name?:
            guard HTMLTree.supportsEncoding(name) else {
                var result = utf8(bytes, declared: nil)
                result.warnings.append("unknown charset '\(name)' ignored")
                return result
            }
            return Result(bytes: bytes, parserEncoding: name, encoding: name, warnings: [])
        }
    }

    /// UTF-8 when valid; mostly valid UTF-8 with bad bytes replaced; otherwise windows-1252.
    private static func utf8(_ bytes: [UInt8], declared: String?) -> Result {
        let check = UTF8Check(bytes)
        if check.valid { return Result(bytes: bytes, parserEncoding: "UTF-8", encoding: "utf-8", warnings: []) }
        if check.multibyte > check.invalid {
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            return Result(bytes: repaired, parserEncoding: "UTF-8", encoding: "utf-8", warnings: ["invalid UTF-8 replaced (\(check.invalid) bad bytes)"])
        }
        let note = declared == nil ? "not UTF-8; read as windows-1252" : "declared utf-8 but not UTF-8; read as windows-1252"
        return Result(bytes: Array(TextDecoder.windows1252(bytes).utf8), parserEncoding: "UTF-8", encoding: "windows-1252", warnings: [note])
    }

    /// The charset named by a `<meta>` tag in the first 1024 bytes, if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        // Tags that start in the first 1024 bytes are read to their end, even past the boundary.
        let head = bytes.prefix(1024 + 512).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        var i = 0
        while i + meta.count < head.count, i < 1024 {
            guard head[i] == meta[0], head[i..<(i + meta.count)].elementsEqual(meta) else {
                i += 1
                continue
            }
            var end = i + meta.count
            while end < head.count, head[end] != UInt8(ascii: ">") { end += 1 }
            let tag = Array(head[i..<end])
            var j = 0
            while j + charset.count < tag.count {
                if tag[j..<(j + charset.count)].elementsEqual(charset) {
                    var k = j + charset.count
                    while k < tag.count, tag[k] == 0x20 { k += 1 }
                    if k < tag.count, tag[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < tag.count, tag[k] == 0x20 || tag[k] == UInt8(ascii: "\"") || tag[k] == UInt8(ascii: "'") { k += 1 }
                        var e = k
                        while e < tag.count, !(tag[e] == 0x20 || tag[e] == UInt8(ascii: "\"") || tag[e] == UInt8(ascii: "'") || tag[e] == UInt8(ascii: ";") || tag[e] == UInt8(ascii: "/")) { e += 1 }
                        if e > k { return String(decoding: tag[k..<e], as: UTF8.self) }
                    }
                }
                j += 1
            }
            i = end
        }
        return nil
    }
}

/// Counts of valid multibyte sequences and invalid bytes in UTF-8 input.
struct UTF8Check {
    /// Whether the bytes are well-formed UTF-8 (Unicode table 3-7, as `String(validating:)` decides), ASCII
    /// eight bytes at a time.
    static func isValid(_ bytes: ByteView) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n, bytes.word(at: i) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length = UTF8Check.sequenceLength(bytes, at: i)
            guard length > 0 else { return false }
            i += length
        }
        return true
    }

    /// The length of the well-formed multibyte sequence (Unicode table 3-7) starting at `i`, else 0.
    @inline(__always)
    static func sequenceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Bytes.Index) -> Int where Bytes.Index == Int {
        let length: Int
        var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
        switch bytes[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; minSecond = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; maxSecond = 0x9F
        case 0xF0: length = 4; minSecond = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; maxSecond = 0x8F
        default: return 0
        }
        guard i + length <= bytes.endIndex, bytes[i + 1] >= minSecond, bytes[i + 1] <= maxSecond else { return 0 }
        var k = 2
        while k < length {
            guard bytes[i + k] & 0xC0 == 0x80 else { return 0 }
            k += 1
        }
        return length
    }

    var valid = true
    var multibyte = 0
    var invalid = 0

    init(_ bytes: [UInt8]) {
        self = bytes.withView { UTF8Check(view: $0) }
    }

    private init(view bytes: ByteView) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // Runs of ASCII eight bytes at a time.
                i += 1
                while i + 8 <= n {
                    let block = bytes.word(at: i)
                    if block & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                continue
            }
            let length = UTF8Check.sequenceLength(bytes, at: i)
            let ok = length > 0
            if ok {
                multibyte += 1
                i += length
            } else {
                valid = false
                invalid += 1
                i += 1
            }
        }
    }
}
