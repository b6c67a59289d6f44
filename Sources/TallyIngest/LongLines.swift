/// Says when a document has a line far longer than any real paragraph (a page without line breaks,
/// a table flattened to one line): it is still read, but the text analysis cuts such runs into
/// pieces (sentences of at most 400 tokens, paragraphs of at most 4,000), which the reader should know.
enum LongLines {
    /// Lines longer than this many characters get a warning.
    static let limit = 20_000

    static func warning(for text: String) -> String? {
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
        guard longest > limit else { return nil }
        return "very long line (\(longest) characters): read in pieces of at most 400 words per sentence and 4,000 per paragraph"
    }
}
