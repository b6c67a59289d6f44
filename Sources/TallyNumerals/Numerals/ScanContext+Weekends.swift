import TallyCore

/// Weekends: "this weekend", "last weekend", "next weekend" are those of this, last and next week
/// (Monday to Sunday); "the weekend", "that weekend", "over the weekend" is the latest one begun by
/// the reference, as news reports what happened, but a deadline ("by the weekend", "until
/// weekend") looks ahead to this week's.
extension ScanContext {
    /// Token `j` is "weekend".
    func isWeekend(_ j: Int) -> Bool { gram(j) == .weekend }

    /// "by", "until", "till" or "before" (then perhaps "the") ends just before token `j`.
    private func isDeadline(before j: Int) -> Bool {
        let k = gram(j - 1) == .the ? j - 2 : j - 1
        let w = gram(k)
        return w == .by || w == .until || w == .till || w == .before
    }

    /// The weekend at token `j` ("weekend"), `step` weeks from this one (nil: the latest begun),
    /// as a mention from `start` to past `j`.
    func weekend(start: Int, at j: Int, step: Int?) -> DateMatch {
        guard let day = referenceDay else { return DateMatch(start: start, end: j + 1, low: nil, high: nil) }
        let weekday = CalendarDate(dayNumber: day).weekday
        let monday = day - weekday
        // Saturday is weekday 5: before it, the latest weekend is last week's.
        let weeks = step ?? (weekday >= 5 || isDeadline(before: j) ? 0 : -1)
        let saturday = monday + 5 + 7 * weeks
        return DateMatch(start: start, end: j + 1, low: CalendarDate(dayNumber: saturday), high: CalendarDate(dayNumber: saturday + 1))
    }
}
