import TallyCore
import TallyMemory

/// Splits text into word, number and punctuation tokens in one pass over its UTF-8 bytes,
/// counting Unicode scalars as it goes so offsets are scalar offsets into the text.
///
/// Words are letters with inner apostrophes ("don't"; a trailing "'s" is its own token).
/// Numbers are digits with `,` / space / no-break-space thousands groups and `.` decimals ("1,000",
/// "2.5", "1 000"; a plain space only in a number with no comma or point). Everything else is one punctuation token per scalar; hyphens and dashes
/// always split, and `Token.spaceBefore` records whether whitespace preceded a token.
///
/// Tokens are written straight into the result arrays' storage (`out`, `outInfo`): no
/// uniqueness check, growth test or string retain per token.
struct Tokenizer {
    private let bytes: ByteView
    /// Where the tokens and their `TokenInfo` go (moved in for each piece, see `analyse`).
    private var out = OutputBuffer<Token>()
    private var outInfo = OutputBuffer<TokenInfo>()
    /// The token fields small strings are stored into, text and lower, read once (nil: make strings normally).
    private let smallFields = Tokenizer.smallFields
    private var smallStrings: Bool { smallFields != nil }
    /// Byte position and scalar offset of the cursor.
    private var i = 0
    private var s = 0
    private var space = true
    private var newline = false
    /// Scalar end of the last token when it is a word, else -1 (a possessive "'s" must touch a word).
    private var lastWordEnd = -1

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
        text.withContiguousBytes { buffer in
            var tokenizer = Tokenizer(bytes: buffer)
            var tokens: [Token] = []
            var info: [TokenInfo] = []
            // Each token takes at least one byte; prose has about one per five. Arrays sized for
            // one token per three bytes of what is left are filled in place; a denser text (rare)
            // fills further pieces, appended to the first.
            repeat {
                let room = (buffer.count &- tokenizer.i) / 3 &+ 16
                var pieceInfo: [TokenInfo] = []
                let piece = [Token](writing: room) { tokenBuffer in
                    pieceInfo = [TokenInfo](writing: room) { infoBuffer in
                        // The buffers are the tokenizer's for this piece only, and handed back with their counts.
                        swap(&tokenizer.out, &tokenBuffer)
                        swap(&tokenizer.outInfo, &infoBuffer)
                        tokenizer.run()
                        swap(&tokenizer.out, &tokenBuffer)
                        swap(&tokenizer.outInfo, &infoBuffer)
                    }
                }
                if tokens.isEmpty {
                    tokens = piece
                    info = pieceInfo
                } else {
                    tokens += piece
                    info += pieceInfo
                }
            } while tokenizer.i < buffer.count
            return Result(tokens: tokens, info: info, scalarCount: tokenizer.s, byteCount: buffer.count)
        }
    }

    private init(bytes: ByteView) {
        self.bytes = bytes
    }

    static let smallFields: (text: StringField<Token>, lower: StringField<Token>)? = {
        guard let text = StringField(\Token.text), let lower = StringField(\Token.lower) else { return nil }
        return (text, lower)
    }()

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

    /// Tokenises from the cursor until the text or the output room ends (every step writes at most one token).
    private mutating func run() {
        let n = bytes.count
        while i < n, out.count < out.capacity {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    space = true
                    if b >= 0x0A && b <= 0x0D { newline = true }
                    i &+= 1
                    s &+= 1
                } else if ScalarClass.isASCIILetter(b) {
                    word()
                } else if ScalarClass.isDigit(b) {
                    number()
                } else if b == 0x27, possessiveAt(i) {
                    possessive()
                } else if smallStrings {
                    let text = SmallASCII(low: UInt64(b), high: 0, count: 1)
                    pushSmall(.punct, to: i &+ 1, scalars: 1, lead: b, text: text, lower: text, hash: Tokenizer.hashOf(bytes, i, i &+ 1))
                } else {
                    push(.punct, to: i + 1, scalars: 1, lead: b, text: Tokenizer.asciiStrings[Int(b)], lower: Tokenizer.asciiStrings[Int(b)],
                        hash: Tokenizer.hashOf(bytes, i, i + 1))
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
                    push(.punct, to: i + len, scalars: 1, lead: normal.utf8.first!, text: normal, lower: normal, hash: WordHash.of(normal))
                } else {
                    let text = bytes.string(i..<(i + len))
                    push(.punct, to: i + len, scalars: 1, lead: bytes[i], text: text, lower: text, hash: WordHash.of(text))
                }
            }
        }
    }

    /// An apostrophe right after a word, followed by "s" and no further letter: "Kyiv's".
    private func possessiveAt(_ j: Int) -> Bool {
        guard lastWordEnd == s else { return false }
        let len = scalar(at: j).1
        guard j + len < bytes.count, bytes[j + len] | 0x20 == 0x73 else { return false }
        return !isWordAt(j + len + 1)
    }

    private mutating func possessive() {
        let len = scalar(at: i).1
        push(.word, to: i + len + 1, scalars: 2, lead: 0x27, text: bytes[i + len] == 0x53 ? "'S" : "'s", lower: "'s", hash: Tokenizer.possessiveHash)
    }

    private mutating func word() {
        // Fast path: a run of ASCII letters ending at ASCII that is not an apostrophe (most words).
        // One pass hashes the lowercased bytes and notes upper case; the lowercased text is the
        // surface text itself unless it has a capital.
        let start = i
        let bytes = self.bytes
        let n = bytes.count
        var h = FNV1a()
        // AND of the bytes: bit 5 is clear in upper-case letters only.
        var all: UInt8 = 0xFF
        // Read from `start` on, indexed from 0 (so the loop bound is the view's own count).
        let rest = bytes.slice(from: start)
        var k = 0
        while k < rest.count {
            let b = rest[k]
            let l = b | 0x20
            guard l &- 0x61 < 26 else { break }
            all &= b
            h.add(l)
            k &+= 1
        }
        let j = start &+ k
        if j == n || (bytes[j] < 0x80 && bytes[j] != 0x27) {
            let length = j &- start
            let upper = all & 0x20 == 0
            let hash = h.wordHash
            if length <= 15, smallStrings {
                let (maskLow, maskHigh) = SmallASCII.masks(length)
                let (low, high) = SmallASCII.pack(bytes, start, length, maskLow, maskHigh)
                let text = SmallASCII(low: low, high: high, count: length)
                // Letters only: lowercasing sets bit 5 of every byte.
                let spaces: UInt64 = 0x2020_2020_2020_2020
                let lower = upper ? text.setting(spaces, spaces) : text
                pushSmall(.word, to: j, scalars: length, lead: bytes[start], text: text, lower: lower, hash: hash)
            } else {
                let text = Tokenizer.asciiString(bytes, start, j, lowercase: false)
                let lower = upper ? Tokenizer.asciiString(bytes, start, j, lowercase: true) : text
                push(.word, to: j, scalars: length, lead: bytes[start], text: text, lower: lower, hash: hash)
            }
            return
        }
        wordSlow()
    }

    /// Words with apostrophes or non-ASCII letters.
    private mutating func wordSlow() {
        let start = i
        var j = i
        var scalars = 0
        var ascii = true
        var normalise = false
        while j < bytes.count {
            let b = bytes[j]
            if b < 0x80 {
                if ScalarClass.isASCIILetter(b) {
                    j += 1
                    scalars += 1
                    continue
                }
                if b == 0x27, isWordAt(j + 1), !isPossessiveSuffix(at: j) {
                    // Inner apostrophe ("don't"), unless it starts a possessive "'s".
                    j += 1
                    scalars += 1
                    continue
                }
                break
            }
            let (v, len) = scalar(at: j)
            if ScalarClass.isWordScalar(v) {
                ascii = false
                j += len
                scalars += 1
            } else if ScalarClass.isApostrophe(v), isWordAt(j + len), !isPossessiveSuffix(at: j) {
                normalise = true
                j += len
                scalars += 1
            } else {
                break
            }
        }
        var text = bytes.string(start..<j)
        if normalise {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { ScalarClass.isApostrophe($0.value) ? "'" : $0 }))
        }
        if ascii && !normalise {
            var h = FNV1a()
            for k in start..<j {
                let b = bytes[k]
                h.add((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
            }
            let lower = Tokenizer.asciiLowerIfUpper(bytes, start, j) ?? text
            push(.word, to: j, scalars: scalars, lead: bytes[start], text: text, lower: lower, hash: h.wordHash)
        } else {
            let lower = text.lowercased()
            let hash = WordHash.of(lower)
            push(.word, to: j, scalars: scalars, lead: bytes[start], text: text, lower: lower, hash: hash)
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
        var j = i
        var scalars = 0
        var groupLength = 0
        // A plain space groups thousands ("2 500 for 2 500") only in a number grouped no other way.
        var otherSeparator = false
        // Whether the first group is bound to what precedes it (asked once, at the first space).
        var bound: Bool? = nil
        while j < bytes.count {
            let b = bytes[j]
            if ScalarClass.isDigit(b) {
                j += 1
                scalars += 1
                groupLength += 1
                continue
            }
            if b == 0x2C, groupLength <= 3, threeDigitGroup(at: j + 1) {
                // "1,000": a comma followed by exactly three digits.
                groupLength = 0
                j += 1
                scalars += 1
                otherSeparator = true
                continue
            }
            if b == 0x2C, groupLength <= 2, groupLength > 0, indianGroups(at: j + 1) {
                // "12,34,567": lakh and crore grouping, pairs of digits before the last three.
                groupLength = 0
                j += 1
                scalars += 1
                otherSeparator = true
                continue
            }
            if b == 0x2E, isDigitAt(j + 1) {
                j += 1
                scalars += 1
                groupLength = 0
                otherSeparator = true
                continue
            }
            if b == 0x20, !otherSeparator, groupLength <= 3, threeDigitGroup(at: j + 1), !(bound ?? firstGroupIsBound(start, &bound)) {
                groupLength = 0
                j += 1
                scalars += 1
                continue
            }
            if b >= 0x80 {
                let (v, len) = scalar(at: j)
                if ScalarClass.isDigitGroupSpace(v), groupLength <= 3, threeDigitGroup(at: j + len), !(bound ?? firstGroupIsBound(start, &bound)) {
                    groupLength = 0
                    j += len
                    scalars += 1
                    continue
                }
            }
            break
        }
        let length = j &- start
        if length == scalars, length <= 15, smallStrings {
            // ASCII digits and separators: made directly, as words are.
            let (maskLow, maskHigh) = SmallASCII.masks(length)
            let bits = SmallASCII.pack(bytes, start, length, maskLow, maskHigh)
            let text = SmallASCII(low: bits.0, high: bits.1, count: length)
            pushSmall(.number, to: j, scalars: scalars, lead: bytes[start], text: text, lower: text, hash: Tokenizer.hashOf(bytes, start, j))
            return
        }
        var text = bytes.string(start..<j)
        if length != scalars {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII ? $0 : " " }))
        }
        let hash = WordHash.of(text)
        push(.number, to: j, scalars: scalars, lead: bytes[start], text: text, lower: text, hash: hash)
    }

    /// Whether the digits starting at byte `start` already belong to what precedes them, so no space
    /// after them can group thousands: two numbers stand side by side. They do after a month, as its
    /// day ("May 5 200 prisoners", "Sept. 11 300 firefighters"); after an abbreviation that labels
    /// a number ("No. 5 200"); and glued to letters or to a mark of a code, time or date ("MH17 298",
    /// "Covid-19 300", "10:30 200", "9/11 300"). Read backwards from the bytes, only when a space
    /// could group digits (rare), so tokenising pays nothing for it elsewhere. Notes it in `bound`.
    private func firstGroupIsBound(_ start: Int, _ bound: inout Bool?) -> Bool {
        let answer = precededByBindingContext(start)
        bound = answer
        return answer
    }

    private func precededByBindingContext(_ start: Int) -> Bool {
        guard start > 0 else { return false }
        let glued = bytes[start - 1]
        var j = skipSpaces(before: start)
        if j == start - 1 {
            // "/", ":", "." or a letter touching the digits; a hyphen after a figure ("2023-24 500")
            // or after a name or code with a capital ("Covid-19 300"), not in a compound of words
            // ("2 000-for-2 000").
            if glued == 0x2D { return start >= 2 && (ScalarClass.isDigit(bytes[start - 2]) || capitalisedWord(endingAt: start - 2)) }
            return ScalarClass.isASCIILetter(glued) || glued == 0x2F || glued == 0x3A || glued == 0x2E
        }
        guard j >= 0 else { return false }
        let abbreviated = bytes[j] == 0x2E
        if abbreviated { j -= 1 }
        let end = j + 1
        while j >= 0, ScalarClass.isASCIILetter(bytes[j]) { j -= 1 }
        let first = j + 1
        // A whole word: no letter of another script runs into it.
        guard first < end, j < 0 || bytes[j] < 0x80 || skipSpaces(before: first) != j else { return false }
        let lower = Tokenizer.asciiString(bytes, first, end, lowercase: true)
        if abbreviated, SentenceSplitter.abbreviations.contains(lower) || SentenceSplitter.numberAbbreviations.contains(lower) { return true }
        guard NumberWords.months[lower] != nil else { return false }
        // "May", "March": months only with their capital ("they may 5 000" has no day).
        if NumberWords.ambiguousMonths.contains(lower), bytes[first] >= 0x61 { return false }
        // A month after its day has its day already ("on 12 March 4 000 left", "12th March").
        let before = skipSpaces(before: first)
        if before >= 0, before < first - 1 {
            var k = before
            while k >= 0, ScalarClass.isASCIILetter(bytes[k]) { k -= 1 }
            if k >= 0, ScalarClass.isDigit(bytes[k]) { return false }
        }
        return true
    }

    /// The ASCII letters ending at byte `j` hold a capital.
    private func capitalisedWord(endingAt j: Int) -> Bool {
        var k = j
        while k >= 0, ScalarClass.isASCIILetter(bytes[k]) {
            if bytes[k] < 0x61 { return true }
            k -= 1
        }
        return false
    }

    /// The last byte before `j` that is no space (spaces: ASCII ones and those that group digits),
    /// or -1.
    private func skipSpaces(before j: Int) -> Int {
        var k = j - 1
        while k >= 0 {
            let b = bytes[k]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                k -= 1
            } else if b == 0xA0, k >= 1, bytes[k - 1] == 0xC2 {
                k -= 2
            } else if (b == 0xAF || b == 0x89), k >= 2, bytes[k - 1] == 0x80, bytes[k - 2] == 0xE2 {
                k -= 3
            } else {
                break
            }
        }
        return k
    }

    /// Pairs of digits, each followed by a comma, then exactly three digits at byte `j` ("34,567"):
    /// the Indian grouping of "12,34,567". A list such as "1,2,3" has no such groups.
    private func indianGroups(at j: Int) -> Bool {
        var k = j
        while isDigitAt(k), isDigitAt(k + 1), k + 2 < bytes.count, bytes[k + 2] == 0x2C { k += 3 }
        return k > j && threeDigitGroup(at: k)
    }

    /// Exactly three ASCII digits at byte `j`, not followed by a fourth.
    private func threeDigitGroup(at j: Int) -> Bool {
        isDigitAt(j) && isDigitAt(j + 1) && isDigitAt(j + 2) && !isDigitAt(j + 3)
    }

    /// Writes a token whose text and lowercased text are small ASCII strings given as their bits
    /// (`SmallASCII`): stored straight into the token, with nothing to retain.
    @inline(__always)
    private mutating func pushSmall(
        _ kind: Token.Kind, to: Int, scalars: Int, lead: UInt8, text: SmallASCII, lower: SmallASCII, hash: UInt64
    ) {
        let fields = smallFields!
        out.append(
            Token(kind: kind, start: s, end: s &+ scalars, text: "", lower: "", spaceBefore: space),
            setting: fields.text, to: text, fields.lower, to: lower)
        finish(to: to, scalars: scalars, lead: lead, hash: hash, word: kind == .word)
    }

    /// Writes the token from the cursor to byte `to` (its text and lowercased text are moved in,
    /// not copied) and moves the cursor past it.
    @inline(__always)
    private mutating func push(_ kind: Token.Kind, to: Int, scalars: Int, lead: UInt8, text: consuming String, lower: consuming String, hash: UInt64) {
        out.append(Token(kind: kind, start: s, end: s &+ scalars, text: text, lower: lower, spaceBefore: space))
        finish(to: to, scalars: scalars, lead: lead, hash: hash, word: kind == .word)
    }

    /// The token's `TokenInfo`, and the cursor moved past it.
    @inline(__always)
    private mutating func finish(to: Int, scalars: Int, lead: UInt8, hash: UInt64, word: Bool) {
        outInfo.append(TokenInfo(hash: hash, byte: UInt32(truncatingIfNeeded: i), lead: lead, newline: newline))
        i = to
        s &+= scalars
        lastWordEnd = word ? s : -1
        space = false
        newline = false
    }

    /// FNV-1a of bytes `from..<to` (ASCII that needs no lowercasing), as `WordHash.of`.
    @inline(__always)
    static func hashOf(_ bytes: ByteView, _ from: Int, _ to: Int) -> UInt64 {
        bytes.wordHash(from..<to)
    }

    /// ASCII bytes as a String (lowercased if asked), without UTF-8 validation for short ones.
    @inline(__always)
    static func asciiString(_ bytes: ByteView, _ from: Int, _ to: Int, lowercase: Bool) -> String {
        String(utf8Capacity: to - from) { out in
            if lowercase {
                for j in from..<to {
                    let b = bytes[j]
                    out.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                }
            } else {
                out.append(from..<to, of: bytes)
            }
        }
    }

    /// The lowercased ASCII bytes as a String, or nil when they hold no upper-case letter.
    static func asciiLowerIfUpper(_ bytes: ByteView, _ from: Int, _ to: Int) -> String? {
        var hasUpper = false
        for j in from..<to where bytes[j] >= 0x41 && bytes[j] <= 0x5A {
            hasUpper = true
            break
        }
        if !hasUpper { return nil }
        return String(utf8Capacity: to - from) { out in
            for j in from..<to {
                let b = bytes[j]
                out.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
            }
        }
    }

    static let possessiveHash = WordHash.of("'s")

    /// One-byte strings for ASCII punctuation, made once.
    static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}

/// What the tokenizer notes about each token besides the `Token` itself.
@usableFromInline struct TokenInfo: Sendable {
    /// `WordHash` of the lowercased text (the scanner's word lookups).
    @usableFromInline var hash: UInt64
    /// UTF-8 offset of the token's first byte in the text (truncated past 4 GiB; `TextAnalysis.slice`
    /// reads it only below that).
    var byte: UInt32
    /// The first UTF-8 byte of the (normalised) text.
    var lead: UInt8
    /// A line break sits in the whitespace before the token.
    var newline: Bool
}
