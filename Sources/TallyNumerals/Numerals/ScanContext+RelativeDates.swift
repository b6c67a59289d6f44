import TallyCore

/// Dates relative to the publication date, resolved past-biased as news is written:
/// "on Monday" is the latest Monday on or before the reference day; "May 16" is the latest
/// May 16 unless it falls within a month after the reference; "in May" is the latest May.
extension ScanContext {
    func relativeDate(at i: Int) -> DateMatch? {
        let w = gram(i)
        if isInsideDateName(i) { return DateMatch(start: i, end: i + 1, low: nil, high: nil) }
        if w == .yesterday || w == .today || w == .tomorrow {
            let offset = w == .yesterday ? -1 : (w == .today ? 0 : 1)
            let d = referenceDay.map { CalendarDate(dayNumber: $0 + offset) }
            return DateMatch(start: i, end: i + 1, low: d, high: d)
        }
        // "at the weekend", "over the weekend", "that weekend": the latest Saturday and Sunday, as a
        // bare weekday is read (on a Friday, the coming one). Not "a weekend", nor "weekends".
        if w == .weekend, gram(i - 1) == .the || gram(i - 1) == .that {
            guard let day = referenceDay else { return DateMatch(start: i, end: i + 1, low: nil, high: nil) }
            let back = (CalendarDate(dayNumber: day).weekday - 5 + 7) % 7
            let saturday = back == 6 ? day + 1 : day - back
            return DateMatch(start: i, end: i + 1, low: CalendarDate(dayNumber: saturday), high: CalendarDate(dayNumber: saturday + 1))
        }
        // "the year to date", "year-to-date": from January 1 to the reference.
        if w == .year, let end = yearToDate(at: i) {
            guard let day = referenceDay else { return DateMatch(start: i, end: end, low: nil, high: nil) }
            let today = CalendarDate(dayNumber: day)
            return DateMatch(start: i, end: end, low: CalendarDate(year: today.year, month: 1, day: 1), high: today)
        }
        if w == .last || w == .next || w == .this, month(at: i + 1) == nil {
            let step = w == .last ? -1 : (w == .next ? 1 : 0)
            let unit = gram(i + 1)
            if unit == .week {
                guard let day = referenceDay else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let monday = day - CalendarDate(dayNumber: day).weekday + 7 * step
                // "next week on Tuesday", "last week Wednesday": that day of the week.
                if let (weekday, end) = dayOfWeek(at: gram(i + 2) == .on ? i + 3 : i + 2) {
                    let d = CalendarDate(dayNumber: monday + weekday)
                    return DateMatch(start: i, end: end, low: d, high: d)
                }
                return DateMatch(start: i, end: i + 2, low: CalendarDate(dayNumber: monday), high: CalendarDate(dayNumber: monday + 6))
            }
            if unit == .weekend {
                // "last weekend": the Saturday and Sunday before the reference's week. "This weekend"
                // and "next weekend" name plans, not the date of anything reported (the real-news
                // gold leaves them out), and are not read.
                guard step == -1 else { return nil }
                guard let day = referenceDay else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let saturday = day - CalendarDate(dayNumber: day).weekday + 7 * step + 5
                return DateMatch(start: i, end: i + 2, low: CalendarDate(dayNumber: saturday), high: CalendarDate(dayNumber: saturday + 1))
            }
            if unit == .month {
                guard let ref = reference else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let index = ref.year * 12 + (ref.month ?? 1) - 1 + step
                let d = CalendarDate(year: index / 12, month: index % 12 + 1)
                return DateMatch(start: i, end: i + 2, low: d, high: d)
            }
            if unit == .year {
                guard let ref = reference else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let d = CalendarDate(year: ref.year + step)
                return DateMatch(start: i, end: i + 2, low: d, high: d)
            }
            if let weekday = word(NumberWords.weekdays, i + 1) {
                if let dated = partialDate(at: dateStart(afterWeekday: i + 2), context: true), dated.day != nil { return nil }
                guard let day = referenceDay else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let today = CalendarDate(dayNumber: day).weekday
                var target: Int
                switch step {
                case -1: target = day - ((today - weekday + 6) % 7 + 1)
                case 1: target = day + ((weekday - today + 6) % 7 + 1)
                default: target = day - today + weekday
                }
                let d = CalendarDate(dayNumber: target)
                return DateMatch(start: i, end: i + 2, low: d, high: d)
            }
            return nil
        }
        // A bare weekday ("on Monday", "Monday's talks") unless a date follows it.
        if let (weekday, end) = weekday(at: i), word(NumberWords.weekdays, i) != nil || hasDateContext(before: i) {
            // "Tuesday of last week", "Monday of the following week": that day of the week named.
            if gram(end) == .of, let week = namedWeek(at: end + 1) {
                guard let monday = week.monday else { return DateMatch(start: i, end: week.end, low: nil, high: nil) }
                let d = CalendarDate(dayNumber: monday + weekday)
                return DateMatch(start: i, end: week.end, low: d, high: d)
            }
            if let dated = partialDate(at: dateStart(afterWeekday: end), context: true), dated.day != nil { return nil }
            guard let day = referenceDay else { return DateMatch(start: i, end: end, low: nil, high: nil) }
            let today = CalendarDate(dayNumber: day).weekday
            // The last such day, up to today; tomorrow's weekday is tomorrow, since news dated the
            // evening before (or a page dated when it was first posted) names the next day that way.
            let back = (today - weekday + 7) % 7
            let d = CalendarDate(dayNumber: back == 6 ? day + 1 : day - back)
            return DateMatch(start: i, end: end, low: d, high: d)
        }
        return ago(at: i) ?? offset(at: i)
    }

    /// A weekday written in full at `j` ("Tuesday", not "Tue"), unless a date follows it: its index
    /// (Monday 0) and end.
    private func dayOfWeek(at j: Int) -> (Int, Int)? {
        guard word(NumberWords.weekdays, j) != nil, let (weekday, end) = weekday(at: j) else { return nil }
        if let dated = partialDate(at: dateStart(afterWeekday: end), context: true), dated.day != nil { return nil }
        return (weekday, end)
    }

    /// "last week", "the following week", "this week" at `j`: its Monday (nil without a reference) and end.
    private func namedWeek(at j: Int) -> (monday: Int?, end: Int)? {
        let k = gram(j) == .the ? j + 1 : j
        let step: Int
        switch lower(k) {
        case "last", "previous": step = -1
        case "next", "following": step = 1
        case "this": step = 0
        default: return nil
        }
        guard gram(k + 1) == .week else { return nil }
        guard let day = referenceDay else { return (nil, k + 2) }
        return (day - CalendarDate(dayNumber: day).weekday + 7 * step, k + 2)
    }

    /// "year to date" or "year-to-date" at `i` ("year"): the end of the phrase.
    private func yearToDate(at i: Int) -> Int? {
        if gram(i + 1) == .to, let end = toDate(at: i + 2), end == i + 3 { return end }
        if isPunct(i + 1, .hyphen), adjacent(i + 1), gram(i + 2) == .to, adjacent(i + 2), isPunct(i + 3, .hyphen), adjacent(i + 3), adjacent(i + 4),
            let end = toDate(at: i + 4), end == i + 5
        {
            return end
        }
        return nil
    }

    /// "three weeks from tomorrow", "ten days from now", "two days before yesterday", "a year from
    /// today": a day counted from the reference's (days, weeks, months or years before, after or from
    /// it). Only from now, today, tomorrow or yesterday: "two days after Saturday" states the gap and
    /// the anchor's date as two figures (the corpus gold has both), and "for 3 days from today" is a
    /// duration starting today.
    private func offset(at i: Int) -> DateMatch? {
        let g2 = gram(i + 2)
        let g3 = gram(i + 3)
        guard g2 == .before || g2 == .after || g2 == .from || g3 == .before || g3 == .after || g3 == .from else { return nil }
        guard let e = number(at: i) ?? (gram(i) == .a || gram(i) == .an ? NumberExpr(value: 1, start: i, end: i + 1) : nil), e.isCardinal,
            e.value == e.value.rounded(), e.value >= 1, e.value < 10_000, let unit = timeUnit(e.end)
        else { return nil }
        let direction = gram(e.end + 1)
        guard direction == .before || direction == .after || direction == .from else { return nil }
        guard unit == .days || unit == .weeks || unit == .months || unit == .years else { return nil }
        let k = e.end + 2
        let anchor = gram(k)
        guard anchor == .today || anchor == .tomorrow || anchor == .yesterday || (anchor == .now && direction == .from), gram(i - 1) != .for_ else { return nil }
        let end = k + 1
        guard let day = referenceDay else { return DateMatch(start: i, end: end, low: nil, high: nil) }
        let anchorDay = day + (anchor == .tomorrow ? 1 : (anchor == .yesterday ? -1 : 0))
        let n = Int(e.value) * (direction == .before ? -1 : 1)
        let d: CalendarDate
        switch unit {
        case .days: d = CalendarDate(dayNumber: anchorDay + n)
        case .weeks: d = CalendarDate(dayNumber: anchorDay + 7 * n)
        default:
            let a = CalendarDate(dayNumber: anchorDay)
            let index = a.year * 12 + (a.month ?? 1) - 1 + (unit == .months ? n : 12 * n)
            let (y, m) = (index / 12, index % 12 + 1)
            d = CalendarDate(year: y, month: m, day: min(a.day ?? 1, CalendarDate.daysIn(month: m, year: y)))
        }
        return DateMatch(start: i, end: end, low: d, high: d)
    }

    /// "two days ago", "3 years ago": a date counted back from the reference, at the precision
    /// of its unit (days and weeks: a day; months: a month; years: a year).
    private func ago(at i: Int) -> DateMatch? {
        guard gram(i + 2) == .ago || gram(i + 3) == .ago || gram(i + 4) == .ago, let e = number(at: i) ?? (gram(i) == .a || gram(i) == .an ? NumberExpr(value: 1, start: i, end: i + 1) : nil), e.isCardinal,
            e.value == e.value.rounded(), e.value >= 0, e.value < 10_000, let unit = timeUnit(e.end), gram(e.end + 1) == .ago
        else { return nil }
        let end = e.end + 2
        guard let ref = reference, let day = referenceDay else { return DateMatch(start: i, end: end, low: nil, high: nil) }
        let n = Int(e.value)
        let d: CalendarDate
        switch unit {
        case .days: d = CalendarDate(dayNumber: day - n)
        case .weeks: d = CalendarDate(dayNumber: day - 7 * n)
        case .months:
            let index = ref.year * 12 + (ref.month ?? 12) - 1 - n
            d = CalendarDate(year: index / 12, month: index % 12 + 1)
        case .years: d = CalendarDate(year: ref.year - n)
        default: return nil
        }
        return DateMatch(start: i, end: end, low: d, high: d)
    }

    /// Token `i` belongs to a name such as "Black Friday" or "USA Today" (`date_name`).
    func isInsideDateName(_ i: Int) -> Bool {
        guard has(i, .weekday) || gram(i) == .today || gram(i) == .sunday else { return false }
        for k in max(0, i - 3)...i {
            if let (_, end) = phrase(vocabulary.dateNameTable, at: k), end > i { return true }
        }
        return false
    }

    /// The reference as a day number (its last day when it is coarser than a day).
    var referenceDay: Int? { reference?.dayRange.upperBound }

    /// Resolves a written date; relative ones need the reference, past-biased.
    func resolve(_ p: PartialDate) -> CalendarDate? {
        if p.dayOnly, let d = p.day {
            // "the 18th": that day of the reference month.
            guard let ref = reference, let m = ref.month else { return nil }
            var index = ref.year * 12 + m - 1
            for _ in 0..<36 {
                let (y, mo) = (index / 12, index % 12 + 1)
                if d <= CalendarDate.daysIn(month: mo, year: y) {
                    let candidate = CalendarDate(year: y, month: mo, day: d)
                    if p.weekday == nil || candidate.weekday == p.weekday { return candidate }
                }
                index -= 1
            }
            return nil
        }
        if let y = p.year {
            guard let m = p.month else { return CalendarDate(year: y) }
            if let d = p.day {
                guard d <= CalendarDate.daysIn(month: m, year: y) else { return nil }
                return CalendarDate(year: y, month: m, day: d)
            }
            return CalendarDate(year: y, month: m)
        }
        if reference == nil, let weekday = p.weekday, let m = p.month, let d = p.day {
            return CalendarDate.latest(month: m, day: d, weekday: weekday)
        }
        guard let ref = reference, let refDay = referenceDay, let m = p.month else { return nil }
        if let d = p.day {
            var year = ref.year
            if d > 31 { return nil }
            // A date up to a month ahead is the coming one ("talks on June 20"); later ones are last
            // year's. February 29 goes back to the last leap year.
            if d <= CalendarDate.daysIn(month: m, year: year), CalendarDate.dayNumber(year: year, month: m, day: d) > refDay + 31 { year -= 1 }
            var tries = 0
            while d > CalendarDate.daysIn(month: m, year: year), tries < 8 {
                year -= 1
                tries += 1
            }
            guard d <= CalendarDate.daysIn(month: m, year: year) else { return nil }
            return CalendarDate(year: year, month: m, day: d)
        }
        let refMonth = ref.month ?? 12
        return CalendarDate(year: m > refMonth ? ref.year - 1 : ref.year, month: m)
    }
}
