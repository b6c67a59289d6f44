import TallyCore

/// "earlier this month", "earlier this year", "earlier in the week": the period so far, from its
/// start to the day before the reference.
extension ScanContext {
    /// The span at token `i` ("earlier"), if a period follows it.
    func earlierThis(at i: Int) -> DateMatch? {
        var k = i + 1
        if gram(k) == .this {
            k += 1
        } else if gram(k) == .in_, gram(k + 1) == .the {
            k += 2
        } else {
            return nil
        }
        let unit = gram(k)
        guard unit == .week || unit == .month || unit == .year else { return nil }
        guard let ref = reference, let day = referenceDay, ref.month != nil || unit == .year else { return DateMatch(start: i, end: k + 1, low: nil, high: nil) }
        let start: Int
        switch unit {
        case .week: start = day - CalendarDate(dayNumber: day).weekday
        case .month: start = CalendarDate.dayNumber(year: ref.year, month: ref.month!, day: 1)
        default: start = CalendarDate.dayNumber(year: ref.year, month: 1, day: 1)
        }
        let end = max(start, day - 1)
        return DateMatch(start: i, end: k + 1, low: CalendarDate(dayNumber: start), high: CalendarDate(dayNumber: end))
    }
}
