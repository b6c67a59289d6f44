import TallyCore

/// Quarters and halves of a year, as business and economy news writes them: "Q3 2019", "2017-q1",
/// "2019 H2", "the first quarter of 2013", "the second half of last year", "last quarter", "the past
/// two quarters". A quarter named without its year is the latest one begun by the reference date
/// (past-biased, as news is); a half ("H2", "second half") needs its year, since "H2" alone is
/// hydrogen and "the second half" is as often a match's.
extension ScanContext {
    /// A quarter or half-year at token `i`, or a run of quarters ("the past two quarters").
    /// Ask `mayOpenYearPart(i)` first (the cheap test, inlined into the caller).
    func yearPart(at i: Int) -> DateMatch? {
        let w = gram(i)
        if w == .from || w == .between { return partRange(at: i) }
        return week(at: i) ?? monthOrDay(at: i) ?? singlePart(at: i)
    }

    /// "from 2017-q1 to 2018-q1", "between Q1 2017 and Q3 2018", "from q1 of 2017 - q3 of 2018": from
    /// the first part's first month to the second's last.
    private func partRange(at i: Int) -> DateMatch? {
        guard let first = singlePart(at: i + 1), let low = first.low, let high = first.high else { return nil }
        let joiner = gram(first.end)
        let joins = gram(i) == .between ? (joiner == .and || joiner == .hyphen) : ScanContext.rangeJoiners.contains(joiner)
        guard joins, mayOpenYearPart(first.end + 1), let second = singlePart(at: first.end + 1), let end = second.high, end > high else {
            return DateMatch(start: first.start, end: first.end, low: low, high: high)
        }
        return DateMatch(start: i, end: second.end, low: low, high: end)
    }

    private func singlePart(at i: Int) -> DateMatch? {
        switch facts[i].kind {
        case .number: return yearThenCode(at: i) ?? namedPart(at: i)
        case .word: return codeThenYear(at: i) ?? namedPart(at: i)
        case .punct: return nil
        }
    }

    /// Every form has a part word ("quarter(s)", "half") or a q/h code within two tokens of its
    /// start ("1st quarter", "past two quarters", "2017-q1"; "the" opens nothing): a test on the
    /// tokens' facts rules out the rest (most mentions) before any parsing.
    @inline(__always) func mayOpenYearPart(_ i: Int) -> Bool {
        // "from 2017-q1 to …", "between Q1 2017 and …": a range of parts.
        var k = i
        if facts[i].gram == .from || facts[i].gram == .between { k += 1 }
        let last = k + 2
        while k <= last, k < tokenCount {
            let f = facts[k]
            if f.gram == .quarter || f.gram == .quarters || f.gram == .half { return true }
            // "the first week of 2015", "the week beginning February 4", "the third month of 2021",
            // "the 15th day of next month".
            if f.gram == .week, k + 1 < tokenCount, facts[k + 1].gram == .of || ScanContext.weekStarts.contains(tokens[k + 1].lower) { return true }
            if f.gram == .month || f.flags.contains(.timeUnit), k + 1 < tokenCount, facts[k + 1].gram == .of, f.gram == .month || tokens[k].lower == "day" {
                return true
            }
            if f.kind == .word, k + 1 < tokenCount, facts[k + 1].kind == .number, !facts[k + 1].spaced {
                let lead = info[k].lead | 0x20
                if lead == UInt8(ascii: "q") || lead == UInt8(ascii: "h") { return true }
            }
            k += 1
        }
        return false
    }

    /// "Q3", "q1", "H2" at `j`: months per part (3 or 6), the part's number, and the token past it.
    private func partCode(at j: Int) -> (months: Int, part: Int, end: Int)? {
        guard isWord(j), adjacent(j + 1), isNumber(j + 1) else { return nil }
        let lead = info[j].lead | 0x20
        guard lead == UInt8(ascii: "q") || lead == UInt8(ascii: "h"), tokens[j].text.utf8.count == 1, let n = integer(j + 1) else { return nil }
        let months = lead == UInt8(ascii: "q") ? 3 : 6
        guard n >= 1, n <= 12 / months else { return nil }
        // Not the start of a longer code ("Q3x", "H2O").
        if adjacent(j + 2), facts[j + 2].kind != .punct { return nil }
        return (months, n, j + 2)
    }

    /// "2017 q1", "2017-Q1", "2019 H2": the year, then its part.
    private func yearThenCode(at i: Int) -> DateMatch? {
        let next = i + 1
        guard isWord(next) || (isPunct(next, .hyphen) && adjacent(next) && adjacent(next + 1)) else { return nil }
        guard let (year, end) = yearNumber(at: i), let code = partCode(at: isPunct(end, .hyphen) ? end + 1 : end) else { return nil }
        return part(code.months, code.part, year: year, start: i, end: code.end)
    }

    /// "Q3 2019", "q1-2019", "Q1 of 2017", or a quarter alone ("in Q3").
    private func codeThenYear(at i: Int) -> DateMatch? {
        guard let code = partCode(at: i) else { return nil }
        let k = code.end
        if isPunct(k, .hyphen), adjacent(k), adjacent(k + 1), let (year, end) = yearNumber(at: k + 1) {
            return part(code.months, code.part, year: year, start: i, end: end)
        }
        if let (year, end) = yearNumber(at: gram(k) == .of ? k + 1 : k) { return part(code.months, code.part, year: year, start: i, end: end) }
        guard code.months == 3 else { return nil }
        return part(3, code.part, year: nil, start: i, end: k)
    }

    /// "the first quarter of 2013", "the second half of last year", "first quarter 2019", "last
    /// quarter", "the coming quarter", "the previous three quarters".
    private func namedPart(at i: Int) -> DateMatch? {
        var k = i
        if gram(k) == .the { k += 1 }
        if let ordinal = partOrdinal(at: k), gram(ordinal.end) == .quarter || gram(ordinal.end) == .half {
            let months = gram(ordinal.end) == .quarter ? 3 : 6
            let n = ordinal.last ? 12 / months : ordinal.value
            if n <= 12 / months, let (year, end) = yearOfPart(after: ordinal.end + 1) { return part(months, n, year: year, start: i, end: end) }
        }
        // "the last quarter" with no year is as often a game's final one; "last quarter" is the one before this.
        if gram(k) == .last, gram(k + 1) == .quarter, gram(k - 1) == .the { return nil }
        return relativeQuarters(at: k, start: i)
    }

    /// "first", "1st", "fourth", or "last" before a part word: its number (or that it is the last).
    private func partOrdinal(at k: Int) -> (value: Int, last: Bool, end: Int)? {
        if gram(k) == .last { return (0, true, k + 1) }
        guard has(k, .dayWord) || isNumber(k), let e = number(at: k), e.isOrdinal, e.value >= 1, e.value <= 4 else { return nil }
        return (Int(e.value), false, e.end)
    }

    /// After a part word: "of 2013", "of the year", "of last year" or " 2019": the year (nil when
    /// the reference is unknown) and the token past it. Nil when no year follows: "the first
    /// quarter" alone, or "of the game", is as often sport's.
    private func yearOfPart(after j: Int) -> (Int?, Int)? {
        if let (year, end) = yearNumber(at: j) { return (year, end) }
        guard gram(j) == .of else { return nil }
        if let (year, end) = yearNumber(at: j + 1) { return (year, end) }
        let w = gram(j + 1)
        guard gram(j + 2) == .year, w == .the || w == .this || w == .last || w == .next else { return nil }
        return (reference.map { $0.year + (w == .last ? -1 : (w == .next ? 1 : 0)) }, j + 3)
    }

    /// "last quarter", "this quarter", "the next 7 quarters", "the past two quarters": quarters
    /// counted from the reference's.
    private func relativeQuarters(at k: Int, start: Int) -> DateMatch? {
        var count = 1
        var end = k + 2
        if gram(k + 1) != .quarter {
            // A count of one word or figure: "two", "eleven", "7" (not read as "two quarters" = 0.5).
            guard gram(k + 2) == .quarters, let n = integer(k + 1) ?? word(NumberWords.small, k + 1).map({ Int($0) }), n >= 1, n <= 40 else { return nil }
            count = n
            end = k + 3
        }
        let step: Int
        switch gram(k) {
        case .this: step = 0
        case .last: step = -1
        case .next: step = 1
        default:
            switch lower(k) {
            case "current": step = 0
            case "past", "previous": step = -1
            case "coming", "following": step = 1
            default: return nil
            }
        }
        if step == 0, count > 1 { return nil }
        guard let ref = reference, let month = ref.month else { return DateMatch(start: start, end: end, low: nil, high: nil) }
        let current = ref.year * 4 + (month - 1) / 3
        let (first, last) = step == 0 ? (current, current) : (step < 0 ? (current - count, current - 1) : (current + 1, current + count))
        return DateMatch(start: start, end: end, low: ScanContext.partStart(first, months: 3), high: ScanContext.partEnd(last, months: 3))
    }

    /// Part `n` (from 1) of `months` months of `year`; without a year, the latest such part begun by
    /// the reference (no dates when there is none).
    private func part(_ months: Int, _ n: Int, year: Int?, start: Int, end: Int) -> DateMatch {
        let perYear = 12 / months
        var index: Int
        if let year {
            index = year * perYear + n - 1
        } else {
            guard let ref = reference, let month = ref.month else { return DateMatch(start: start, end: end, low: nil, high: nil) }
            index = ref.year * perYear + n - 1
            if n - 1 > (month - 1) / months { index -= perYear }
        }
        return DateMatch(start: start, end: end, low: ScanContext.partStart(index, months: months), high: ScanContext.partEnd(index, months: months))
    }

    /// Words that name a week by its first day: "the week beginning February 4".
    static let weekStarts: Set<String> = ["beginning", "starting", "commencing"]

    /// A week named by its place in a month or year ("the first week of 2015", "the 3rd week of
    /// January", "the last week of Dec 2016") or by its first day ("the week beginning February 4",
    /// "the week starting on May 20"). Weeks run Monday to Sunday; as in ISO 8601, a month's or year's first
    /// week is the one holding its first Thursday and its last week the one holding its last.
    func week(at i: Int) -> DateMatch? {
        var k = i
        if gram(k) == .the { k += 1 }
        if gram(k) == .week {
            // "the week beginning February 4", "week starting on May 20". Not "the week of April
            // 20": news means the day by it (the corpus's gold reads it so), and a week may hold it.
            var j = k + 1
            guard ScanContext.weekStarts.contains(lower(j)) else { return nil }
            if gram(j + 1) == .on { j += 1 }
            j += 1
            guard let d = date(at: j) ?? (gram(j) == .the ? date(at: j + 1) : nil) else { return nil }
            guard let low = d.low, let high = d.high else { return DateMatch(start: i, end: d.end, low: nil, high: nil) }
            guard low == high, low.day != nil else { return nil }
            let monday = low.dayRange.lowerBound - low.weekday
            return DateMatch(start: i, end: d.end, low: CalendarDate(dayNumber: monday), high: CalendarDate(dayNumber: monday + 6))
        }
        guard let ordinal = weekOrdinal(at: k), gram(ordinal.end) == .week, gram(ordinal.end + 1) == .of else { return nil }
        let j = ordinal.end + 2
        var period: (first: Int, last: Int, end: Int)?
        if let m = namedMonth(at: j) {
            guard let year = m.year else { return DateMatch(start: i, end: m.end, low: nil, high: nil) }
            period = (CalendarDate.dayNumber(year: year, month: m.month, day: 1),
                      CalendarDate.dayNumber(year: year, month: m.month, day: CalendarDate.daysIn(month: m.month, year: year)), m.end)
        } else if let (year, end) = yearOfPart(after: ordinal.end + 1) {
            guard let year else { return DateMatch(start: i, end: end, low: nil, high: nil) }
            period = (CalendarDate.dayNumber(year: year, month: 1, day: 1), CalendarDate.dayNumber(year: year, month: 12, day: 31), end)
        }
        guard let period else { return nil }
        let monday: Int
        if ordinal.last {
            let thursday = period.last - (CalendarDate(dayNumber: period.last).weekday - 3 + 7) % 7
            monday = thursday - 3
        } else {
            let thursday = period.first + (3 - CalendarDate(dayNumber: period.first).weekday + 7) % 7
            monday = thursday - 3 + 7 * (ordinal.value - 1)
            // The week's Thursday must fall within the month or year.
            guard monday + 3 <= period.last else { return nil }
        }
        return DateMatch(start: i, end: period.end, low: CalendarDate(dayNumber: monday), high: CalendarDate(dayNumber: monday + 6))
    }

    /// A month named after "of": "January", "Dec 2016", "June, 2019" (the latest such month begun by
    /// the reference when no year is written, as "in May" is; a nil year when there is no reference).
    private func namedMonth(at j: Int) -> (year: Int?, month: Int, end: Int)? {
        guard let m = month(at: j) else { return nil }
        if let (y, e) = yearNumber(at: m.end) ?? (isPunct(m.end, .comma) ? yearNumber(at: m.end + 1) : nil) { return (y, m.month, e) }
        guard m.strict else { return nil }
        guard let ref = reference, let refMonth = ref.month else { return (nil, m.month, m.end) }
        return (ref.year - (m.month > refMonth ? 1 : 0), m.month, m.end)
    }

    /// A month by its place in a year ("the third month of 2021", "the 9th month of next year") or a
    /// day by its place in a month ("the 15th day of next month", "the twenty third day of
    /// September"). "The 15th day of the strike" names no date.
    func monthOrDay(at i: Int) -> DateMatch? {
        var k = i
        if gram(k) == .the { k += 1 }
        guard let o = weekOrdinal(at: k), !o.last, gram(o.end + 1) == .of else { return nil }
        let j = o.end + 2
        if gram(o.end) == .month {
            guard o.value <= 12, let (year, end) = yearOfPart(after: o.end + 1) else { return nil }
            guard let year else { return DateMatch(start: i, end: end, low: nil, high: nil) }
            let d = CalendarDate(year: year, month: o.value)
            return DateMatch(start: i, end: end, low: d, high: d)
        }
        guard lower(o.end) == "day", o.value <= 31 else { return nil }
        var found: (year: Int?, month: Int, end: Int)?
        if let m = namedMonth(at: j) {
            found = m
        } else if gram(j + 1) == .month, gram(j) == .this || gram(j) == .next || gram(j) == .last {
            // "of this month", "of next month", "of last month": counted from the reference's.
            guard let ref = reference, let refMonth = ref.month else { return DateMatch(start: i, end: j + 2, low: nil, high: nil) }
            let index = ref.year * 12 + refMonth - 1 + (gram(j) == .next ? 1 : (gram(j) == .last ? -1 : 0))
            found = (index / 12, index % 12 + 1, j + 2)
        }
        guard let found else { return nil }
        guard let year = found.year else { return DateMatch(start: i, end: found.end, low: nil, high: nil) }
        guard o.value <= CalendarDate.daysIn(month: found.month, year: year) else { return nil }
        let d = CalendarDate(year: year, month: found.month, day: o.value)
        return DateMatch(start: i, end: found.end, low: d, high: d)
    }

    /// "first", "3rd", "twenty-seventh" or "last" before "week": its number (or that it is the last).
    private func weekOrdinal(at k: Int) -> (value: Int, last: Bool, end: Int)? {
        if gram(k) == .last { return (0, true, k + 1) }
        // "twenty third", "thirty-first": a tens word and an ordinal, as days are written.
        if isWord(k), word(NumberWords.tens, k) != nil, let (d, end) = day(at: k) { return (d, false, end) }
        guard has(k, .dayWord) || isNumber(k), let e = number(at: k), e.isOrdinal, e.value >= 1, e.value <= 53, e.value == e.value.rounded() else { return nil }
        return (Int(e.value), false, e.end)
    }

    /// The first month of part `index` (counted from year 0) of `months` months.
    private static func partStart(_ index: Int, months: Int) -> CalendarDate {
        let perYear = 12 / months
        return CalendarDate(year: index / perYear, month: (index % perYear) * months + 1)
    }

    /// The last month of part `index`.
    private static func partEnd(_ index: Int, months: Int) -> CalendarDate {
        let perYear = 12 / months
        return CalendarDate(year: index / perYear, month: (index % perYear) * months + months)
    }
}
