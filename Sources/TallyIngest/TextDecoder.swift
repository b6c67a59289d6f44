/// Bytes to Unicode text: UTF-8 when valid, windows-1252 otherwise; UTF-16 when a BOM says so.
enum TextDecoder {
    struct Decoded {
        var text: String
        var encoding: String
        var warnings: [String]
    }

    /// Decodes text whose encoding is not declared. `knownEncoding` means the bytes were already
    /// transcoded to UTF-8 from that encoding (UTF-16 with a BOM).
    static func decode(_ bytes: [UInt8], knownEncoding: String? = nil) -> Decoded {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let known = knownEncoding {
            return Decoded(text: String(decoding: body, as: UTF8.self), encoding: known, warnings: [])
        }
        if let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: text, encoding: "utf-8", warnings: [])
        }
        return Decoded(text: windows1252(body), encoding: "windows-1252", warnings: ["not UTF-8; read as windows-1252"])
    }

    /// Decodes bytes in a named encoding (as sniffed from HTML); nil when the name is not supported.
    static func decode(_ bytes: ArraySlice<UInt8>, named name: String) -> String? {
        switch canonicalName(name) {
        case "utf-8": return String(decoding: bytes, as: UTF8.self)
        case "windows-1252": return windows1252(bytes)
        case "iso-8859-1": return latin1(bytes)
        default: return nil
        }
    }

    /// The WHATWG name for common labels ("latin1", "us-ascii" and "iso-8859-1" all mean windows-1252).
    static func canonicalName(_ label: String) -> String {
        let name = label.lowercased().trimmingASCIISpaces()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "windows-1252", "cp1252", "x-cp1252", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1",
            "us-ascii", "ascii", "iso-ir-100", "cp819", "ibm819", "ansi_x3.4-1968":
            return "windows-1252"
        case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2": return "utf-16"
        default: return name
        }
    }

    /// Transcodes UTF-16 announced by a BOM to UTF-8 bytes; nil when there is no UTF-16 BOM.
    static func transcodeUTF16(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: String)? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE {
            littleEndian = true
        } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
            littleEndian = false
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        return (Array(text.utf8), littleEndian ? "utf-16le" : "utf-16be")
    }

    /// windows-1252 as browsers decode it: 0x80–0x9F are typographic characters (€, –, “ …).
    static func windows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                scalars.append(Unicode.Scalar(cp1252High[Int(b - 0x80)]) ?? Unicode.Scalar(b))
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    static func latin1<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    /// Code points of bytes 0x80…0x9F in windows-1252 (undefined bytes map to the C1 control).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    func trimmingASCIISpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isASCIISpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isASCIISpace })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    var isASCIISpace: Bool { value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C }
}
