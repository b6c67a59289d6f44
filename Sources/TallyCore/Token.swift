/// One token of analysed text. Offsets are Unicode-scalar offsets into the document text.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        /// Letters, with inner apostrophes ("don't", "Kyiv's" is `Kyiv` + `'s`).
        case word
        /// Digits with their separators and decimals: "1,000", "2.5", "1 000".
        case number
        /// Anything else, one scalar per token: quotes, dashes, `$`, `%`, `,`.
        case punct
    }

    public var kind: Kind
    public var start: Int
    public var end: Int
    /// Normalised surface: curly quotes → straight, dashes → `-`, no-break/thin spaces → space.
    public var text: String
    /// `text` lowercased, for matching.
    public var lower: String
    /// Whether whitespace separates this token from the previous one (false inside "6,000-for-6,000").
    public var spaceBefore: Bool

    @inlinable
    public init(kind: Kind, start: Int, end: Int, text: String, lower: String? = nil, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower ?? text.lowercased()
        self.spaceBefore = spaceBefore
    }
}

/// A sentence: its scalar range in the text, its tokens, and the paragraph it belongs to.
public struct Sentence: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// Half-open range of token indices.
    public var tokens: Range<Int>
    /// Zero-based paragraph number (paragraphs are separated by line breaks).
    public var paragraph: Int

    public init(start: Int, end: Int, tokens: Range<Int>, paragraph: Int) {
        self.start = start
        self.end = end
        self.tokens = tokens
        self.paragraph = paragraph
    }
}
