/// The cardinal words of the number grammar below a hundred, for tools outside the numerals layer
/// that need to recognise a spelled-out figure (the peer suites' date filters in `TallyEvaluation`).
public enum CardinalWords {
    /// The value of "zero" … "nineteen" and of "twenty" … "ninety"; nil for any other word.
    public static func value(of word: String) -> Double? {
        NumberWords.small[word] ?? NumberWords.tens[word]
    }
}
