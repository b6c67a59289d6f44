import TallyCore

/// A date as written, before resolution: any of its parts may be missing ("May 16", "in May").
struct PartialDate {
    var year: Int?
    var month: Int?
    var day: Int?
    var start: Int
    var end: Int
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
    static let dateContext: Set<String> = [
        "in", "since", "by", "until", "till", "from", "during", "before", "after", "early", "late", "mid", "of",
        "throughout", "last", "next", "this", "and", "to", "between", "on", "through", "following", "end",
        "beginning", "start", "spring", "summer", "autumn", "fall", "winter", "as", "around", "circa", "than",
    ]

    /// A date or date range at token `i`.
    func date(at i: Int) -> DateMatch? {
        if let relative = relativeDate(at: i) { return relative }
        // Ranges: "between June 20 and June 30", "from 2014 to 2018".
        let w = lower(i)
        if w == "between" || w == "from", let first = partialDate(at: i + 1) {
            let joiner = lower(first.end)
            if (w == "between" && joiner == "and") || (w == "from" && ["to", "until", "till", "through", "-"].contains(joiner)),
                let second = partialDate(at: first.end + 1, after: first)
            {
                return resolveRange(first, second, start: i, end: second.end)
            }
            return nil
        }
        // "2014-2018": a span of years.
        if let (y1, e1) = yearNumber(at: i), isPunct(e1, "-"), let (y2, e2) = yearNumber(at: e1 + 1), y2 > y1, y2 - y1 <= 100 {
            return DateMatch(start: i, end: e2, low: CalendarDate(year: y1), high: CalendarDate(year: y2))
        }
        guard let first = partialDate(at: i) else { return nil }
        let joiner = lower(first.end)
        if ["-", "to", "through", "until", "till"].contains(joiner), let second = partialDate(at: first.end + 1, after: first),
            joiner != "-" || (adjacent(first.end) == adjacent(first.end + 1))
        {
            return resolveRange(first, second, start: i, end: second.end)
        }
        // "20-30 June": a day range before its month.
        if first.month == nil, first.year == nil, let dayFirst = dayMonthRange(at: i) { return dayFirst }
        guard first.month != nil || first.year != nil else { return nil }
        let resolved = resolve(first)
        return DateMatch(start: first.start, end: first.end, low: resolved, high: resolved)
    }

    private func resolveRange(_ a: PartialDate, _ b: PartialDate, start: Int, end: Int) -> DateMatch? {
        var a = a
        var b = b
        if b.month == nil, b.day != nil { b.month = a.month }
        if b.year == nil, a.year != nil, b.month != nil || b.day != nil { b.year = a.year }
        if a.year == nil, let y = b.year, a.month != nil { a.year = y }
        guard a.month != nil || a.year != nil, b.month != nil || b.year != nil else { return nil }
        guard let low = resolve(a) else { return DateMatch(start: start, end: end, low: nil, high: nil) }
        if b.year == nil { b.year = low.year }
        guard var high = resolve(b) else { return DateMatch(start: start, end: end, low: nil, high: nil) }
        if high < low, b.year == low.year, a.year == nil || b.year == a.year {
            high = CalendarDate(year: high.year + 1, month: high.month, day: high.day)
        }
        guard low <= high else { return nil }
        return DateMatch(start: start, end: end, low: low, high: high)
    }

    /// "20-30 June", "9 to 12 of June".
    private func dayMonthRange(at i: Int) -> DateMatch? {
        guard let (d1, e1) = day(at: i), ["-", "to"].contains(lower(e1)), let (d2, e2) = day(at: e1 + 1), d2 > d1 else { return nil }
        var k = e2
        if lower(k) == "of" { k += 1 }
        guard let (m, e3) = month(at: k) else { return nil }
        var end = e3
        var year: Int? = nil
        if let (y, e4) = yearNumber(at: end) {
            year = y
            end = e4
        }
        let a = PartialDate(year: year, month: m, day: d1, start: i, end: e1)
        let b = PartialDate(year: year, month: m, day: d2, start: e1 + 1, end: end)
        return resolveRange(a, b, start: i, end: end)
    }

    /// One date at `i`: ISO "2025-06-02", "June 2nd, 2025", "Monday, June 2nd", "16 May 2025",
    /// "March 2022", "in May", "on Monday", a year in date context. With `after`, a bare day
    /// number ("June 20-30") is accepted as the end of a range.
    func partialDate(at i: Int, after previous: PartialDate? = nil) -> PartialDate? {
        // ISO 8601
        if isNumber(i), tokens[i].text.utf8.count == 4, isPunct(i + 1, "-"), adjacent(i + 1), isNumber(i + 2), adjacent(i + 2),
            isPunct(i + 3, "-"), adjacent(i + 3), isNumber(i + 4), adjacent(i + 4),
            let y = Int(tokens[i].text), let m = Int(tokens[i + 2].text), let d = Int(tokens[i + 4].text),
            (1...12).contains(m), (1...CalendarDate.daysIn(month: m, year: y)).contains(d)
        {
            return PartialDate(year: y, month: m, day: d, start: i, end: i + 5)
        }
        var k = i
        // "Monday, June 2nd": the weekday belongs to the date.
        if NumberWords.weekdays[lower(k)] != nil, isCapitalised(k) {
            var m = k + 1
            if isPunct(m, ",") { m += 1 }
            if var dated = partialDate(at: m), dated.month != nil, dated.day != nil {
                dated.start = i
                return dated
            }
            return nil
        }
        if let (mo, e) = month(at: k) {
            k = e
            if let (d, e2) = day(at: k) {
                var date = PartialDate(year: nil, month: mo, day: d, start: i, end: e2)
                if let (y, e3) = yearAfter(e2) {
                    date.year = y
                    date.end = e3
                }
                return date
            }
            if let (y, e2) = yearAfter(k, allowOf: true) { return PartialDate(year: y, month: mo, day: nil, start: i, end: e2) }
            if hasDateContext(before: i) { return PartialDate(year: nil, month: mo, day: nil, start: i, end: k) }
            return nil
        }
        // "16 May 2025", "2nd of June"
        if let (d, e) = day(at: k) {
            var m = e
            if lower(m) == "of" { m += 1 }
            if let (mo, e2) = month(at: m) {
                var date = PartialDate(year: nil, month: mo, day: d, start: i, end: e2)
                if let (y, e3) = yearAfter(e2) {
                    date.year = y
                    date.end = e3
                }
                return date
            }
            if let previous, previous.day != nil, previous.month != nil, previous.year == nil || !isYear(i) {
                return PartialDate(year: nil, month: nil, day: d, start: i, end: e)
            }
        }
        if let (y, e) = yearNumber(at: i), previous?.year != nil && previous?.month == nil || hasDateContext(before: i) || isYearModifier(i) {
            return PartialDate(year: y, month: nil, day: nil, start: i, end: e)
        }
        return nil
    }

    /// A month name at `j` (with an abbreviation's full stop); "May", "March" and abbreviations
    /// need a capital since they are also ordinary words.
    func month(at j: Int) -> (Int, Int)? {
        guard isWord(j), let m = NumberWords.months[tokens[j].lower] else { return nil }
        if NumberWords.ambiguousMonths.contains(tokens[j].lower), !isCapitalised(j) { return nil }
        if tokens[j].lower.count <= 4, tokens[j].lower != "may", tokens[j].lower != "june", tokens[j].lower != "july" {
            return isPunct(j + 1, ".") && adjacent(j + 1) ? (m, j + 2) : (m, j + 1)
        }
        return (m, j + 1)
    }

    /// A day of the month at `j`: "16", "2nd".
    func day(at j: Int) -> (Int, Int)? {
        guard isNumber(j), tokens[j].text.utf8.count <= 2, let d = Int(tokens[j].text), (1...31).contains(d) else { return nil }
        if isWord(j + 1), adjacent(j + 1) {
            return NumberWords.ordinalSuffixes.contains(tokens[j + 1].lower) ? (d, j + 2) : nil
        }
        return (d, j + 1)
    }

    /// A four-digit year at `j` (1800–2199), not part of a larger figure.
    func yearNumber(at j: Int) -> (Int, Int)? {
        guard isYear(j) else { return nil }
        if isWord(j + 1), adjacent(j + 1) { return nil }
        return (Int(tokens[j].text)!, j + 1)
    }

    func isYear(_ j: Int) -> Bool {
        guard isNumber(j), tokens[j].text.utf8.count == 4, let y = Int(tokens[j].text) else { return false }
        return (1800...2199).contains(y)
    }

    /// A year closing a date: ", 2025", " 2025", " in 2020", " of 2022".
    private func yearAfter(_ j: Int, allowOf: Bool = false) -> (Int, Int)? {
        if let y = yearNumber(at: j) { return y }
        if isPunct(j, ","), let y = yearNumber(at: j + 1) { return y }
        if lower(j) == "in" || (allowOf && lower(j) == "of"), let y = yearNumber(at: j + 1) { return y }
        return nil
    }

    /// The word before `i` makes a bare month or year a date ("in May", "mid-May", "since 2022").
    func hasDateContext(before i: Int) -> Bool {
        guard i > 0 else { return false }
        if isPunct(i - 1, "-"), adjacent(i - 1), adjacent(i), lower(i - 2) == "mid" { return true }
        return tokens[i - 1].kind == .word && ScanContext.dateContext.contains(tokens[i - 1].lower)
    }

    /// "the 2022 invasion", "Russia's 2014 annexation": a year used as a modifier.
    private func isYearModifier(_ i: Int) -> Bool {
        guard i > 0, isWord(i + 1), !isCapitalised(i + 1), timeUnit(i + 1) == nil else { return false }
        let before = lower(i - 1)
        return before == "the" || before == "its" || before == "'s" || before == "their" || before == "his" || before == "her"
    }
}
