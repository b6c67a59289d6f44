import TallyCore

/// A figure with what it measures: a count, money, a percentage or a duration.
struct Measure {
    var kind: QuantityKind
    var start: Int
    var end: Int
    var value: Double
    var unit: UnitID?
    var scale: Double = 1
    var isDigits = false
    var isWordNumber = false
    var isApproximate = false
    var vague: (low: Double, high: Double)? = nil

    init(kind: QuantityKind, start: Int, end: Int, value: Double, unit: UnitID? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
    }

    init(number e: NumberExpr) {
        self.init(kind: .number, start: e.start, end: e.end, value: e.value)
        scale = e.scale
        isDigits = e.isDigits
        isWordNumber = !e.isDigits
        isApproximate = e.isApproximate
        vague = e.vague
        if e.isFraction { unit = .fraction }
    }
}

/// Time units: their order and how they convert.
enum TimeUnit {
    static let rank: [String: Int] = ["seconds": 0, "minutes": 1, "hours": 2, "days": 3, "weeks": 4, "months": 5, "quarters": 6, "years": 7]
    static let seconds: [String: Double] = [
        "seconds": 1, "minutes": 60, "hours": 3600, "days": 86_400, "weeks": 604_800, "months": 2_592_000,
        "quarters": 7_776_000, "years": 31_536_000,
    ]
    /// The next smaller unit a fractional figure is restated in ("1.5 hours" → 90 minutes). Months
    /// and years have no exact smaller unit, so "1.5 years" stays in years.
    static let smaller: [String: String] = ["minutes": "seconds", "hours": "minutes", "days": "hours", "weeks": "days"]

    /// How many `to` make one `from` (calendar units convert by months: a year is 12 months).
    static func factor(_ from: String, _ to: String) -> Double {
        let calendar: [String: Double] = ["months": 1, "quarters": 3, "years": 12]
        if let a = calendar[from], let b = calendar[to] { return a / b }
        return (seconds[from] ?? 1) / (seconds[to] ?? 1)
    }

    /// Restates a fractional duration in the next smaller unit when that makes it whole.
    static func normalise(_ value: Double, _ unit: String) -> (Double, String) {
        var value = value
        var unit = unit
        while value != value.rounded(), let next = smaller[unit] {
            let converted = value * factor(unit, next)
            guard abs(converted - converted.rounded()) < 1e-9 else { break }
            value = converted.rounded()
            unit = next
        }
        return (value, unit)
    }
}

extension ScanContext {
    /// A measure at `i`: "$3bn", "40%", "two hours", "90-minute", "a week", "month-long", "1,000".
    func measure(at i: Int) -> Measure? {
        // A word opens a measure only as a currency (or a code in millions, "MUSD"), a percent
        // word, a number word or a time unit.
        if isWord(i), facts[i].flags.isDisjoint(with: [.currency, .percent, .numberWord, .timeUnit]),
            !(info[i].lead == UInt8(ascii: "M") && tokens[i].text.utf8.count == 4)
        {
            return nil
        }
        if let money = moneyPrefixed(at: i) { return money }
        if let percent = percentFirst(at: i) { return percent }
        if var duration = unitFirstDuration(at: i) {
            compound(&duration)
            return duration
        }
        guard let e = number(at: i), !e.isOrdinal, !e.isGlued else { return nil }
        var m = Measure(number: e)
        if e.vague != nil {
            // "several billion dollars", "thousands of hryvnias"
            var j = e.end
            if gram(j) == .of { j += 1 }
            if let c = currency(at: j), c.isName {
                m.kind = .money
                m.unit = c.unit
                m.end = c.end
            } else if let unit = timeUnit(e.end), tokens[e.end].lower.hasSuffix("s") {
                // "several years", "dozens of hours" (not "thousands of"…)
                m.kind = .duration
                m.unit = unit
                m.end = e.end + 1
            }
            return m
        }
        let j = e.end
        if has(j, .percent), let (_, end) = phrase(vocabulary.percentTable, at: j), !e.isFraction, !isPunct(end, .slash) {
            m.kind = .percent
            m.unit = .percent
            m.end = end
            return m
        }
        if !e.isFraction, moneySuffixed(&m, at: j) { return m }
        if !e.isFraction, hundredths(&m, at: j) || scaledMoney(&m, at: j) { return m }
        // "one-yen bid", "a 12-cent dividend"
        if isPunct(j, .hyphen), adjacent(j), adjacent(j + 1), let c = currency(at: j + 1), c.isName, moneySuffixed(&m, at: j + 1) { return m }
        if isPunct(j, .hyphen), adjacent(j), adjacent(j + 1), !e.isFraction, hundredths(&m, at: j + 1) { return m }
        // Units of measure: "512GB", "7 kW", "120 km/h", "a 40-tonne truck".
        if let (unit, end) = unitOfMeasure(at: j) ?? (isPunct(j, .hyphen) && adjacent(j) && adjacent(j + 1) ? unitOfMeasure(at: j + 1) : nil) {
            m.kind = .measure
            m.unit = unit
            m.end = end
            return m
        }
        // Prime marks: 2' (minutes), 1" (seconds), unless the mark closes a quotation.
        if e.isDigits, e.scale == 1, isPunct(j, .apostrophe) || isPunct(j, .quote), adjacent(j), j + 1 >= tokenCount || tokens[j + 1].spaceBefore,
            !(isPunct(i - 1, .apostrophe) && adjacent(i)), !quoteIsOpen(before: i, mark: facts[j].gram)
        {
            m.kind = .duration
            m.unit = facts[j].gram == .apostrophe ? .minutes : .seconds
            m.end = j + 1
            return m
        }
        var k = j
        if ScanContext.comparatives.contains(gram(k)), timeUnit(k + 1) != nil { k += 1 }
        if (e.isFraction || e.value != e.value.rounded()), gram(k) == .of {
            k += (gram(k + 1) == .a || gram(k + 1) == .an) ? 2 : 1
        }
        if let unit = timeUnit(k), !ScanContext.letterUnits.contains(gram(k)) || adjacent(k) {
            m.kind = .duration
            m.unit = unit
            m.end = k + 1
        } else if isPunct(j, .hyphen), adjacent(j), adjacent(j + 1), let unit = timeUnit(j + 1) {
            // "90-minute", "10-day", "three-year-long"
            m.kind = .duration
            m.unit = unit
            m.end = j + 2
            if isPunct(m.end, .hyphen), adjacent(m.end), gram(m.end + 1) == .long, adjacent(m.end + 1) { m.end += 2 }
        } else {
            return m
        }
        compound(&m)
        return m
    }

    /// Whether an odd number of `mark` quotes opens before token `i` in its sentence.
    private func quoteIsOpen(before i: Int, mark: GrammarWord) -> Bool {
        var count = 0
        var k = i - 1
        while k >= 0 {
            let g = facts[k].gram
            if g == .dot || g == .exclamation || g == .question { break }
            if g == mark { count += 1 }
            k -= 1
        }
        return count % 2 == 1
    }

    static let comparatives = GrammarWordSet([.more, .additional, .extra, .less, .fewer, .further])
    /// Unit letters that count only glued to their figure ("5d", not "5 d").
    static let letterUnits = GrammarWordSet([.d, .w, .y])
    /// Words after which "a second" is a duration ("a second later").
    static let afterSingleSecond = GrammarWordSet([.ago, .and, .later, .earlier, .or])

    /// A currency at `j`: symbol, code, name, or a code in millions ("MUSD", "MEUR").
    func currency(at j: Int) -> (unit: UnitID, isName: Bool, end: Int, scale: Double)? {
        if has(j, .currency), let (c, end) = phrase(vocabulary.currencyTable, at: j) { return (c.unit, c.isName, end, 1) }
        guard isWord(j), tokens[j].text.utf8.count == 4, tokens[j].text.utf8.first == UInt8(ascii: "M") else { return nil }
        let text = tokens[j].text
        guard text.utf8.count == 4, text.hasPrefix("M"), let code = vocabulary.currencies[String(text.dropFirst())], code == String(text.dropFirst()),
            let unit = vocabulary.units.id(of: code)
        else {
            return nil
        }
        return (unit, false, j + 1, 1e6)
    }

    /// "$7 billion", "US$ 150 million", "₴500", "USD 3bn", "MAUD 60".
    private func moneyPrefixed(at i: Int) -> Measure? {
        guard let c = currency(at: i), let e = number(at: c.end), e.isCardinal, !e.isFraction, !c.isName || e.isDigits else { return nil }
        var m = Measure(number: e)
        m.kind = .money
        m.unit = c.unit
        m.start = i
        m.value *= c.scale
        // "$5 USD": a code repeating the symbol belongs to the mention.
        if let again = currency(at: m.end), again.unit == c.unit, !again.isName, isWord(m.end), again.scale == 1 { m.end = again.end }
        subunits(&m)
        return m
    }

    /// Money written after its figure: "7 billion dollars", "75 USD million", "30 MUSD".
    func moneySuffixed(_ m: inout Measure, at j: Int) -> Bool {
        guard let c = currency(at: j) else { return false }
        m.kind = .money
        m.unit = c.unit
        m.end = c.end
        m.value *= c.scale
        if c.scale == 1, isWord(m.end), let s = word(NumberWords.scales, m.end), s >= 1000 {
            m.value *= s
            m.end += 1
        }
        subunits(&m)
        return true
    }

    /// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.".
    private func subunits(_ m: inout Measure) {
        guard m.value == m.value.rounded(), m.scale == 1 else { return }
        var j = m.end
        if gram(j) == .and { j += 1 }
        guard let e = number(at: j), e.isCardinal, !e.isFraction, e.value >= 0, e.value < 100, e.value == e.value.rounded() else { return }
        if vocabulary.currencySubunits.contains(lower(e.end)) {
            m.value += e.value / 100
            m.end = e.end + 1
        } else if isEndOrPunct(e.end), currency(at: e.end) == nil, !isPunct(e.end, .percentSign) {
            m.value += e.value / 100
            m.end = e.end
        }
    }

    /// "per cent of 210": a percentage word before its figure.
    func percentFirst(at i: Int) -> Measure? {
        guard has(i, .percent), !isNumber(i - 1), let (_, j) = phrase(vocabulary.percentTable, at: i), isWord(i), gram(j) == .of,
            let e = number(at: j + 1), e.isCardinal, !e.isFraction
        else { return nil }
        var m = Measure(number: e)
        m.kind = .percent
        m.unit = .percent
        m.start = i
        return m
    }

    /// Durations written without a leading figure: "a week", "an hour", "half an hour",
    /// "month-long".
    private func unitFirstDuration(at i: Int) -> Measure? {
        let w = gram(i)
        if w == .a || w == .an, let unit = timeUnit(i + 1), !tokens[i + 1].lower.hasSuffix("s"), word(NumberWords.scales, i + 2) == nil,
            unit != .quarters, unit != .seconds || (isEndOrPunct(i + 2) && !isPunct(i + 2, .hyphen)) || ScanContext.afterSingleSecond.contains(gram(i + 2))
        {
            if isPunct(i + 2, .hyphen), gram(i + 3) == .old { return nil }
            return Measure(kind: .duration, start: i, end: i + 2, value: 1, unit: unit)
        }
        if w == .half {
            var k = i + 1
            if gram(k) == .a || gram(k) == .an { k += 1 }
            if let unit = timeUnit(k) {
                let (value, u) = TimeUnit.normalise(0.5, unit)
                return Measure(kind: .duration, start: i, end: k + 1, value: value, unit: u)
            }
            return nil
        }
        // "all day", "all week", "all month", "all year": one of the unit (not "all night", whose
        // unit is a day's, nor "all days", which counts none).
        if gram(i - 1) == .all, let unit = timeUnit(i), unit == .days || unit == .weeks || unit == .months || unit == .years,
            !tokens[i].lower.hasSuffix("s"), tokens[i].lower != "night", !isPunct(i + 1, .hyphen)
        {
            return Measure(kind: .duration, start: i - 1, end: i + 1, value: 1, unit: unit)
        }
        // "month-long" is one month; "hours-long", "days-long" state no figure (an unknown number of them).
        if let unit = timeUnit(i), isPunct(i + 1, .hyphen), adjacent(i + 1), gram(i + 2) == .long, adjacent(i + 2) {
            return tokens[i].lower.hasSuffix("s") ? nil : Measure(kind: .duration, start: i, end: i + 3, value: 1, unit: unit)
        }
        return nil
    }

    /// Extends a duration with its smaller parts and restates fractions: "an hour and a half"
    /// (90 minutes), "2 years and 3 months" (27 months), "1 hour thirty" (90 minutes).
    func compound(_ m: inout Measure) {
        guard var unit = m.unit else { return }
        var value = m.value
        while true {
            var j = m.end
            if isPunct(j, .comma) { j += 1 }
            let joined = gram(j) == .and
            if joined { j += 1 }
            if joined, gram(j) == .half || ((gram(j) == .a || gram(j) == .an) && gram(j + 1) == .half) {
                value += 0.5
                m.end = gram(j) == .half ? j + 1 : j + 2
                break
            }
            let article = (gram(j) == .a || gram(j) == .an) && timeUnit(j + 1) != nil
            guard let e = article ? NumberExpr(value: 1, start: j, end: j + 1) : number(at: j), e.isCardinal, !e.isFraction else { break }
            if let next = timeUnit(e.end), let r = next.timeRank, let current = unit.timeRank, r < current {
                value = value * TimeUnit.factor(unit, next) + e.value
                unit = next
                m.end = e.end + 1
                continue
            }
            if timeUnit(e.end) == nil, isEndOrPunct(e.end), unit == .hours || unit == .minutes, e.value < 60, e.value == e.value.rounded() {
                let next = TimeUnit.smaller(unit)!
                value = value * TimeUnit.factor(unit, next) + e.value
                unit = next
                m.end = e.end
            }
            break
        }
        let (v, u) = TimeUnit.normalise(value, unit)
        m.value = v
        m.unit = u
    }
}
