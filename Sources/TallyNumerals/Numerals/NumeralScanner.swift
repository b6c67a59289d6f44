import TallyCore

/// Words the numerals layer needs that rule authors may extend without recompiling
/// (`rules/lexicon/qualifiers.yaml`, `rules/lexicon/currencies.yaml`).
public struct NumeralVocabulary: Sendable {
    /// Lowercased phrase → qualifier ("at least" → `.atLeast`, "nearly" → `.lessThan`).
    public var qualifiers: [String: Qualifier]
    /// Lowercased symbol, code or name → ISO currency code ("$" → "USD", "hryvnias" → "UAH").
    public var currencies: [String: String]

    public init(qualifiers: [String: Qualifier], currencies: [String: String]) {
        self.qualifiers = qualifiers
        self.currencies = currencies
    }

    /// Built-in defaults, used when no lexicon is given.
    public static let standard = NumeralVocabulary(qualifiers: [:], currencies: [:])
}

/// Finds every number mention in analysed text: numbers, ranges, per-side swaps, durations, dates,
/// money, percentages and ages, with their qualifiers.
///
/// PLACEHOLDER API (owned by the numerals work).
public struct NumeralScanner: Sendable {
    public let vocabulary: NumeralVocabulary

    public init(vocabulary: NumeralVocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Quantities in text order. `reference` is the publication date relative dates resolve against
    /// (past-biased, as news is); without it relative dates are not resolved.
    public func scan(_ analysis: TextAnalysis, reference: CalendarDate?) -> [Quantity] {
        []
    }
}
