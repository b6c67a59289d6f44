import TallyCore

/// Named holidays (`holiday` in `rules/lexicon/holidays.yaml`): "easter 2018", "Independence Day
/// of this year", "last Thanksgiving", "on Christmas Day". The year written picks the day;
/// without one it is counted from the reference: "last"/"previous" the latest before it,
/// "next"/"following" the first after it, "this" the reference year's, and a bare name the latest
/// on or before it unless it falls within a month ahead (as "May 16" is read). A bare name is a
/// date only after a date word ("on", "since", "before", …): "a Christmas market" names no day.
extension ScanContext {
    func holiday(at i: Int) -> DateMatch? {
        var j = i
        var step: Int? = nil
        if !has(i, .holiday) || phrase(vocabulary.holidayTable, at: i) == nil {
            switch gram(i) {
            case .last: step = -1
            case .next, .following: step = 1
            case .this: step = 0
            default:
                let w = lower(i)
                if w == "previous" { step = -1 } else if w == "coming" { step = 1 } else { return nil }
            }
            j = i + 1
        }
        guard has(j, .holiday), let (rule, nameEnd) = phrase(vocabulary.holidayTable, at: j) else { return nil }
        var end = nameEnd
        var year: Int? = nil
        if let y = integer(end), y >= 1000, y < 3000, !adjacent(end) {
            year = y
            end += 1
        } else if gram(end) == .of, let y = integer(end + 1), y >= 1000, y < 3000 {
            year = y
            end += 2
        } else if gram(end) == .of, gram(end + 2) == .year, [.this, .last, .next].contains(gram(end + 1)) {
            guard let ref = reference else { return DateMatch(start: i, end: end + 3, low: nil, high: nil) }
            year = ref.year + (gram(end + 1) == .last ? -1 : (gram(end + 1) == .next ? 1 : 0))
            end += 3
        }
        if let year {
            guard step == nil, let day = rule.day(in: year) else { return nil }
            let d = CalendarDate(dayNumber: day)
            return DateMatch(start: i, end: end, low: d, high: d)
        }
        guard step != nil || hasDateContext(before: i) else { return nil }
        guard let ref = reference, let refDay = referenceDay else { return DateMatch(start: i, end: end, low: nil, high: nil) }
        var found: Int?
        switch step {
        case .some(-1): found = [ref.year, ref.year - 1, ref.year - 2].lazy.compactMap { rule.day(in: $0) }.first { $0 < refDay }
        case .some(1): found = [ref.year, ref.year + 1, ref.year + 2].lazy.compactMap { rule.day(in: $0) }.first { $0 > refDay }
        case .some(0): found = rule.day(in: ref.year)
        default: found = [ref.year + 1, ref.year, ref.year - 1, ref.year - 2].lazy.compactMap { rule.day(in: $0) }.first { $0 <= refDay + 31 }
        }
        guard let day = found else { return nil }
        let d = CalendarDate(dayNumber: day)
        return DateMatch(start: i, end: end, low: d, high: d)
    }
}
