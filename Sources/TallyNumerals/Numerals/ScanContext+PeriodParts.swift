import TallyCore

/// Parts of a period, as news dates what happened within a year, month or week: "early 2021",
/// "mid-June", "late last year", "the end of June", "the beginning of 2000", "the middle of next
/// month", "earlier this year", "later this month", "the end of the week".
///
/// A year's early part is January–April, its middle May–August and its end September–December
/// (Recognizers-Text's convention, and the corpus gold's "early next year"); a month's are its thirds,
/// days 1–10, 11–20 and 21 to the last (the corpus gold's "early May", "late March"; Recognizers-Text
/// reads 1–15, 10–20 and 16 to the last); a week's early part is Monday–Wednesday, its middle
/// Tuesday–Thursday and its end Thursday–Sunday. "Earlier this year" runs from the period's start to the day before the reference,
/// "later this year" from the reference to the period's end: the words place it against the
/// publication date, not in a fixed third.
extension ScanContext {
    private enum PeriodPart { case early, middle, late, earlier, later }
    /// Which end of a date range a part is.
    enum RangeEnd { case low, high }

    /// Words that may open a part of a period (`periodPart(at:)` is tried only at these).
    static let periodPartWords = GrammarWordSet([.early, .mid, .late, .end, .beginning, .start, .middle, .earlier, .later])

    /// A part of a period at token `i` ("early", "mid", "late", "end", "beginning", "start",
    /// "middle", "earlier", "later"), or nil when no period of a year, month or week follows.
    /// `rangeEnd`: the part is an end of a range ("from early 2020 to late 2021"), read by
    /// `date(at:)`; alone, a part that opens a range is left to it. At a range's end, "the
    /// beginning/middle/end of" a period is a point in time, as in "from the middle of 2007 to the end
    /// of 2008" (from July 2, 2007 through 2008) or "from 2007 to the start of 2008" (through 2007).
    func periodPart(at i: Int, rangeEnd: RangeEnd? = nil) -> DateMatch? {
        let inRange = rangeEnd != nil
        var instant = false
        let part: PeriodPart
        var k = i + 1
        switch gram(i) {
        case .early, .mid, .late:
            part = gram(i) == .early ? .early : (gram(i) == .mid ? .middle : .late)
            // "mid-June", "mid-2021": a hyphen joining the part to its period.
            if isPunct(k, .hyphen), adjacent(k), adjacent(k + 1) { k += 1 }
            // "early in 2021", "late in the year".
            if gram(k) == .in_ { k += 1 }
        case .beginning, .start, .middle, .end:
            guard gram(k) == .of else { return nil }
            part = gram(i) == .middle ? .middle : (gram(i) == .end ? .late : .early)
            instant = inRange
            k += 1
        case .earlier, .later:
            // "earlier this year", "later this week": only the current period. Not "earlier in the
            // month", which news uses for a past event as often as for a span.
            part = gram(i) == .earlier ? .earlier : .later
            guard gram(k) == .this else { return nil }
        default: return nil
        }
        // "the year", "this month", "(the end of) month": the period holding the reference.
        var unit = gram(k)
        var end = k + 1
        var current = false
        if unit == .the || unit == .this {
            unit = gram(k + 1)
            end = k + 2
            current = true
        } else if unit == .week || unit == .month || unit == .year {
            current = part != .earlier && part != .later
        }
        if current, unit == .week || unit == .month || unit == .year {
            // Not "the month of May", "the year 2008", "the week's talks".
            if gram(end) == .of || isNumber(end) || gram(end) == .possessive { return nil }
            guard let day = referenceDay, let ref = reference else { return DateMatch(start: i, end: end, low: nil, high: nil) }
            let period: (Int, Int)
            switch unit {
            case .week:
                let monday = day - CalendarDate(dayNumber: day).weekday
                period = (monday, monday + 6)
            case .month:
                let m = CalendarDate(year: ref.year, month: ref.month ?? 12)
                period = (m.dayRange.lowerBound, m.dayRange.upperBound)
            default:
                let y = CalendarDate(year: ref.year)
                period = (y.dayRange.lowerBound, y.dayRange.upperBound)
            }
            return narrowed(part, unit: unit, period: period, reference: day, start: i, end: end, instant: instant ? rangeEnd : nil)
        }
        guard part != .earlier, part != .later else { return nil }
        // "late last year", "the end of next month", "early next week".
        if gram(k) == .last || gram(k) == .next || gram(k) == .this, let d = relativeDate(at: k) {
            guard let low = d.low, let high = d.high else { return DateMatch(start: i, end: d.end, low: nil, high: nil) }
            // A year, a month or a week; not a day ("late last Monday").
            guard low.day == nil || high.dayRange.upperBound - low.dayRange.lowerBound == 6 else { return nil }
            let unit: GrammarWord = low != high ? .week : (low.month == nil ? .year : .month)
            return narrowed(part, unit: unit, period: (low.dayRange.lowerBound, high.dayRange.upperBound), reference: referenceDay ?? 0, start: i, end: d.end, instant: instant ? rangeEnd : nil)
        }
        // "early 2021", "mid-June", "the end of June 2019": a month or a year.
        guard let p = partialDate(at: k, context: true), p.day == nil, !p.dayOnly, p.month != nil || p.year != nil else { return nil }
        // Not the start of a range ("from the end of March to …"): left to the range reader.
        guard inRange || !ScanContext.rangeJoiners.contains(gram(p.end)) else { return nil }
        guard let d = resolve(p) else { return DateMatch(start: i, end: p.end, low: nil, high: nil) }
        return narrowed(part, unit: d.month == nil ? .year : .month, period: (d.dayRange.lowerBound, d.dayRange.upperBound), reference: referenceDay ?? 0, start: i, end: p.end, instant: instant ? rangeEnd : nil)
    }

    /// The part of a year, month or week (`period` as first and last day numbers).
    private func narrowed(_ part: PeriodPart, unit: GrammarWord, period: (Int, Int), reference day: Int, start: Int, end: Int, instant: RangeEnd? = nil) -> DateMatch? {
        let (first, last) = period
        if let instant {
            // The point the part names: the period's first day, its middle, or the day after it;
            // a range's high end is the day before that point.
            let point = part == .early ? first : (part == .middle ? first + (last - first + 1) / 2 : last + 1)
            let d = CalendarDate(dayNumber: instant == .low ? point : point - 1)
            return DateMatch(start: start, end: end, low: d, high: d)
        }
        let low: CalendarDate
        let high: CalendarDate
        switch part {
        case .earlier:
            guard day > first, day <= last else { return nil }
            (low, high) = (CalendarDate(dayNumber: first), CalendarDate(dayNumber: day - 1))
        case .later:
            guard day >= first, day < last else { return nil }
            (low, high) = (CalendarDate(dayNumber: day), CalendarDate(dayNumber: last))
        case .early, .middle, .late:
            let index = part == .early ? 0 : (part == .middle ? 1 : 2)
            switch unit {
            case .year:
                let y = CalendarDate(dayNumber: first).year
                (low, high) = (CalendarDate(year: y, month: 1 + 4 * index), CalendarDate(year: y, month: 4 + 4 * index))
            case .month:
                let days = [(1, 10), (11, 20), (21, last - first + 1)][index]
                (low, high) = (CalendarDate(dayNumber: first + days.0 - 1), CalendarDate(dayNumber: first + days.1 - 1))
            default:
                let days = [(0, 2), (1, 3), (3, 6)][index]
                (low, high) = (CalendarDate(dayNumber: first + days.0), CalendarDate(dayNumber: first + days.1))
            }
        }
        return DateMatch(start: start, end: end, low: low, high: high)
    }
}
