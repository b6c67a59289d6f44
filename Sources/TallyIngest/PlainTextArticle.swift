import TallyCore
import TallyMemory

/// A plain-text article: optional front matter (see `FrontMatter`), then the headline on the first
/// non-empty line, then the body.
///
/// `Document.text` keeps the headline as its first line, followed by the body paragraphs, one per line:
/// blank lines are collapsed, trailing spaces trimmed, and page chrome (see `ChromeFilter`: bare counters,
/// "Image source: …", comment and share widgets) dropped. `Document.title` is the front matter title or
/// the headline. `published` comes from the front matter, else `IngestOptions.published`, else nil.
///
/// Lines are split, trimmed and filtered on the UTF-8 bytes (no `String` per line); the rules are those of
/// the `String` versions (`trimmingSpaces`, `ChromeFilter.isChrome`), which still decide the rare lines the
/// byte code cannot settle exactly (short non-ASCII lines, trailing spaces after a non-ASCII character).
enum PlainTextArticle {
    static func document(text: String, id: String, options: IngestOptions) -> Document {
        text.withBytes { document(utf8: $0, id: id, options: options) }
    }

    /// Line separators as `Character`s: "\n", "\r\n" (one grapheme) and "\r".
    /// Returns the end of the line starting at `start` and the start of the next one (nil at the end).
    @inline(__always)
    static func lineEnd(_ buf: ByteView, from start: Int) -> (end: Int, next: Int?) {
        // The bytes from `start` on, indexed from 0 (reads within their count need no check).
        let rest = buf.slice(from: start)
        let n = rest.count
        var k = 0
        while k < n {
            let b = rest[k]
            if b == 0x0A { return (start + k, start + k + 1) }
            if b == 0x0D { return (start + k, k + 1 < n && rest[k + 1] == 0x0A ? start + k + 2 : start + k + 1) }
            k += 1
        }
        return (buf.count, nil)
    }

    static func document(utf8 buf: ByteView, id: String, options: IngestOptions) -> Document {
        var warnings: [String] = []
        let n = buf.count
        var bodyStart = 0
        var fields: [String: String] = [:]
        if firstLineHasDashes(buf) {
            // `FrontMatter.parse` reads at most 65 lines, and none past the first after the top that trims to
            // "---": only those become Substrings.
            var ranges: [Range<Int>] = []
            var ascii = true
            var start: Int? = 0
            while let s = start, ranges.count < 65 {
                let (end, next) = lineEnd(buf, from: s)
                ranges.append(s..<end)
                if ascii { ascii = !buf[s..<end].contains { $0 >= 0x80 } }
                start = next
                if ranges.count > 1, case .bytes(let a, let b) = trimmed(buf, s, end), b - a == 3,
                    buf[a] == UInt8(ascii: "-"), buf[a + 1] == UInt8(ascii: "-"), buf[a + 2] == UInt8(ascii: "-")
                {
                    break
                }
            }
            let parsed = ascii
                ? FrontMatter.parseASCII(buf, lines: ranges)
                : FrontMatter.parse(ranges.map { Substring(buf.string($0)) })
            if let (matter, start) = parsed {
                fields = matter.fields
                warnings += matter.warnings
                bodyStart = start
            }
        }
        var title: String?
        var keptAny = false
        // Page chrome is dropped line by line; when that would leave nothing, the text was all content
        // (a record whose whole text is "1,234"), so it is kept whole.
        var dropChrome = true
        func body() -> String { String(utf8Capacity: max(n, 1)) { out in
            func emit(_ bytes: ByteView) {
                if keptAny {
                    out.append(0x0A)
                } else {
                    title = bytes.string
                    keptAny = true
                }
                out.append(0..<bytes.count, of: bytes)
            }
            var lineIndex = 0
            var start: Int? = 0
            while let s = start {
                let (end, next) = lineEnd(buf, from: s)
                start = next
                defer { lineIndex += 1 }
                if lineIndex < bodyStart { continue }
                switch trimmed(buf, s, end) {
                case .empty:
                    continue
                case .bytes(let a, let b):
                    let line = buf.slice(a..<b)
                    if dropChrome, ChromeFilter.isChrome(utf8: line) { continue }
                    emit(line)
                case .needsString:
                    // Let the String code decide where the trimmed line ends (grapheme rules).
                    let line = buf.string(s..<end).trimmingSpaces()
                    if line.isEmpty || (dropChrome && ChromeFilter.isChrome(line)) { continue }
                    line.withBytes { emit($0) }
                }
            }
        } }
        var text = body()
        if !keptAny {
            dropChrome = false
            text = body()
        }
        var published: CalendarDate?
        if let raw = fields["published"] {
            if let date = DateNormalizer.date(raw) {
                published = date
            } else {
                warnings.append("front matter: published '\(raw)' is not a date; ignored")
            }
        }
        // A dated URL (`/2024/06/30/`) says more than the run's default date.
        if published == nil, let url = fields["url"] { published = PublishedDateCascade.urlDate(url, today: CalendarDate.today) }
        if published == nil { published = options.published }
        if !keptAny { warnings.append("no text after removing page chrome") }
        return Document(
            id: id, title: fields["title"] ?? title, outlet: fields["outlet"], author: fields["author"], url: fields["url"],
            published: published, encoding: nil, text: text, warnings: warnings)
    }

    /// Whether the first line contains "---" (a first line that trims to "---" must).
    static func firstLineHasDashes(_ buf: ByteView) -> Bool {
        let end = lineEnd(buf, from: 0).end
        var run = 0
        for i in 0..<end {
            if buf[i] == UInt8(ascii: "-") {
                run += 1
                if run == 3 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    enum Trimmed {
        case empty
        case bytes(Int, Int)
        /// The last non-space character is not ASCII and spaces follow it: `trimmingSpaces` ends the line at
        /// that character's grapheme boundary, which only the String code knows.
        case needsString
    }

    /// `trimmingSpaces` on bytes `start..<end` (valid UTF-8).
    @inline(__always)
    static func trimmed(_ buf: ByteView, _ start: Int, _ end: Int) -> Trimmed {
        var a = start
        while a < end {
            let b = buf[a]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    a += 1
                    continue
                }
                break
            }
            let (scalar, length) = UTF8Bytes.decode(buf, at: a)
            guard UTF8Bytes.isWhitespace(scalar) else { break }
            a += length
        }
        if a == end { return .empty }
        var z = end
        while z > a {
            let b = buf[z - 1]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    z -= 1
                    continue
                }
                return .bytes(a, z)
            }
            var lead = z - 1
            while buf[lead] & 0xC0 == 0x80 { lead -= 1 }
            let (scalar, _) = UTF8Bytes.decode(buf, at: lead)
            if UTF8Bytes.isWhitespace(scalar) {
                z = lead
                continue
            }
            return z == end ? .bytes(a, z) : .needsString
        }
        return .empty  // not reached: `a` holds a non-space character
    }
}

/// Small helpers on valid UTF-8 bytes.
enum UTF8Bytes {
    /// The scalar value starting at `i` and its length in bytes (the bytes must be valid UTF-8).
    @inline(__always)
    static func decode(_ buf: ByteView, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(buf[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(buf[i + 1] & 0x3F) << 12 | UInt32(buf[i + 2] & 0x3F) << 6 | UInt32(buf[i + 3] & 0x3F), 4)
    }

    /// Unicode White_Space (`Unicode.Scalar.Properties.isWhitespace`).
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }
}
