import TallyCore

/// A text broken into tokens and sentences, with Unicode-scalar offsets throughout.
///
/// PLACEHOLDER API (owned by the numerals work): the shape other stages build on.
public struct TextAnalysis: Sendable {
    public let text: String
    /// The text's Unicode scalars; offsets everywhere index into this.
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]

    public init(text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
        self.tokens = []
        self.sentences = []
    }

    /// The text between two scalar offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(view)
    }
}
