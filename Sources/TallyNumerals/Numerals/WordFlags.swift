/// What a token may be, looked up once per token so the matchers can skip dictionary lookups
/// that cannot succeed (throughput: most tokens are none of these).
struct WordFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    /// A mention may begin here.
    static let starter = WordFlags(rawValue: 1 << 0)
    static let month = WordFlags(rawValue: 1 << 1)
    static let weekday = WordFlags(rawValue: 1 << 2)
    /// Handled by the number-word parser: cardinals, ordinals, scales, vague plurals, "a", "half".
    static let numberWord = WordFlags(rawValue: 1 << 3)
    static let timeUnit = WordFlags(rawValue: 1 << 4)
    static let qualifier = WordFlags(rawValue: 1 << 5)
    static let postQualifier = WordFlags(rawValue: 1 << 6)
    static let currency = WordFlags(rawValue: 1 << 7)
    static let percent = WordFlags(rawValue: 1 << 8)
    static let model = WordFlags(rawValue: 1 << 9)
    /// Tens or ordinal words, which can be days of the month ("twenty-first", "ninth").
    static let dayWord = WordFlags(rawValue: 1 << 10)
    static let capitalised = WordFlags(rawValue: 1 << 11)
    /// Other words a matcher starts at ("between", "aged", "last", "today", "all", "http").
    static let misc = WordFlags(rawValue: 1 << 12)
    /// The first word of a named holiday ("christmas", "black", "new"; `holidays.yaml`).
    static let holiday = WordFlags(rawValue: 1 << 13)

    /// Flags that give a word its own matcher; a word with none of them can only open a hedge.
    static let ownMatcher: WordFlags = [.numberWord, .month, .weekday, .timeUnit, .currency, .percent, .model, .dayWord, .misc, .holiday]
}

extension NumeralVocabulary {
    /// Flags for every word the numerals layer knows, by lowercased text.
    static func wordFlags(
        qualifiers: Set<String>, postQualifiers: Set<String>, currencies: Set<String>, percents: Set<String>, models: Set<String>,
        timeUnits: Set<String>, holidays: Set<String> = []
    ) -> [String: WordFlags] {
        var flags: [String: WordFlags] = [:]
        func mark<S: Sequence>(_ words: S, _ f: WordFlags) where S.Element == String {
            for w in words { flags[w, default: []].formUnion(f) }
        }
        let numberWords = Set(NumberWords.small.keys).union(NumberWords.tens.keys).union(NumberWords.ordinals.keys)
            .union(NumberWords.vague.keys).union(NumberWords.scales.keys).union(NumberWords.dozens)
            .union(["a", "an", "half", "point", "minus", "negative", "tens", "quarter", "couple", "pair", "few", "several"])
        mark(numberWords, [.numberWord])
        mark(NumberWords.tens.keys, [.dayWord])
        mark(NumberWords.ordinals.keys, [.dayWord])
        mark(NumberWords.months.keys, [.month, .starter])
        mark(NumberWords.weekdays.keys, [.weekday, .starter])
        mark(NumberWords.weekdayAbbreviations.keys, [.weekday, .starter])
        mark(NumberWords.vulgarFractions.keys, [.starter])
        mark(timeUnits, [.timeUnit, .starter])
        mark(qualifiers, [.qualifier, .starter])
        mark(postQualifiers, [.postQualifier])
        mark(currencies, [.currency, .starter])
        mark(percents, [.percent, .starter])
        mark(models, [.model, .starter])
        mark(holidays, [.holiday, .starter])
        let starterWords: Set<String> = [
            "a", "an", "half", "point", "minus", "negative", "tens", "last", "next", "this", "yesterday", "today",
            "tomorrow", "between", "from", "aged", "age", "ages", "all", "-", ".", "hundred", "thousand", "million",
            "billion", "trillion", "quarter", "http", "https", "www", "several", "+",
            // Quarters counted from the reference's: "past quarter", "the coming three quarters".
            "past", "previous", "current", "coming", "following",
            // Parts of a period: "early 2021", "mid-June", "the end of the year", "later this month".
            "early", "mid", "late", "end", "beginning", "start", "middle", "earlier", "later",
            // "at the weekend", "over the weekend".
            "weekend",
        ]
        mark(starterWords, [.starter, .misc])
        mark(Set(NumberWords.small.keys).union(NumberWords.tens.keys).union(NumberWords.ordinals.keys).union(NumberWords.vague.keys), [.starter])
        return flags
    }
}

