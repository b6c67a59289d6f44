import TallyCore
import TallyMemory

/// Words the numerals layer needs that rule authors may extend without recompiling
/// (`rules/lexicon/qualifiers.yaml`, `currencies.yaml`, `units.yaml`, `models.yaml`).
///
/// Lexicon classes read: `qualifier` and `post_qualifier` (values are `Qualifier` raw values),
/// `currency` (values are ISO codes), `time_unit` (values are plural unit names), `percent_word`
/// and `model_prefix` (plain lists). Number words themselves are grammar and live in `NumberWords`.
public struct NumeralVocabulary: Sendable {
    /// A vocabulary behind one reference (`NumeralScanner`'s, shared by its scans).
    final class Box: Sendable {
        let vocabulary: NumeralVocabulary
        init(_ vocabulary: NumeralVocabulary) { self.vocabulary = vocabulary }
    }

    /// Lowercased phrase → qualifier ("at least" → `.atLeast`, "nearly" → `.lessThan`).
    public var qualifiers: [String: Qualifier]
    /// Lowercased symbol, code or name → ISO currency code ("$" → "USD", "hryvnias" → "UAH").
    public var currencies: [String: String] { didSet { internUnits() } }
    /// Lowercased unit word → plural unit ("hr" → "hours").
    public var timeUnits: [String: String] { didSet { internUnits() } }
    /// Every unit name the scanner can report, interned (`UnitID`).
    private(set) var units = UnitNames()

    var qualifierTable = PhraseTable<Qualifier>()
    var postQualifierTable = PhraseTable<Qualifier>()
    /// Currency phrases; the flag is true for names ("dollars"), which only follow the figure.
    var currencyTable = PhraseTable<CurrencyWord>()
    var percentTable = PhraseTable<Bool>()
    var modelTable = PhraseTable<Bool>()
    /// Names containing a date word that are not dates ("Black Friday", "USA Today").
    var dateNameTable = PhraseTable<Bool>()
    /// Named holidays and when they fall ("christmas" → 12-25; `holiday` in `holidays.yaml`).
    var holidayTable = PhraseTable<HolidayRule>()
    /// Currency sub-units ("cents", "kopecks"): hundredths of the amount before them.
    var currencySubunits: Set<String> = []
    /// Sub-units written on their own, lowercased → the currency they are hundredths of
    /// ("cents" → USD, "pence" → GBP): "12 cents" is 0.12 dollars (`currency_hundredth`).
    var currencyHundredths: [String: UnitID] = [:] { didSet { hundredthMap = WordHashTable(currencyHundredths) } }
    /// `currencyHundredths`, hashed like the tokens (kept in step).
    private(set) var hundredthMap = WordHashTable<UnitID>()
    /// Names that are money only after a scale word ("361 million pounds"; `scaled_currency`).
    var scaledCurrencies: [String: UnitID] = [:] { didSet { scaledMap = WordHashTable(scaledCurrencies) } }
    /// `scaledCurrencies`, hashed like the tokens (kept in step).
    private(set) var scaledMap = WordHashTable<UnitID>()
    /// Words saying which way a figure moved (`changes.yaml`; `ChangeReader`).
    var changeWords = ChangeWords()
    /// Words that make a date a bound ("since 2010", "2012 or later"; `DateBounds`).
    var dateBounds = DateBounds()
    /// Words that place a duration on the calendar ("the past two weeks", "2 weeks before May 13"; `DateWindows`).
    var dateWindows = DateWindows()
    /// Units of measure after a figure ("GB", "km/h", "tonnes"; `measure_unit` in `measures.yaml`).
    var measureTable = PhraseTable<UnitID>()
    /// Unit of measure → its size in a base unit ("GB" → 1e9 bytes; `measure_size`).
    public private(set) var measureSizes: [String: (factor: Double, base: String)] = [:]

    /// A measure's value in its unit's base unit ("2 TB" → 2e12 bytes), when the lexicon gives a size.
    public func baseValue(_ value: Double, unit: String) -> (value: Double, unit: String)? {
        measureSizes[unit].map { (value * $0.factor, $0.base) }
    }
    /// Qualifier first word → preceding words that make it part of a verb ("hand over").
    var qualifierVetoes: [String: Set<String>] = [:] { didSet { vetoMap = WordHashTable(qualifierVetoes.mapValues { WordHashSet($0) }) } }
    /// `qualifierVetoes` hashed like the tokens (kept in step by `qualifierVetoes`).
    private(set) var vetoMap = WordHashTable<WordHashSet>()
    /// Lowercased word → what it may be and which grammar word it is; tokens not listed are skipped at once.
    var words = WordHashTable<WordInfo>()
    /// The same for one-byte punctuation, by byte (the commonest marks need no lookup).
    var asciiPunct: [WordInfo] = []
    /// `timeUnits`, hashed like the tokens, to unit ids (built by `init`).
    var timeUnitMap = WordHashTable<UnitID>()

    struct WordInfo: Sendable {
        var flags: WordFlags = []
        var gram: GrammarWord = .other
    }

    struct CurrencyWord: Sendable, Hashable {
        var code: String
        var isName: Bool
        /// `code` interned.
        var unit: UnitID
    }

    public init(qualifiers: [String: Qualifier], currencies: [String: String]) {
        self.init(qualifiers: qualifiers, currencies: currencies, timeUnits: [:])
    }

    public init(
        qualifiers: [String: Qualifier], currencies: [String: String], timeUnits: [String: String],
        postQualifiers: [String: Qualifier] = [:], percentWords: [String] = ["%", "percent", "per cent"],
        modelPrefixes: [String] = [], holidays: [String: HolidayRule] = [:]
    ) {
        self.qualifiers = qualifiers
        self.currencies = currencies
        self.timeUnits = timeUnits
        internUnits()
        for (phrase, q) in qualifiers.sorted(by: { $0.key < $1.key }) { qualifierTable.add(phrase, value: q) }
        for (phrase, q) in postQualifiers.sorted(by: { $0.key < $1.key }) { postQualifierTable.add(phrase, value: q) }
        for (phrase, code) in currencies.sorted(by: { $0.key < $1.key }) {
            currencyTable.add(phrase, value: CurrencyWord(code: code, isName: NumeralVocabulary.isName(phrase), unit: units.intern(code)))
        }
        for word in percentWords { percentTable.add(word, value: true) }
        for word in modelPrefixes { modelTable.add(word, value: true) }
        for (phrase, rule) in holidays.sorted(by: { $0.key < $1.key }) { holidayTable.add(phrase, value: rule) }
        let flags = NumeralVocabulary.wordFlags(
            qualifiers: qualifierTable.firstWords, postQualifiers: postQualifierTable.firstWords, currencies: currencyTable.firstWords,
            percents: percentTable.firstWords, models: modelTable.firstWords, timeUnits: Set(timeUnits.keys),
            holidays: holidayTable.firstWords)
        var info: [String: WordInfo] = [:]
        for (word, f) in flags { info[word, default: WordInfo()].flags = f }
        for g in GrammarWord.allCases where g != .other { info[g.rawValue, default: WordInfo()].gram = g }
        words = WordHashTable(info)
        asciiPunct = (0..<128).map { b -> WordInfo in
            let text = String(UnicodeScalar(UInt8(b)))
            var entry = info[text] ?? WordInfo()
            switch UInt8(b) {
            // Only "-" and "." can open a mention; the commonest marks open nothing.
            case UInt8(ascii: "-"), UInt8(ascii: "."): entry.flags = .starter
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""),
                UInt8(ascii: "'"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"):
                entry.flags = []
            default: break
            }
            return entry
        }
        timeUnitMap = WordHashTable(timeUnits.mapValues { units.intern($0) })
    }

    /// Interns the time-unit names and currency codes (in sorted order, so ids do not depend on
    /// dictionary order).
    private mutating func internUnits() {
        for name in Set(timeUnits.values).union(currencies.values).sorted() { _ = units.intern(name) }
    }

    /// Builds the vocabulary from lexicon classes, ignoring entries whose value is not understood
    /// (`load(lexicon:)` reports them).
    public init(lexicon: Lexicon) {
        self = NumeralVocabulary.load(lexicon: lexicon).vocabulary
    }

    /// The vocabulary and a diagnostic for every entry whose value is not understood.
    public static func load(lexicon: Lexicon) -> (vocabulary: NumeralVocabulary, problems: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func qualifierMap(_ className: String) -> [String: Qualifier] {
            var map: [String: Qualifier] = [:]
            for entry in lexicon.classes[className] ?? [] {
                if let q = Qualifier(rawValue: entry.value) {
                    map[entry.phrase.lowercased()] = q
                } else {
                    diagnostics.append(Diagnostic(file: entry.file, line: entry.line, column: 0, message: "unknown qualifier '\(entry.value)' (expected one of \(Qualifier.allCases.map(\.rawValue).joined(separator: ", ")))"))
                }
            }
            return map
        }
        let qualifiers = qualifierMap("qualifier")
        let post = qualifierMap("post_qualifier")
        var currencies: [String: String] = [:]
        for entry in lexicon.classes["currency"] ?? [] { currencies[entry.phrase] = entry.value }
        var units: [String: String] = [:]
        let known: Set<String> = ["seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years"]
        for entry in lexicon.classes["time_unit"] ?? [] {
            if known.contains(entry.value) {
                units[entry.phrase.lowercased()] = entry.value
            } else {
                diagnostics.append(Diagnostic(file: entry.file, line: entry.line, column: 0, message: "unknown time unit '\(entry.value)' (expected one of \(known.sorted().joined(separator: ", ")))"))
            }
        }
        var vetoes: [String: Set<String>] = [:]
        for entry in lexicon.classes["qualifier_veto"] ?? [] { vetoes[entry.value.lowercased(), default: []].insert(entry.phrase.lowercased()) }
        let percent = (lexicon.classes["percent_word"] ?? []).map(\.phrase)
        let models = (lexicon.classes["model_prefix"] ?? []).map(\.phrase)
        var holidays: [String: HolidayRule] = [:]
        for entry in lexicon.classes["holiday"] ?? [] {
            if let rule = HolidayRule(entry.value) {
                holidays[entry.phrase.lowercased()] = rule
            } else {
                diagnostics.append(Diagnostic(file: entry.file, line: entry.line, column: 0, message: "holiday rule '\(entry.value)' is not MM-DD, MM/WEEKDAY/N[+DAYS] or easter[+-DAYS]"))
            }
        }
        let vocabulary = NumeralVocabulary(
            qualifiers: qualifiers, currencies: currencies, timeUnits: units, postQualifiers: post,
            percentWords: percent.isEmpty ? ["%", "percent", "per cent"] : percent, modelPrefixes: models, holidays: holidays)
        var result = vocabulary
        result.qualifierVetoes = vetoes
        result.currencySubunits = Set((lexicon.classes["currency_subunit"] ?? []).map { $0.phrase.lowercased() })
        for entry in lexicon.classes["currency_hundredth"] ?? [] { result.currencyHundredths[entry.phrase.lowercased()] = result.units.intern(entry.value) }
        for entry in lexicon.classes["scaled_currency"] ?? [] { result.scaledCurrencies[entry.phrase.lowercased()] = result.units.intern(entry.value) }
        var changeWords: [String: Change] = [:]
        var particles: [String: Change] = [:]
        for (className, isParticle) in [("change_word", false), ("change_particle", true)] {
            for entry in lexicon.classes[className] ?? [] {
                guard let change = Change(rawValue: entry.value) else {
                    diagnostics.append(Diagnostic(file: entry.file, line: entry.line, column: 0, message: "unknown change '\(entry.value)' (expected up or down)"))
                    continue
                }
                let phrase = entry.phrase.lowercased()
                if isParticle {
                    particles[phrase] = change
                } else {
                    changeWords[phrase] = change
                    result.changeWords.longest = max(result.changeWords.longest, phrase.split(separator: " ").count)
                }
            }
        }
        result.changeWords.words = changeWords
        result.changeWords.particles = particles
        result.changeWords.particleAfter = Set((lexicon.classes["change_particle_after"] ?? []).map { $0.phrase.lowercased() })
        for entry in lexicon.classes["measure_unit"] ?? [] { result.measureTable.add(entry.phrase, value: result.units.intern(entry.value)) }
        for entry in lexicon.classes["measure_size"] ?? [] {
            let parts = entry.value.split(separator: " ", maxSplits: 1)
            if parts.count == 2, let factor = Double(parts[0]) {
                result.measureSizes[entry.phrase] = (factor, String(parts[1]))
            } else {
                diagnostics.append(Diagnostic(file: entry.file, line: entry.line, column: 0, message: "measure_size '\(entry.value)' is not 'FACTOR BASE' (such as '1e9 bytes')"))
            }
        }
        result.dateBounds.before = qualifierMap("date_bound")
        result.dateBounds.after = qualifierMap("date_bound_after")
        for (className, values) in [("date_window", ["past", "next"]), ("date_offset", ["before", "after"]), ("period_window", ["first", "last"])] {
            for entry in lexicon.classes[className] ?? [] {
                guard let side = values.firstIndex(of: entry.value) else {
                    diagnostics.append(Diagnostic(file: entry.file, line: entry.line, column: 0, message: "\(className) '\(entry.value)' is not \(values[0]) or \(values[1])"))
                    continue
                }
                let phrase = entry.phrase.lowercased()
                if className == "date_window" {
                    result.dateWindows.windows[phrase] = side == 0
                } else if className == "period_window" {
                    result.dateWindows.periodEnds[phrase] = side == 0
                } else {
                    result.dateWindows.offsets[phrase] = side == 0
                    result.dateWindows.longestOffset = max(result.dateWindows.longestOffset, phrase.split(separator: " ").count)
                }
            }
        }
        result.dateWindows.timeUnits = units
        for entry in lexicon.classes["date_name"] ?? [] { result.dateNameTable.add(entry.phrase, value: true) }
        return (result, diagnostics)
    }

    /// A name ("dollars") rather than a symbol or code ("$", "USD"): has a lowercase letter.
    static func isName(_ phrase: String) -> Bool {
        phrase.unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// Built-in minimum, used when no lexicon is given (tests and `--text` without `rules/`).
    public static let standard = NumeralVocabulary(
        qualifiers: [
            "at least": .atLeast, "up to": .atMost, "more than": .moreThan, "over": .moreThan,
            "less than": .lessThan, "nearly": .lessThan, "almost": .lessThan, "about": .approximate,
            "around": .approximate, "roughly": .approximate, "some": .approximate,
        ],
        currencies: ["$": "USD", "dollars": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"],
        timeUnits: [
            "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes", "hour": "hours",
            "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
            "months": "months", "year": "years", "years": "years",
        ])
}
