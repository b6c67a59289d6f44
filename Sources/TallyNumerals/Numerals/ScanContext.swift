import TallyCore

/// The state one scan shares across its pattern matchers: tokens, words and the reference date.
struct ScanContext {
    let tokens: [Token]
    let vocabulary: NumeralVocabulary
    let reference: CalendarDate?
    var n: Int { tokens.count }

    init(tokens: [Token], vocabulary: NumeralVocabulary, reference: CalendarDate?) {
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.reference = reference
    }

    /// Lowercased text of token `j`, or "" past the end.
    @inline(__always) func lower(_ j: Int) -> String { j >= 0 && j < tokens.count ? tokens[j].lower : "" }

    @inline(__always) func isWord(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].kind == .word }
    @inline(__always) func isNumber(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].kind == .number }
    @inline(__always) func isPunct(_ j: Int, _ text: String) -> Bool {
        j >= 0 && j < tokens.count && tokens[j].kind == .punct && tokens[j].text == text
    }

    /// Token `j` exists and touches the previous token (no space between).
    @inline(__always) func adjacent(_ j: Int) -> Bool { j > 0 && j < tokens.count && !tokens[j].spaceBefore }

    /// Token `j` is a word starting with an upper-case letter.
    func isCapitalised(_ j: Int) -> Bool {
        guard isWord(j), let first = tokens[j].text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// Token `j` is missing, punctuation, or a line/sentence edge: nothing more follows the figure.
    func isEndOrPunct(_ j: Int) -> Bool { j >= tokens.count || tokens[j].kind == .punct }

    /// A time unit word at `j` ("hours", "min"), as its plural unit name.
    func timeUnit(_ j: Int) -> String? {
        guard isWord(j) else { return nil }
        return vocabulary.timeUnits[tokens[j].lower]
    }
}
