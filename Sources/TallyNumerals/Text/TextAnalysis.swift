import TallyCore

/// A text broken into tokens and sentences, with Unicode-scalar offsets throughout.
public struct TextAnalysis: Sendable {
    public let text: String
    /// The text's Unicode scalars; offsets everywhere index into this.
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]

    public init(text: String) {
        self.text = text
        (self.tokens, self.scalars) = Tokenizer.analyse(text)
        self.sentences = SentenceSplitter.split(tokens: tokens, scalars: scalars)
    }

    /// The text between two scalar offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        let from = max(0, min(start, scalars.count))
        let to = max(from, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.reserveCapacity((to - from) * 2)
        view.append(contentsOf: scalars[from..<to])
        return String(view)
    }

    /// The index of the sentence containing token `index`, if any (binary search).
    public func sentenceIndex(ofToken index: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid].tokens
            if index < range.lowerBound { high = mid - 1 } else if index >= range.upperBound { low = mid + 1 } else { return mid }
        }
        return nil
    }
}
