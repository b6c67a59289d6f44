import TallyMemory

/// English number grammar: cardinal and ordinal words, scales, fraction denominators, calendar
/// names. These are the language itself rather than a vocabulary rule authors tune, so they are
/// compiled in (the tunable word lists live in `rules/lexicon/`).
enum NumberWords {
    /// Units and teens, 0–19.
    static let small: WordHashTable<Double> = [
        "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]

    static let tens: WordHashTable<Double> = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]

    /// Scales that multiply what precedes them, singular and plural ("three billions").
    static let scales: WordHashTable<Double> = [
        "hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
        "billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12, "lakh": 1e5, "lakhs": 1e5,
        "lac": 1e5, "lacs": 1e5, "lkh": 1e5, "lkhs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7, "koti": 1e7,
        "krore": 1e7, "krores": 1e7, "kr": 1e7, "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
        "bln": 1e9, "tln": 1e12,
    ]

    /// Dozen words, which multiply by twelve ("two dozen", "3 dzs").
    static let dozens: WordHashSet = ["dozen", "dozens", "dz", "dzs", "doz", "dozs"]

    /// Unicode vulgar fractions ("½", "¾").
    static let vulgarFractions: WordHashTable<Double> = [
        "½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
        "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875, "⅐": 1.0 / 7, "⅑": 1.0 / 9,
        "⅒": 0.1,
    ]

    /// Scale abbreviations glued to digits ("3bn", "100k", "1.2M").
    static let gluedScales: WordHashTable<Double> = [
        "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "g": 1e9,
        "mil": 1e6, "bln": 1e9, "tln": 1e12, "dz": 12, "dzs": 12, "doz": 12,
    ]

    /// Ordinal words → their number ("second" → 2); "twenty-first" is tens + "-" + "first".
    static let ordinals: WordHashTable<Double> = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
        "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1e6, "trillionth": 1e12,
        "billionth": 1e9,
    ]

    /// Fraction denominators, singular → denominator ("a fifth", "one quarter").
    static let denominators: WordHashTable<Double> = [
        "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
        "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
        "hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
    ]

    /// Plural denominators ("two-thirds", "five eighths").
    static let pluralDenominators: WordHashTable<Double> = [
        "halves": 2, "thirds": 3, "quarters": 4, "fourths": 4, "fifths": 5, "sixths": 6, "sevenths": 7,
        "eighths": 8, "ninths": 9, "tenths": 10, "elevenths": 11, "twelfths": 12, "thirteenths": 13,
        "fourteenths": 14, "fifteenths": 15, "sixteenths": 16, "seventeenths": 17, "eighteenths": 18,
        "nineteenths": 19, "twentieths": 20, "thirtieths": 30, "fortieths": 40, "fiftieths": 50, "sixtieths": 60,
        "seventieths": 70, "eightieths": 80, "ninetieths": 90, "hundredths": 100, "thousandths": 1000, "millionths": 1e6,
        "billionths": 1e9, "trillionths": 1e12,
    ]

    /// Ordinal suffixes glued to digits ("2nd", "19th").
    static let ordinalSuffixes: WordHashSet = ["st", "nd", "rd", "th"]

    /// Vague plural quantities → the interval they assert.
    static let vague: WordHashTable<(low: Double, high: Double)> = [
        "dozens": (24, 144), "scores": (40, 199), "hundreds": (100, 999), "thousands": (1_000, 9_999),
        "millions": (1e6, 1e7 - 1), "billions": (1e9, 1e10 - 1),
    ]

    static let months: WordHashTable<Int> = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Month words that are also ordinary English words and need a capital or a day to count.
    static let ambiguousMonths: WordHashSet = ["may", "march", "mar", "jan", "sep", "dec", "oct", "nov", "jun", "jul", "aug", "apr", "feb"]

    /// Weekday abbreviations, which count only when capitalised ("Sat 14th", not "sat down").
    static let weekdayAbbreviations: WordHashTable<Int> = [
        "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
    ]

    /// Weekdays, 0 = Monday.
    static let weekdays: WordHashTable<Int> = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]

    /// Whether the word can begin a cardinal number expression.
    static func isCardinal(_ lower: String) -> Bool { small[lower] != nil || tens[lower] != nil }
}
