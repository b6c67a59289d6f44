import TallyCore

/// Splits text into word, number and punctuation tokens in one pass over its UTF-8 bytes,
/// counting Unicode scalars as it goes so offsets are scalar offsets into the text.
///
/// Words are letters with inner apostrophes ("don't"; a trailing "'s" is its own token).
/// Numbers are digits with `,` / no-break-space thousands groups and `.` decimals ("1,000",
/// "2.5", "1 000"). Everything else is one punctuation token per scalar; hyphens and dashes
/// always split, and `Token.spaceBefore` records whether whitespace preceded a token.
struct Tokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var tokens: [Token] = []
    /// Per token: its hash, first byte and line break (see `TokenInfo`).
    private var info: [TokenInfo] = []
    /// `SmallASCII.available`, read once.
    private let smallStrings = SmallASCII.available
    /// Byte position and scalar offset of the cursor.
    private var i = 0
    private var s = 0
    private var space = true
    private var newline = false

    struct Result {
        var tokens: [Token]
        var info: [TokenInfo]
        var scalarCount: Int
        var byteCount: Int
    }

    static func tokenize(_ text: String) -> [Token] {
        var copy = text
        return analyse(&copy).tokens
    }

    /// Tokens, line breaks before them, and the text's scalar count, in one pass over the UTF-8 bytes.
    static func analyse(_ text: inout String) -> Result {
        text.withUTF8 { buffer in
            var tokenizer = Tokenizer(bytes: buffer)
            tokenizer.tokens.reserveCapacity(buffer.count / 4 + 8)
            tokenizer.info.reserveCapacity(buffer.count / 4 + 8)
            tokenizer.run()
            return Result(tokens: tokenizer.tokens, info: tokenizer.info, scalarCount: tokenizer.s, byteCount: buffer.count)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The scalar at byte `j` and its length in bytes (the buffer is valid UTF-8).
    private func scalar(at j: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[j])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(bytes[j + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[j + 1]) & 0x3F) << 6) | (UInt32(bytes[j + 2]) & 0x3F), 3)
        }
        let v = ((b0 & 0x07) << 18) | ((UInt32(bytes[j + 1]) & 0x3F) << 12) | ((UInt32(bytes[j + 2]) & 0x3F) << 6)
            | (UInt32(bytes[j + 3]) & 0x3F)
        return (v, 4)
    }

    private func isWordAt(_ j: Int) -> Bool {
        guard j < bytes.count else { return false }
        let b = bytes[j]
        if b < 0x80 { return ScalarClass.isASCIILetter(b) }
        return ScalarClass.isWordScalar(scalar(at: j).0)
    }

    private func isDigitAt(_ j: Int) -> Bool { j < bytes.count && ScalarClass.isDigit(bytes[j]) }

    private mutating func run() {
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    space = true
                    if b >= 0x0A && b <= 0x0D { newline = true }
                    i += 1
                    s += 1
                } else if ScalarClass.isASCIILetter(b) {
                    word()
                } else if ScalarClass.isDigit(b) {
                    number()
                } else if b == 0x27, possessiveAt(i) {
                    possessive()
                } else {
                    emit(.punct, from: i, to: i + 1, scalars: 1, lead: b, text: Tokenizer.asciiStrings[Int(b)], hash: Tokenizer.asciiHashes[Int(b)])
                }
                continue
            }
            let (v, len) = scalar(at: i)
            if ScalarClass.isSpace(v) {
                space = true
                if ScalarClass.isNewline(v) { newline = true }
                i += len
                s += 1
            } else if ScalarClass.isWordScalar(v) {
                word()
            } else if ScalarClass.isApostrophe(v), possessiveAt(i) {
                possessive()
            } else {
                if let normal = ScalarClass.normalisedPunct(v) {
                    emit(.punct, from: i, to: i + len, scalars: 1, lead: normal.utf8.first!, text: normal)
                } else {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + len)]), as: UTF8.self)
                    emit(.punct, from: i, to: i + len, scalars: 1, lead: bytes[i], text: text)
                }
            }
        }
    }

    /// An apostrophe right after a word, followed by "s" and no further letter: "Kyiv's".
    private func possessiveAt(_ j: Int) -> Bool {
        guard let last = tokens.last, last.kind == .word, last.end == s else { return false }
        let len = scalar(at: j).1
        guard j + len < bytes.count, bytes[j + len] | 0x20 == 0x73 else { return false }
        return !isWordAt(j + len + 1)
    }

    private mutating func possessive() {
        let len = scalar(at: i).1
        emit(.word, from: i, to: i + len + 1, scalars: 2, lead: 0x27, text: bytes[i + len] == 0x53 ? "'S" : "'s", lower: "'s", hash: Tokenizer.possessiveHash)
    }

    private mutating func word() {
        // Fast path: a run of ASCII letters ending at ASCII that is not an apostrophe (most words).
        // One pass hashes the lowercased bytes and notes upper case; the lowercased text is the
        // surface text itself unless it has a capital.
        let start = i
        let n = bytes.count
        var j = i
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // AND of the bytes: bit 5 is clear in upper-case letters only.
        var all: UInt8 = 0xFF
        while j < n {
            let b = bytes[j]
            let l = b | 0x20
            guard l &- 0x61 < 26 else { break }
            all &= b
            h = (h ^ UInt64(l)) &* 0x100_0000_01b3
            j &+= 1
        }
        if j == n || (bytes[j] < 0x80 && bytes[j] != 0x27) {
            let count = j &- start
            let upper = all & 0x20 == 0
            let text: String
            let lower: String
            if count <= 15, smallStrings {
                let (low, high) = SmallASCII.pack(bytes, start, count)
                text = SmallASCII.make(low, high, count: count)
                // Letters only: lowercasing sets bit 5 of every byte.
                lower = upper ? SmallASCII.make(low | SmallASCII.fill(0x20, count), high | SmallASCII.fill(0x20, count - 8), count: count) : text
            } else {
                text = Tokenizer.asciiString(bytes, start, j, lowercase: false)
                lower = upper ? Tokenizer.asciiString(bytes, start, j, lowercase: true) : text
            }
            emit(.word, from: start, to: j, scalars: j - start, lead: bytes[start], text: text, lower: lower, hash: h == 0 ? 1 : h)
            return
        }
        wordSlow()
    }

    /// Words with apostrophes or non-ASCII letters.
    private mutating func wordSlow() {
        let start = i
        var scalars = 0
        var ascii = true
        var normalise = false
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if ScalarClass.isASCIILetter(b) {
                    i += 1
                    scalars += 1
                    continue
                }
                if b == 0x27, isWordAt(i + 1), !isPossessiveSuffix(at: i) {
                    // Inner apostrophe ("don't"), unless it starts a possessive "'s".
                    i += 1
                    scalars += 1
                    continue
                }
                break
            }
            let (v, len) = scalar(at: i)
            if ScalarClass.isWordScalar(v) {
                ascii = false
                i += len
                scalars += 1
            } else if ScalarClass.isApostrophe(v), isWordAt(i + len), !isPossessiveSuffix(at: i) {
                normalise = true
                i += len
                scalars += 1
            } else {
                break
            }
        }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if normalise {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { ScalarClass.isApostrophe($0.value) ? "'" : $0 }))
        }
        if ascii && !normalise {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for j in start..<i {
                let b = bytes[j]
                h ^= UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                h = h &* 0x100_0000_01b3
            }
            let lower = Tokenizer.asciiLowerIfUpper(bytes, start, i) ?? text
            emit(.word, from: start, to: i, scalars: scalars, lead: bytes[start], text: text, lower: lower, hash: h == 0 ? 1 : h)
        } else {
            emit(.word, from: start, to: i, scalars: scalars, lead: bytes[start], text: text, lower: text.lowercased())
        }
    }

    /// Whether the apostrophe at byte `j` is followed by "s" and then no letter ("Kyiv's").
    private func isPossessiveSuffix(at j: Int) -> Bool {
        let len = scalar(at: j).1
        guard j + len < bytes.count, bytes[j + len] | 0x20 == 0x73 else { return false }
        return !isWordAt(j + len + 1)
    }

    private mutating func number() {
        let start = i
        var scalars = 0
        var groupLength = 0
        while i < bytes.count {
            let b = bytes[i]
            if ScalarClass.isDigit(b) {
                i += 1
                scalars += 1
                groupLength += 1
                continue
            }
            if b == 0x2C, groupLength <= 3, threeDigitGroup(at: i + 1) {
                // "1,000": a comma followed by exactly three digits.
                groupLength = 0
                i += 1
                scalars += 1
                continue
            }
            if b == 0x2E, isDigitAt(i + 1) {
                i += 1
                scalars += 1
                groupLength = 0
                continue
            }
            if b >= 0x80 {
                let (v, len) = scalar(at: i)
                if ScalarClass.isDigitGroupSpace(v), groupLength <= 3, threeDigitGroup(at: i + len) {
                        groupLength = 0
                    i += len
                    scalars += 1
                    continue
                }
            }
            break
        }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if text.utf8.count != scalars {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII ? $0 : " " }))
        }
        emit(.number, from: start, to: i, scalars: scalars, lead: bytes[start], text: text, lower: text)
    }

    /// Exactly three ASCII digits at byte `j`, not followed by a fourth.
    private func threeDigitGroup(at j: Int) -> Bool {
        isDigitAt(j) && isDigitAt(j + 1) && isDigitAt(j + 2) && !isDigitAt(j + 3)
    }

    private mutating func emit(_ kind: Token.Kind, from: Int, to: Int, scalars: Int, lead: UInt8, text: String, lower: String? = nil, hash: UInt64? = nil) {
        let lower = lower ?? text
        tokens.append(Token(kind: kind, start: s, end: s + scalars, text: text, lower: lower, spaceBefore: space))
        info.append(TokenInfo(hash: hash ?? WordHash.of(lower), lead: lead, newline: newline))
        i = to
        s += scalars
        space = false
        newline = false
    }

    /// ASCII bytes as a String (lowercased if asked), without UTF-8 validation for short ones.
    @inline(__always)
    static func asciiString(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, lowercase: Bool) -> String {
        String(unsafeUninitializedCapacity: to - from) { out in
            if lowercase {
                for j in from..<to {
                    let b = bytes[j]
                    out[j - from] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                }
            } else {
                for j in from..<to { out[j - from] = bytes[j] }
            }
            return to - from
        }
    }

    static func asciiLower(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        asciiLowerIfUpper(bytes, from, to) ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// The lowercased ASCII bytes as a String, or nil when they hold no upper-case letter.
    static func asciiLowerIfUpper(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String? {
        var hasUpper = false
        for j in from..<to where bytes[j] >= 0x41 && bytes[j] <= 0x5A {
            hasUpper = true
            break
        }
        if !hasUpper { return nil }
        return String(unsafeUninitializedCapacity: to - from) { out in
            for j in from..<to {
                let b = bytes[j]
                out[j - from] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            }
            return to - from
        }
    }

    static let asciiHashes: [UInt64] = (0..<128).map { WordHash.of(String(UnicodeScalar(UInt8($0)))) }
    static let possessiveHash = WordHash.of("'s")

    /// One-byte strings for ASCII punctuation, made once.
    static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}

/// What the tokenizer notes about each token besides the `Token` itself.
struct TokenInfo: Sendable {
    /// `WordHash` of the lowercased text (the scanner's word lookups).
    var hash: UInt64
    /// The first UTF-8 byte of the (normalised) text.
    var lead: UInt8
    /// A line break sits in the whitespace before the token.
    var newline: Bool
}

/// Short ASCII strings made directly in the standard library's small-string form: 16 bytes, the
/// UTF-8 bytes in order, then a last byte 0xE0 | count (small, ASCII, immortal). This is the
/// layout on 64-bit platforms; `available` checks it once against strings made the ordinary way,
/// and the tokenizer builds strings normally where it does not hold.
enum SmallASCII {
    static let available: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        for sample in ["", "a", "Kyiv", "abcdefgh", "abcdefghijklmno"] {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for (k, b) in sample.utf8.enumerated() {
                if k < 8 { low |= UInt64(b) << UInt64(k * 8) } else { high |= UInt64(b) << UInt64((k - 8) * 8) }
            }
            let made = make(low, high, count: sample.utf8.count)
            guard made == sample, made.utf8.count == sample.utf8.count, Array(made.utf8) == Array(sample.utf8),
                made.hashValue == sample.hashValue
            else { return false }
            let bits = unsafeBitCast(sample, to: (UInt64, UInt64).self)
            guard bits.0 == low, bits.1 == high | (UInt64(0xE0 | sample.utf8.count) << 56) else { return false }
        }
        return true
    }()

    /// Bytes `from..<from + count` (count ≤ 15) as the two words of a small string, without its count.
    @inline(__always) static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> (UInt64, UInt64) {
        if from &+ 16 <= bytes.count {
            let raw = UnsafeRawPointer(bytes.baseAddress! + from)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & fill(0xFF, count)
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & fill(0xFF, count &- 8)
            return (low, high)
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<count {
            let b = UInt64(bytes[from &+ k])
            if k < 8 { low |= b &<< UInt64(k &* 8) } else { high |= b &<< UInt64((k &- 8) &* 8) }
        }
        return (low, high)
    }

    @inline(__always) static func make(_ low: UInt64, _ high: UInt64, count: Int) -> String {
        unsafeBitCast((low, high | (UInt64(0xE0 | count) &<< 56)), to: String.self)
    }

    /// `byte` repeated in the first `count` bytes of a word (count may be ≤ 0 or > 8).
    @inline(__always) static func fill(_ byte: UInt64, _ count: Int) -> UInt64 {
        if count <= 0 { return 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        if count >= 8 { return ones &* byte }
        return (ones & ((1 &<< UInt64(count &* 8)) &- 1)) &* byte
    }
}
