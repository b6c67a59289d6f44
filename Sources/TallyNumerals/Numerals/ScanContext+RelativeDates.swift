import TallyCore

/// Dates relative to the publication date, resolved past-biased as news is written:
/// "on Monday" is the latest Monday on or before the reference day; "May 16" is the latest
/// May 16 unless it falls within a month after the reference; "in May" is the latest May.
extension ScanContext {
    func relativeDate(at i: Int) -> DateMatch? {
        let w = lower(i)
        if w == "yesterday" || w == "today" || w == "tomorrow" {
            let offset = w == "yesterday" ? -1 : (w == "today" ? 0 : 1)
            let d = referenceDay.map { CalendarDate(dayNumber: $0 + offset) }
            return DateMatch(start: i, end: i + 1, low: d, high: d)
        }
        if w == "last" || w == "next" || w == "this" {
            let step = w == "last" ? -1 : (w == "next" ? 1 : 0)
            let unit = lower(i + 1)
            if unit == "week" {
                guard let day = referenceDay else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let monday = day - CalendarDate(dayNumber: day).weekday + 7 * step
                return DateMatch(start: i, end: i + 2, low: CalendarDate(dayNumber: monday), high: CalendarDate(dayNumber: monday + 6))
            }
            if unit == "month" {
                guard let ref = reference else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let index = ref.year * 12 + (ref.month ?? 1) - 1 + step
                let d = CalendarDate(year: index / 12, month: index % 12 + 1)
                return DateMatch(start: i, end: i + 2, low: d, high: d)
            }
            if unit == "year" {
                guard let ref = reference else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
                let d = CalendarDate(year: ref.year + step)
                return DateMatch(start: i, end: i + 2, low: d, high: d)
            }
            if let weekday = NumberWords.weekdays[unit] {
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
        // A bare weekday ("on Monday", "Monday's talks") unless a month-day follows it.
        if let weekday = NumberWords.weekdays[w], isCapitalised(i) {
            var k = i + 1
            if isPunct(k, ",") { k += 1 }
            if month(at: k) != nil || (day(at: k) != nil && month(at: k + 1) != nil) { return nil }
            guard let day = referenceDay else { return DateMatch(start: i, end: i + 1, low: nil, high: nil) }
            let today = CalendarDate(dayNumber: day).weekday
            let d = CalendarDate(dayNumber: day - (today - weekday + 7) % 7)
            return DateMatch(start: i, end: i + 1, low: d, high: d)
        }
        return nil
    }

    /// The reference as a day number (its last day when it is coarser than a day).
    var referenceDay: Int? { reference?.dayRange.upperBound }

    /// Resolves a written date; relative ones need the reference, past-biased.
    func resolve(_ p: PartialDate) -> CalendarDate? {
        if let y = p.year {
            guard let m = p.month else { return CalendarDate(year: y) }
            if let d = p.day {
                guard d <= CalendarDate.daysIn(month: m, year: y) else { return nil }
                return CalendarDate(year: y, month: m, day: d)
            }
            return CalendarDate(year: y, month: m)
        }
        guard let ref = reference, let refDay = referenceDay, let m = p.month else { return nil }
        if let d = p.day {
            var year = ref.year
            if d > CalendarDate.daysIn(month: m, year: year) { return nil }
            // A date up to a month ahead is the coming one ("talks on June 20"); later ones are last year's.
            if CalendarDate.dayNumber(year: year, month: m, day: d) > refDay + 31 { year -= 1 }
            guard d <= CalendarDate.daysIn(month: m, year: year) else { return nil }
            return CalendarDate(year: year, month: m, day: d)
        }
        let refMonth = ref.month ?? 12
        return CalendarDate(year: m > refMonth ? ref.year - 1 : ref.year, month: m)
    }
}
