/// Character classes the tokenizer needs, decided per Unicode scalar without Foundation.
enum ScalarClass {
    /// Whitespace, including the no-break and thin spaces used as thousands separators.
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Line breaks: they always end a sentence and start a paragraph.
    static func isNewline(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Spaces that may group digits inside one number ("1 000").
    static func isDigitGroupSpace(_ v: UInt32) -> Bool { v == 0xA0 || v == 0x202F || v == 0x2009 }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Letters and combining marks of any script (non-ASCII only; ASCII is handled byte-wise).
    static func isWordScalar(_ v: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(v) else { return false }
        let props = scalar.properties
        if props.isAlphabetic { return true }
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Apostrophes that may sit inside a word ("don't", "Kyiv’s").
    static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 || v == 0x2BC }

    /// Normalised text of a one-scalar punctuation token: curly quotes → straight, dashes → `-`.
    static func normalisedPunct(_ v: UInt32) -> String? {
        switch v {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: return "\""
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2E3A, 0x2E3B: return "-"
        default: return nil
        }
    }
}
