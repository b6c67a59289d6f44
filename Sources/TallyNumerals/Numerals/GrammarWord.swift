import TallyMemory

/// The words and punctuation the scanner's patterns test for by name, interned once per token
/// (`ScanContext.facts`) so a test such as "the next token is `and`" is a one-byte compare instead
/// of a string comparison. The raw value is the lowercased token text; `.other` is every token
/// not listed (and the edges past either end).
enum GrammarWord: String, CaseIterable, Sendable {
    case other = ""
    // Punctuation (one token per scalar, normalised: dashes are "-", curly quotes straight).
    case hyphen = "-", dot = ".", comma = ",", slash = "/", colon = ":", tilde = "~", apostrophe = "'", quote = "\""
    case openParen = "(", closeParen = ")", plus = "+", percentSign = "%", equals = "=", lessThan = "<", greaterThan = ">"
    case exclamation = "!", question = "?"
    case possessive = "'s"
    // Articles, conjunctions, prepositions, pronouns.
    case a, an, the, and, or, but, of, to, from, between, through, thru, until, till, since, by, on, after, before, during
    case within, over, than, circa, around, throughout, following, dated
    case for_ = "for", in_ = "in", as_ = "as", is_ = "is", do_ = "do"
    case this, that, next, last, which, each, every, any, another, no, only, someone, everyone, their, its, his, her
    case had, have, has, were, was, are, will, would, could, did, said, say
    // Number grammar.
    case one, half, halves, quarter, quarters, second, point, several, tens, hundred, hundreds, thousand, thousands
    case million, billion, trillion, dozen, dozens, couple, pair, few, minus, negative, firsts
    // Time.
    case year, years, month, months, week, weeks, weekend, days, hours, minutes, seconds, ago, yesterday, today, tomorrow, now
    case may, june, july, sunday, mid, early, late, end, beginning, start, spring, summer, autumn, fall, winter
    case later, earlier, middle, long, old, olds, age, ages, aged, lasting, lasted, took
    case am, pm, gmt, utc, m, p, k, g, d, w, y
    // Other pattern words.
    case all, odd, equal, more, less, fewer, additional, extra, further, http, https, www

    /// The word a lowercased token text stands for, `.other` if none.
    static let byText: WordHashTable<GrammarWord> = WordHashTable(GrammarWord.allCases.filter { $0 != .other }.map { ($0.rawValue, $0) })

    /// Position in declaration order (a no-payload enum is stored as its case index).
    @inline(__always) var id: Int { CaseIndex.of(self) }
}

/// A set of grammar words as a 256-bit mask.
struct GrammarWordSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ words: [GrammarWord]) {
        for w in words {
            let k = w.id
            switch k >> 6 {
            case 0: bits.0 |= 1 << UInt64(k & 63)
            case 1: bits.1 |= 1 << UInt64(k & 63)
            case 2: bits.2 |= 1 << UInt64(k & 63)
            default: bits.3 |= 1 << UInt64(k & 63)
            }
        }
    }

    @inline(__always) func contains(_ w: GrammarWord) -> Bool {
        let k = w.id
        let word: UInt64
        switch k >> 6 {
        case 0: word = bits.0
        case 1: word = bits.1
        case 2: word = bits.2
        default: word = bits.3
        }
        return word & (1 << UInt64(k & 63)) != 0
    }
}
