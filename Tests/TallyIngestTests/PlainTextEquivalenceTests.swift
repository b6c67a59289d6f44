import Testing
import TallyCore
@testable import TallyIngest

/// The byte-level plain-text path (`PlainTextArticle`, `ChromeFilter.isChrome(utf8:)`, `LongLines`) against the
/// String code it replaced, kept here as the reference, on random lines built from tricky pieces.
@Suite struct PlainTextEquivalenceTests {
    /// The former `PlainTextArticle.document`, on Strings.
    static func referenceDocument(text: String, id: String, options: IngestOptions) -> Document {
        var warnings: [String] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var bodyStart = 0
        var fields: [String: String] = [:]
        if let (matter, start) = FrontMatter.parse(lines) {
            fields = matter.fields
            warnings += matter.warnings
            bodyStart = start
        }
        var kept: [String] = []
        for line in lines[bodyStart...] {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if referenceIsChrome(trimmed) { continue }
            kept.append(trimmed)
        }
        // A text that is all "chrome" is all content: kept whole.
        if kept.isEmpty { kept = lines[bodyStart...].map { $0.trimmingSpaces() }.filter { !$0.isEmpty } }
        var published: CalendarDate?
        if let raw = fields["published"] {
            if let date = DateNormalizer.date(raw) {
                published = date
            } else {
                warnings.append("front matter: published '\(raw)' is not a date; ignored")
            }
        }
        if published == nil { published = options.published }
        if kept.isEmpty { warnings.append("no text after removing page chrome") }
        return Document(
            id: id, title: fields["title"] ?? kept.first, outlet: fields["outlet"], author: fields["author"], url: fields["url"],
            published: published, encoding: nil, text: kept.joined(separator: "\n"), warnings: warnings)
    }

    /// The former `ChromeFilter.isChrome`.
    static func referenceIsChrome(_ line: String, countsAreChrome: Bool = true) -> Bool {
        guard line.utf8.count <= 160 else { return false }
        let lower = line.lowercased()
        var bare = lower
        while let last = bare.last, last == ":" || last == "|" || last == "»" || last == "›" { bare.removeLast() }
        bare = bare.trimmingSpaces()
        if ChromeFilter.exactLines.contains(bare) { return true }
        if countsAreChrome && ChromeFilter.isCount(bare) { return true }
        for prefix in ChromeFilter.prefixes where lower.hasPrefix(prefix) { return true }
        return ChromeFilter.isCounter(bare) || ChromeFilter.isDateline(bare)
    }

    /// The former `LongLines.warning`.
    static func referenceLongest(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                current = 0
            } else {
                current += 1
                if current > longest { longest = current }
            }
        }
        return longest
    }

    /// Every field as UTF-8 bytes (String `==` would accept canonically equivalent text).
    static func bytes(_ d: Document) -> [[UInt8]?] {
        [d.id, d.title, d.outlet, d.author, d.url, d.published?.iso, d.encoding, d.text].map { $0.map { Array($0.utf8) } }
            + d.warnings.map { Array($0.utf8) }
    }

    static let pieces: [String] = [
        "a", "B", "z", "Share", "share", "SHARE", "Comments", "comments", "0", "1", "118", "1,204", "1.2", "K", "k", "M", "m",
        " ", "  ", "\t", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}", "\u{2029}", "\u{1C}",
        ":", "|", "»", "›", "(", ")", ".", ",", "-", "---", "#", "t", "T", "19t08", "2019-11-19T08:57:40+01:00",
        "Updated", "at", "p.m.", "EST", "November", "18", "2019", "min", "read", "views", "Views:", "Image source:",
        "image:", "photo by ", "Related Sources:", "Subscribe", "Notify of", "guest", "Loading…", "Don’t miss", "don't miss",
        "é", "e\u{301}", "\u{301}", "\u{0600}", "\u{110BD}", "ﬁ", "İ", "ß", "Ⅻ", "٣", "１", "😀", "👍🏽", "🇫🇷", "\u{200D}",
        "“", "”", "’", "‘", "—", "–", "«", "‹", "•", "£", "€", "·", "©", "x", "Loading…", "loading...", "Don’t Miss", "don\u{2019}t miss »", "X", "published: 2025-06-02", "title: \"Quoted\"", "date: 2 June 2025", "url: http://x",
        "foo: bar", "Title: A title", "published: nope", "# comment",
    ]
    static let breaks = ["\n", "\r\n", "\r", "\n\n", "\r\r\n", "\n\r"]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomLine(_ g: inout Generator) -> String {
        var line = ""
        for _ in 0..<Int.random(in: 0...6, using: &g) {
            line += pieces.randomElement(using: &g)!
            if Bool.random(using: &g) { line += " " }
        }
        return line
    }

    static func randomText(_ g: inout Generator) -> String {
        var text = ""
        if Int.random(in: 0..<3, using: &g) == 0 {
            text += ["---", " --- ", "---\u{A0}", "----", "--- x"].randomElement(using: &g)! + breaks.randomElement(using: &g)!
            for _ in 0..<Int.random(in: 0...4, using: &g) { text += randomLine(&g) + breaks.randomElement(using: &g)! }
            if Bool.random(using: &g) { text += "---" + breaks.randomElement(using: &g)! }
        }
        for _ in 0..<Int.random(in: 0...12, using: &g) { text += randomLine(&g) + breaks.randomElement(using: &g)! }
        if Bool.random(using: &g) { text += randomLine(&g) }
        return text
    }

    @Test func bytePathMatchesStringPath() {
        var g = Generator(state: 7)
        let options = IngestOptions()
        for round in 0..<20_000 {
            let text = Self.randomText(&g)
            let want = Self.referenceDocument(text: text, id: "t", options: options)
            let got = PlainTextArticle.document(text: text, id: "t", options: options)
            #expect(Self.bytes(got) == Self.bytes(want), "round \(round): \(text.debugDescription)")
            if Self.bytes(got) != Self.bytes(want) { return }
        }
    }

    @Test func chromeBytesMatchChromeStrings() {
        var g = Generator(state: 11)
        for round in 0..<50_000 {
            let line = Self.randomLine(&g)
            for counts in [true, false] {
                let want = Self.referenceIsChrome(line, countsAreChrome: counts)
                #expect(ChromeFilter.isChrome(line, countsAreChrome: counts) == want, "round \(round): \(line.debugDescription)")
                if ChromeFilter.isChrome(line, countsAreChrome: counts) != want { return }
            }
        }
        for line in Array(ChromeFilter.exactLines) + ChromeFilter.prefixes + Array(ChromeFilter.counterWords).map({ "12 " + $0 }) {
            for variant in [line, line.uppercased(), line + ":", " " + line, line + " |", line + "»"] {
                #expect(ChromeFilter.isChrome(variant) == Self.referenceIsChrome(variant), "\(variant.debugDescription)")
            }
        }
    }

    @Test func longLinesMatch() {
        var g = Generator(state: 13)
        for _ in 0..<5_000 {
            let text = Self.randomText(&g)
            #expect(LongLines.longestLine(text) == Self.referenceLongest(text), "\(text.debugDescription)")
        }
    }
}
