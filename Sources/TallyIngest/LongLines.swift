import TallyMemory

/// Says when a document has a line far longer than any real paragraph (a page without line breaks,
/// a table flattened to one line): it is still read, but the text analysis cuts such runs into
/// pieces (sentences of at most 400 tokens, paragraphs of at most 4,000), which the reader should know.
enum LongLines {
    /// Lines longer than this many characters get a warning.
    static let limit = 20_000

    static func warning(for text: String) -> String? {
        // A line has at most as many characters as the text has bytes.
        guard text.utf8.count > limit else { return nil }
        let longest = longestLine(text)
        guard longest > limit else { return nil }
        return "very long line (\(longest) characters): read in pieces of at most 400 words per sentence and 4,000 per paragraph"
    }

    /// The most Unicode scalars between two line breaks ("\n", "\r", U+2028, U+2029), counted on the UTF-8 bytes:
    /// every byte that is not a continuation byte starts a scalar.
    static func longestLine(_ text: String) -> Int {
        text.withBytes { buf -> Int in
            var longest = 0
            var current = 0
            let n = buf.count
            var i = 0
            while i < n {
                let b = buf[i]
                if b == 0x0A || b == 0x0D {
                    current = 0
                } else if b == 0xE2 && i + 2 < n && buf[i + 1] == 0x80 && (buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9) {
                    current = 0
                    i += 3
                    continue
                } else if b & 0xC0 != 0x80 {
                    current += 1
                    if current > longest { longest = current }
                }
                i += 1
            }
            return longest
        }
    }
}
