import TallyCore

/// A date as written, before resolution: any of its parts may be missing ("May 16", "in May").
struct PartialDate {
    var year: Int?
    var month: Int?
    var day: Int?
    var start: Int
    var end: Int
    /// "the 18th": a day of the reference month.
    var dayOnly = false
    /// "Mon 13th": the weekday picks the month (the latest one where the day falls on it); in an
    /// article with no date, "Friday, 24 November" picks the year the same way.
    var weekday: Int? = nil
}

/// A date mention: a single date or a range; `low == nil` when it cannot be resolved (a relative
/// date without a reference), in which case the mention is consumed but not reported.
struct DateMatch {
    var start: Int
    var end: Int
    var low: CalendarDate?
    var high: CalendarDate?
}

extension ScanContext {
    /// Words after which a bare month or year is a date ("in May", "since 2022").
    static let dateContext = GrammarWordSet([
        .in_, .since, .by, .until, .till, .from, .during, .before, .after, .early, .late, .mid, .of,
        .throughout, .last, .next, .this, .and, .to, .between, .on, .through, .following, .end,
        .beginning, .start, .spring, .summer, .autumn, .fall, .winter, .as_, .around, .circa, .than, .for_,
    ])

    /// Words other than months, weekdays and numbers that may open a date.
    static let dateWords = GrammarWordSet([.between, .from, .yesterday, .today, .tomorrow, .last, .next, .this, .year, .the, .sunday, .weekend])

    /// Words joining two days before their month ("20-30 June", "between 3 and 12 of Sept").
    static let dayRangeJoiners = GrammarWordSet([.hyphen, .to, .and, .through, .until, .till])
    static let relativeMonthWords = GrammarWordSet([.this, .last, .next])

    /// Words joining the two ends of a date range.
    static let rangeJoiners = GrammarWordSet([.hyphen, .to, .through, .until, .till, .tilde, .thru])

    /// Words after which a bare "10/1" is a date rather than a fraction.
    static let numericDateContext = GrammarWordSet([.on, .from, .to, .until, .till, .by, .since, .between, .through, .before, .after, .dated, .this, .next, .last])

    /// A date or date range at token `i`.
    func date(at i: Int) -> DateMatch? {
        if has(i, .holiday) || has(i + 1, .holiday), let h = holiday(at: i) { return h }
        // A word opens a date only as a month, weekday, day or number word, or one of `dateWords`.
        if isWord(i), facts[i].flags.isDisjoint(with: [.month, .weekday, .dayWord, .numberWord]), !ScanContext.dateWords.contains(facts[i].gram) {
            return nil
        }
        // A number that is not an integer ("1,000", "2.5") can open only "… ago": years, days,
        // numeric dates and day ranges all start with an integer.
        if isNumber(i), integer(i) == nil { return relativeDate(at: i) }
        if mayOpenDecadeOrCentury(i), let span = decadeOrCentury(at: i) { return span }
        if let relative = relativeDate(at: i) { return relative }
        // Ranges: "between June 20 and June 30", "from 2014 to 2018".
        let w = gram(i)
        if w == .between || w == .from {
            var k = i + 1
            if gram(k) == .the { k += 1 }
            if isNumber(k), let dayFirst = dayMonthRange(at: k, start: i) { return dayFirst }
            if ScanContext.periodPartWords.contains(gram(k)) { return partRange(at: k, start: i) }
            if let days = weekdayRange(at: k, start: i) { return days }
            guard let first = partialDate(at: k, context: true) else { return nil }
            let joiner = gram(first.end)
            var next = first.end + 1
            if gram(next) == .the { next += 1 }
            if (w == .between && (joiner == .and || joiner == .hyphen || joiner == .tilde)) || (w == .from && ScanContext.rangeJoiners.contains(joiner)) {
                if let second = partialDate(at: next, after: first, context: true) { return resolveRange(first, second, start: i, end: second.end) }
                if let relative = untilRelative(first, at: next, start: i) { return relative }
                // "from 2007 to the end of 2008": to the part's last day.
                if ScanContext.periodPartWords.contains(gram(next)), let part = periodPart(at: next, rangeEnd: .high) {
                    guard let low = resolve(first), let high = part.high else { return DateMatch(start: i, end: part.end, low: nil, high: nil) }
                    return low < high ? DateMatch(start: i, end: part.end, low: low, high: high) : nil
                }
            }
            if first.month == nil, first.year == nil, first.day != nil, let dayFirst = dayMonthRange(at: k, start: i) { return dayFirst }
            return nil
        }
        // "2014-2018", "2014 to 2018": a span of years.
        if let (y1, e1) = yearNumber(at: i), ScanContext.rangeJoiners.contains(gram(e1)), let (y2, e2) = yearNumber(at: e1 + 1), y2 > y1, y2 - y1 <= 100,
            gram(e1) != .hyphen || adjacent(e1) == adjacent(e1 + 1), !(isPunct(e2, .hyphen) && adjacent(e2))
        {
            return DateMatch(start: i, end: e2, low: CalendarDate(year: y1), high: CalendarDate(year: y2))
        }
        // "20-30 June": a day range before its month.
        if isNumber(i), let dayFirst = dayMonthRange(at: i, start: i) { return dayFirst }
        // "10/1-11/2/2017": a bare day/month opens a range whose end carries the year.
        if isNumber(i), let first = numericDate(at: i, context: true), first.year == nil, gram(first.end) == .hyphen,
            let second = numericDate(at: first.end + 1, context: true), second.year != nil
        {
            return resolveRange(first, second, start: i, end: second.end)
        }
        guard let first = partialDate(at: i) else { return nil }
        let joiner = gram(first.end)
        var next = first.end + 1
        if gram(next) == .the { next += 1 }
        if ScanContext.rangeJoiners.contains(joiner), let second = partialDate(at: next, after: first, context: true),
            joiner != .hyphen || (adjacent(first.end) == adjacent(first.end + 1))
        {
            return resolveRange(first, second, start: i, end: second.end)
        }
        if ScanContext.rangeJoiners.contains(joiner), let relative = untilRelative(first, at: next, start: i) { return relative }
        guard first.month != nil || first.year != nil || first.dayOnly else { return nil }
        let resolved = resolve(first)
        return DateMatch(start: first.start, end: first.end, low: resolved, high: resolved)
    }

    /// "from early 2020 to late 2021", "between the middle of 2007 and 2008": a range opened by a
    /// part of a period, from its first day to the second end's last (nil unless both ends read).
    private func partRange(at k: Int, start i: Int) -> DateMatch? {
        guard let first = periodPart(at: k, rangeEnd: .low) else { return nil }
        let joiner = gram(first.end)
        guard (gram(i) == .between && (joiner == .and || joiner == .hyphen)) || (gram(i) == .from && ScanContext.rangeJoiners.contains(joiner)) else { return nil }
        var next = first.end + 1
        if gram(next) == .the { next += 1 }
        let second = ScanContext.periodPartWords.contains(gram(next)) ? periodPart(at: next, rangeEnd: .high) : date(at: next)
        guard let second, second.start == next else { return nil }
        guard let low = first.low, let high = second.high else { return DateMatch(start: i, end: second.end, low: nil, high: nil) }
        return low < high ? DateMatch(start: i, end: second.end, low: low, high: high) : nil
    }

    /// "from Monday to Friday", "between next Monday and Friday": the second weekday is the first
    /// such day after the first (read alone, Friday would be the one before Monday).
    private func weekdayRange(at k: Int, start i: Int) -> DateMatch? {
        let named = word(NumberWords.weekdays, k) != nil
        guard named || ((gram(k) == .next || gram(k) == .last || gram(k) == .this) && word(NumberWords.weekdays, k + 1) != nil),
            let first = relativeDate(at: k), first.start == k, first.low == first.high
        else { return nil }
        let joiner = gram(first.end)
        guard gram(i) == .between ? joiner == .and : ScanContext.rangeJoiners.contains(joiner) else { return nil }
        let j = first.end + 1
        guard word(NumberWords.weekdays, j) != nil, let (weekday, end) = weekday(at: j) else { return nil }
        if let dated = partialDate(at: dateStart(afterWeekday: end), context: true), dated.day != nil { return nil }
        guard let low = first.low else { return DateMatch(start: i, end: end, low: nil, high: nil) }
        let gap = (weekday - low.weekday + 7) % 7
        return DateMatch(start: i, end: end, low: low, high: CalendarDate(dayNumber: low.dayRange.lowerBound + (gap == 0 ? 7 : gap)))
    }

    /// "from 2019-08-01 to today", "between Jan 2019 and yesterday", "from March to date": a range
    /// ending at the reference.
    private func untilRelative(_ first: PartialDate, at j: Int, start: Int) -> DateMatch? {
        let w = gram(j)
        let dateEnd = toDate(at: j)
        guard w == .today || w == .yesterday || w == .tomorrow || w == .now || dateEnd != nil else { return nil }
        let end = dateEnd ?? j + 1
        guard let day = referenceDay, let low = resolve(first) else { return DateMatch(start: start, end: end, low: nil, high: nil) }
        let high = CalendarDate(dayNumber: day + (w == .yesterday ? -1 : (w == .tomorrow ? 1 : 0)))
        guard low <= high else { return nil }
        return DateMatch(start: start, end: end, low: low, high: high)
    }

    /// "date" or "current date" ending "to date", "till current date" at `j` (the reference day):
    /// the end of the phrase, when the clause goes on with no noun ("to date palms" is no date).
    func toDate(at j: Int) -> Int? {
        var k = j
        if lower(k) == "current" || lower(k) == "present" { k += 1 }
        guard lower(k) == "date", isEndOrPunct(k + 1) || gram(k + 1) != .other else { return nil }
        return k + 1
    }

    private func resolveRange(_ a: PartialDate, _ b: PartialDate, start: Int, end: Int) -> DateMatch? {
        // "between the 21st and 23rd": both days of the reference month.
        if a.dayOnly, b.dayOnly {
            guard let low = resolve(a), let high = resolve(b) else { return DateMatch(start: start, end: end, low: nil, high: nil) }
            return low < high ? DateMatch(start: start, end: end, low: low, high: high) : nil
        }
        var a = a
        var b = b
        // "between the ninth and the seventeenth of April": the first day takes the second's month.
        if a.month == nil, a.day != nil, b.month != nil {
            a.month = b.month
            a.dayOnly = false
            if a.year == nil { a.year = b.year }
        }
        let monthInherited = b.month == nil && b.day != nil
        if b.month == nil, b.day != nil {
            b.month = a.month
            b.dayOnly = false
        }
        if b.year == nil, a.year != nil, b.month != nil || b.day != nil { b.year = a.year }
        var inherited = false
        if a.year == nil, let y = b.year, a.month != nil {
            a.year = y
            inherited = true
        }
        guard a.month != nil || a.year != nil, b.month != nil || b.year != nil else { return nil }
        guard var low = resolve(a) else { return DateMatch(start: start, end: end, low: nil, high: nil) }
        if b.year == nil { b.year = low.year }
        guard var high = resolve(b) else { return DateMatch(start: start, end: end, low: nil, high: nil) }
        if high < low, inherited {
            // "Nov-Feb 2017": the first month is in the year before.
            low = CalendarDate(year: low.year - 1, month: low.month, day: low.day)
        } else if high < low, monthInherited, let m = high.month, let d = high.day {
            // "April 27th to the third": the next month.
            let index = high.year * 12 + m
            let next = CalendarDate(year: index / 12, month: index % 12 + 1, day: min(d, CalendarDate.daysIn(month: index % 12 + 1, year: index / 12)))
            high = next
        } else if high < low, b.year == low.year {
            high = CalendarDate(year: high.year + 1, month: high.month, day: high.day)
        }
        guard low <= high else { return nil }
        return DateMatch(start: start, end: end, low: low, high: high)
    }

    /// "20-30 June", "9 to 12 of June", "between 3 and 12 of Sept".
    private func dayMonthRange(at i: Int, start: Int) -> DateMatch? {
        guard let (d1, e1) = day(at: i), ScanContext.dayRangeJoiners.contains(gram(e1)), let (d2, e2) = day(at: e1 + 1), d2 > d1 else { return nil }
        guard gram(e1) != .and || gram(start) == .between else { return nil }
        var k = e2
        if gram(k) == .of { k += 1 }
        guard let (m, e3, _) = month(at: k) else { return nil }
        var end = e3
        var year: Int? = nil
        if let (y, e4) = yearNumber(at: end) {
            year = y
            end = e4
        }
        let a = PartialDate(year: year, month: m, day: d1, start: i, end: e1)
        let b = PartialDate(year: year, month: m, day: d2, start: e1 + 1, end: end)
        return resolveRange(a, b, start: start, end: end)
    }

    /// One date at `i`: ISO "2025-06-02", "June 2nd, 2025", "Monday, June 2nd", "16 May 2025",
    /// "March 2022", "in May", "the 18th", "10/1/2018", a year in date context. With `after`, a
    /// bare day ("June 20-30") ends a range; `context` says a date is expected here.
    func partialDate(at i: Int, after previous: PartialDate? = nil, context: Bool = false) -> PartialDate? {
        let slashContext = context || previous != nil || (i > 0 && ScanContext.numericDateContext.contains(gram(i - 1)))
        if let numeric = numericDate(at: i, context: slashContext) { return numeric }
        // "Monday, June 2nd", "tuesday the eleventh", "Sat 14th": the weekday belongs to the date.
        if let (wd, e) = weekday(at: i) {
            if var dated = partialDate(at: dateStart(afterWeekday: e), context: true), dated.day != nil {
                dated.start = i
                if dated.dayOnly || dated.year == nil { dated.weekday = wd }
                return dated
            }
            return nil
        }
        // "this May", "last March", "next June": the month relative to the reference.
        if ScanContext.relativeMonthWords.contains(gram(i)), let (mo, e, strict) = month(at: i + 1), strict {
            guard let ref = reference, let refMonth = ref.month else { return PartialDate(year: nil, month: nil, day: nil, start: i, end: e) }
            let year: Int
            switch gram(i) {
            case .this: year = ref.year
            case .last: year = mo < refMonth ? ref.year : ref.year - 1
            default: year = mo > refMonth ? ref.year : ref.year + 1
            }
            return PartialDate(year: year, month: mo, day: nil, start: i, end: e)
        }
        // "the year 2008"
        if gram(i) == .year, let (y, e) = yearNumber(at: i + 1) { return PartialDate(year: y, month: nil, day: nil, start: i, end: e) }
        if let (mo, e, strict) = month(at: i) {
            var k = e
            if isPunct(k, .hyphen) || isPunct(k, .slash), adjacent(k), adjacent(k + 1) { k += 1 }
            // "October, 1st": a comma only before an ordinal day.
            if isPunct(k, .comma), isNumber(k + 1), isWord(k + 2), adjacent(k + 2), word(NumberWords.ordinalSuffixes, k + 2) { k += 1 }
            if gram(k) == .the { k += 1 }
            if let (d, e2) = day(at: k) {
                var date = PartialDate(year: nil, month: mo, day: d, start: i, end: e2)
                if let (y, e3) = yearAfter(e2, allowOf: true) {
                    date.year = y
                    date.end = e3
                }
                return date
            }
            // "January twenty five nineteen eighty six", "May twenty nine": a day in cardinal words,
            // before a year or closing the clause ("in May two people died" is no date).
            if let (d, e2) = cardinalWordDay(at: k) {
                if let (y, e3) = yearAfter(e2, allowOf: true) { return PartialDate(year: y, month: mo, day: d, start: i, end: e3) }
                if strict, isEndOrPunct(e2) { return PartialDate(year: nil, month: mo, day: d, start: i, end: e2) }
            }
            if let (y, e2) = yearAfter(k, allowOf: true) { return PartialDate(year: y, month: mo, day: nil, start: i, end: e2) }
            let rangeFollows = ScanContext.rangeJoiners.contains(gram(e)) && month(at: e + 1) != nil
            if strict, context || hasDateContext(before: i) || rangeFollows || previous?.month != nil {
                return PartialDate(year: nil, month: mo, day: nil, start: i, end: e)
            }
            return nil
        }
        // "16 May 2025", "2nd of June", "fourth of july, 1995", "the 18th"
        var k = i
        let article = gram(k) == .the
        if article { k += 1 }
        if let (d, e) = day(at: k) {
            var m = e
            if gram(m) == .of { m += 1 }
            if isPunct(m, .hyphen) || isPunct(m, .slash), adjacent(m), adjacent(m + 1) { m += 1 }
            if let (mo, e2, _) = month(at: m) {
                var date = PartialDate(year: nil, month: mo, day: d, start: i, end: e2)
                if let (y, e3) = yearAfter(e2, allowOf: true) {
                    date.year = y
                    date.end = e3
                }
                return date
            }
            if let previous, previous.day != nil, previous.month != nil, previous.year == nil || !isYear(k) {
                return PartialDate(year: nil, month: nil, day: d, start: i, end: e)
            }
            // "the 18th", "to the third", "Mon 13th": a day on its own; "Tuesday, the first of what …" is not.
            let alone = isEndOrPunct(e) || gram(e) == .and || ScanContext.rangeJoiners.contains(gram(e))
            if (article || context || gram(i - 1) == .the), isOrdinalDay(k), alone || (isNumber(k) && (article || context)) {
                var date = PartialDate(year: nil, month: nil, day: d, start: i, end: e)
                date.dayOnly = true
                return date
            }
        }
        if article { return nil }
        if let (y, e) = yearNumber(at: i), previous?.year != nil && previous?.month == nil || context || hasDateContext(before: i) || isYearModifier(i) {
            return PartialDate(year: y, month: nil, day: nil, start: i, end: e)
        }
        guard isWord(i), has(i, .numberWord) else { return nil }
        // "twenty five January nineteen eighty six": a cardinal day before its month needs the year.
        if has(i + 1, .month) || has(i + 2, .month) || has(i + 3, .month), let (d, e) = cardinalWordDay(at: i), let (mo, e2, strict) = month(at: e), strict,
            let (y, e3) = yearAfter(e2, allowOf: true)
        {
            return PartialDate(year: y, month: mo, day: d, start: i, end: e3)
        }
        // "in nineteen ninety six", "since two thousand and fifteen".
        if context || hasDateContext(before: i), let (y, e) = wordYear(at: i) { return PartialDate(year: y, month: nil, day: nil, start: i, end: e) }
        return nil
    }

    /// A day of the month in cardinal words at `j` ("twenty five", "fifteen").
    private func cardinalWordDay(at j: Int) -> (Int, Int)? {
        guard isWord(j), has(j, .numberWord), let e = number(at: j), !e.isDigits, e.isCardinal, !e.isFraction, e.scale == 1,
            e.value == e.value.rounded(), e.value >= 1, e.value <= 31
        else { return nil }
        return (Int(e.value), e.end)
    }

    /// A year in words at `j`: "nineteen eighty six", "twenty twenty" (hundreds, then the rest), or a
    /// cardinal from 1000 to 2199 ("two thousand and fifteen", "nineteen hundred ninety three"). A
    /// cardinal counts only where nothing it could count follows: the end of a clause, or "and"
    /// before a word that is no number ("in October two thousand and returned"); "in May two thousand
    /// people" is a count.
    func wordYear(at j: Int) -> (Int, Int)? {
        guard isWord(j), has(j, .numberWord) else { return nil }
        // Hundreds: "fifteen" to "nineteen", or "twenty"; then "ten" to "ninety-nine".
        let century = word(NumberWords.small, j) ?? word(NumberWords.tens, j).flatMap { $0 == 20 ? 20 : nil }
        if let century, century >= 15, century <= 20, isWord(j + 1) {
            var rest: Double? = nil
            var end = j + 2
            if let t = word(NumberWords.tens, j + 1) {
                rest = t
                var k = j + 2
                if isPunct(k, .hyphen), adjacent(k), adjacent(k + 1) { k += 1 }
                if let u = word(NumberWords.small, k), u >= 1, u <= 9 {
                    rest = t + u
                    end = k + 1
                }
            } else if let teen = word(NumberWords.small, j + 1), teen >= 10 {
                rest = teen
            }
            if let rest { return (Int(century * 100 + rest), end) }
        }
        guard let e = number(at: j), !e.isDigits, e.isCardinal, !e.isFraction, e.value == e.value.rounded(), e.value >= 1000, e.value <= 2199 else {
            return nil
        }
        let clauseEnds = isEndOrPunct(e.end) || (gram(e.end) == .and && isWord(e.end + 1) && !has(e.end + 1, .numberWord))
        return clauseEnds ? (Int(e.value), e.end) : nil
    }

    /// Where a date written after a weekday ending at `end` starts: past a comma or an opening parenthesis,
    /// and "the" ("Monday, June 2", "Sunday (June 15)", "Tuesday the eleventh").
    func dateStart(afterWeekday end: Int) -> Int {
        var k = end
        if isPunct(k, .comma) || isPunct(k, .openParen) { k += 1 }
        if gram(k) == .the { k += 1 }
        return k
    }

    /// A weekday at `j`: a full name in any case, or a capitalised abbreviation ("Sat", "Tue.").
    func weekday(at j: Int) -> (Int, Int)? {
        guard has(j, .weekday), isWord(j) else { return nil }
        if let d = word(NumberWords.weekdays, j) { return (d, j + 1) }
        guard isCapitalised(j), let d = word(NumberWords.weekdayAbbreviations, j) else { return nil }
        return isPunct(j + 1, .dot) && adjacent(j + 1) ? (d, j + 2) : (d, j + 1)
    }

    private func isOrdinalDay(_ j: Int) -> Bool { !isNumber(j) || (isWord(j + 1) && adjacent(j + 1)) }

    /// A month name at `j` (with an abbreviation's full stop). `strict` is false for words that
    /// are also ordinary English ("may", "march", "sep") written in lowercase: those need a day or
    /// a year beside them to count.
    func month(at j: Int) -> (month: Int, end: Int, strict: Bool)? {
        guard has(j, .month), isWord(j), let m = word(NumberWords.months, j) else { return nil }
        let strict = !word(NumberWords.ambiguousMonths, j) || isCapitalised(j)
        if tokens[j].lower.utf8.count <= 4, gram(j) != .may, gram(j) != .june, gram(j) != .july {
            return isPunct(j + 1, .dot) && adjacent(j + 1) ? (m, j + 2, strict) : (m, j + 1, strict)
        }
        return (m, j + 1, strict)
    }

    /// A day of the month at `j`: "16", "2nd", "ninth", "twenty-seventh", "thirty first".
    func day(at j: Int) -> (Int, Int)? {
        if isWord(j) {
            guard has(j, .dayWord) else { return nil }
            if let t = word(NumberWords.tens, j), t <= 30 {
                var k = j + 1
                if isPunct(k, .hyphen), adjacent(k) { k += 1 }
                if let o = word(NumberWords.ordinals, k), o < 10, Int(t + o) <= 31 { return (Int(t + o), k + 1) }
                return nil
            }
            if let o = word(NumberWords.ordinals, j), o <= 31, o == o.rounded() { return (Int(o), j + 1) }
            return nil
        }
        guard isNumber(j), tokens[j].text.utf8.count <= 2, let d = integer(j), (1...31).contains(d) else { return nil }
        if isWord(j + 1), adjacent(j + 1) {
            return word(NumberWords.ordinalSuffixes, j + 1) ? (d, j + 2) : nil
        }
        return (d, j + 1)
    }

    /// A four-digit year at `j` (1800–2199), not part of a larger figure.
    func yearNumber(at j: Int) -> (Int, Int)? {
        guard isYear(j) else { return nil }
        if isWord(j + 1), adjacent(j + 1) { return nil }
        return (integer(j)!, j + 1)
    }

    func isYear(_ j: Int) -> Bool {
        guard isNumber(j), tokens[j].text.utf8.count == 4, let y = integer(j) else { return false }
        return (1800...2199).contains(y)
    }

    /// A year closing a date: ", 2025", " 2025", " in 2020", " of 2022".
    private func yearAfter(_ j: Int, allowOf: Bool = false) -> (Int, Int)? {
        if let y = yearNumber(at: j) { return y }
        if isPunct(j, .comma), let y = yearNumber(at: j + 1) { return y }
        if isPunct(j, .hyphen) || isPunct(j, .slash), adjacent(j), adjacent(j + 1), let y = yearNumber(at: j + 1) { return y }
        if gram(j) == .in_ || (allowOf && gram(j) == .of), let y = yearNumber(at: j + 1) { return y }
        // "13 Sept nineteen seventy two", "October two thousand and five".
        if let y = wordYear(at: j) { return y }
        return nil
    }

    /// The word before `i` makes a bare month or year a date ("in May", "mid-May", "since 2022").
    func hasDateContext(before i: Int) -> Bool {
        guard i > 0 else { return false }
        if isPunct(i - 1, .hyphen), adjacent(i - 1), adjacent(i), gram(i - 2) == .mid { return true }
        return facts[i - 1].kind == .word && ScanContext.dateContext.contains(gram(i - 1))
    }

    /// "the 2022 invasion", "Russia's 2014 annexation": a year used as a modifier.
    private func isYearModifier(_ i: Int) -> Bool {
        guard i > 0, isWord(i + 1), timeUnit(i + 1) == nil else { return false }
        let before = gram(i - 1)
        return before == .the || before == .a || before == .its || before == .possessive || before == .their || before == .his || before == .her
    }
}
