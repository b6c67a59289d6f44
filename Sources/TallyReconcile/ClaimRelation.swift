import TallyCore

/// How two claims about the same thing relate.
enum ClaimRelation: Int, Comparable {
    /// Not compared: two figures of one article from the same speaker (or both in its own voice) count
    /// different things more often than they contradict ("12 aircraft destroyed … 3 damaged"); so do an
    /// attributed figure and the article's own when they are far apart (`rivals`).
    case unrelated = -1
    case same = 0
    case overlap = 1
    /// A total to date read on two days, the later reading not lower, or a standing count read on two
    /// days: an update, not a contradiction. Two readings from articles that give no day are read so
    /// too, since either may be the later.
    case updated = 2
    /// Compatible once per-side vs total (or mutual vs one-way) is accounted for.
    case framing = 3
    case disjoint = 4

    static func < (a: ClaimRelation, b: ClaimRelation) -> Bool { a.rawValue < b.rawValue }

    /// Compares two claims on an axis; `sided` says whether scope arithmetic applies to the group.
    /// Figures of different statuses (a plan and a delivery, a projection and a count, a part and the
    /// whole) may agree, but their difference is no contradiction: it is `unrelated`.
    /// `oneSource` says the two claims come from one article or from copies of one (`CopyClusters`).
    static func between(_ a: Claim, _ b: Claim, axis: Axis, sided: Bool, oneSource: Bool? = nil) -> ClaimRelation {
        let relation = comparing(a, b, axis: axis, sided: sided, oneSource: oneSource ?? (a.doc == b.doc))
        guard relation > .updated else { return relation }
        // An earlier reading stands against nothing, not even another earlier reading.
        let superseded = a.status == .superseded || b.status == .superseded
        return superseded || statusClass(a) != statusClass(b) ? .unrelated : relation
    }

    /// A total to date is a figure stated as done; every other status (a standing count too) is its own.
    static func statusClass(_ claim: Claim) -> ClaimStatus? {
        claim.status == .runningTotal ? nil : claim.status
    }

    private static func comparing(_ a: Claim, _ b: Claim, axis: Axis, sided: Bool, oneSource: Bool) -> ClaimRelation {
        guard let x = a.interval(on: axis), let y = b.interval(on: axis) else { return .overlap }
        if let (earlier, later) = readingDays(a, x, b, y) {
            // A later reading at or above the earlier one updates it; a total that fell is a contradiction,
            // a standing count that fell is people found, returned or freed.
            if later.high >= earlier.low || a.status == .standing {
                // The same total read again is an agreement; a different one that overlaps, a variance.
                guard x.overlaps(y) else { return .updated }
                return agreeing(a, x, b, y)
            }
        }
        if undatedReadings(a, b), !x.overlaps(y) {
            // Neither article says when its total was read: the higher may simply be the later one.
            return .updated
        }
        if oneSource, a.sentence == b.sentence || a.speaker == b.speaker || (a.speaker == nil || b.speaker == nil) && !(axis == .count && rivals(x, y)) {
            let relation = compare(a, x, b, y, sided: sided)
            return relation == .disjoint ? .unrelated : relation
        }
        return compare(a, x, b, y, sided: sided)
    }

    /// Whether a count an article states in its own voice and one it attributes are close enough to be
    /// rival counts of one thing ("12 Thai hostages", the prime minister said; "only 10 were released"):
    /// within a factor of `rivalRatio`. Far apart, they more often count a part and the whole ("44 seats",
    /// the commission said … "the 450-seat chamber") than contradict each other; and an article's sums,
    /// near or not, are most often different lines of one budget (counts only are rivals).
    static func rivals(_ x: Interval, _ y: Interval) -> Bool {
        let (lower, upper) = x.high <= y.high ? (x, y) : (y, x)
        return lower.high > 0 && upper.low <= lower.high * rivalRatio
    }

    static let rivalRatio = 2.0

    /// Two readings of one status from different articles that may have been read on different days: two
    /// totals to date neither of which gives its day, or two standing counts either of which does not (a
    /// count that rises and falls may have stood at either figure on an unknown day).
    static func undatedReadings(_ a: Claim, _ b: Claim) -> Bool {
        guard a.status?.isReading == true, a.status == b.status, a.doc != b.doc else { return false }
        return a.status == .standing ? readingDay(a) == nil || readingDay(b) == nil : readingDay(a) == nil && readingDay(b) == nil
    }

    /// For two readings of one status read on different days, their intervals in time order; else nil.
    static func readingDays(_ a: Claim, _ x: Interval, _ b: Claim, _ y: Interval) -> (earlier: Interval, later: Interval)? {
        guard a.status?.isReading == true, a.status == b.status, let dayA = readingDay(a), let dayB = readingDay(b), dayA != dayB
        else { return nil }
        return dayA < dayB ? (x, y) : (y, x)
    }

    /// `Reconciler.day(of:)` as a day number (days since 1970), read straight from the event's bytes when
    /// it is written `YYYY-MM-DD`, as events are: the relation is asked for every pair of a group, and
    /// parsing a `CalendarDate` for each was a tenth of the reduce. Any other event goes through
    /// `Reconciler.day(of:)`, so the answer is the same for every event.
    static func readingDay(_ claim: Claim) -> Int? {
        guard let event = claim.event else { return nil }
        if let day = isoDay(event.utf8) { return day }
        return Reconciler.day(of: claim).map { CalendarDate.dayNumber(year: $0.year, month: $0.month!, day: $0.day!) }
    }

    /// For exactly `DDDD-DD-DD` (ASCII digits), its day number, or nil inside when it names no real day
    /// (as `CalendarDate(iso:)` refuses it); nil outside for any other text, left to `CalendarDate(iso:)`.
    private static func isoDay(_ text: String.UTF8View) -> Int?? {
        guard text.count == 10 else { return nil }
        var (year, month, day) = (0, 0, 0)
        for (offset, byte) in text.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == 0x2D else { return nil }
                continue
            }
            let digit = Int(byte) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            if offset < 4 { year = year * 10 + digit } else if offset < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        guard month >= 1, month <= 12, day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return .some(nil) }
        return CalendarDate.dayNumber(year: year, month: month, day: day)
    }

    private static func compare(_ a: Claim, _ x: Interval, _ b: Claim, _ y: Interval, sided: Bool) -> ClaimRelation {
        if sided, let relation = scoped(a, x, b, y) { return relation }
        if x.overlaps(y) { return agreeing(a, x, b, y) }
        if sided, readings(a, x).contains(where: { r in readings(b, y).contains(where: { $0.overlaps(r) }) }) {
            return .framing
        }
        return .disjoint
    }

    /// Two overlapping figures: the same when stated alike or when they name one figure, else an overlap.
    private static func agreeing(_ a: Claim, _ x: Interval, _ b: Claim, _ y: Interval) -> ClaimRelation {
        x == y && a.qualifier == b.qualifier || statesSameFigure(a, b) || bounds(a, x, b, y) || bounds(b, y, a, x) ? .same : .overlap
    }

    /// Whether `a` states an open bound ("over 250", "up to 1,200") that `b`'s exact figure, in the same
    /// unit, lies within and close to (`Hedge.rounding`): the two say the same thing, one more precisely
    /// ("over 250" hostages and 251; "more than 40" warplanes and 41). Further off ("at least 29" dead and
    /// 33) the bound is another count that the figure merely fits.
    private static func bounds(_ a: Claim, _ x: Interval, _ b: Claim, _ y: Interval) -> Bool {
        guard [.atLeast, .moreThan, .atMost, .lessThan].contains(a.qualifier), b.qualifier == .exact, y.low == y.high, a.unit == b.unit, a.scope == b.scope,
            case .number(let named)? = a.value, x.low <= y.low, y.high <= x.high
        else { return false }
        return abs(y.low - named) <= abs(named) * Hedge.rounding
    }

    /// Whether two claims name one figure, hedged or not: "270", "at least 270", "about 270" and "up to 270"
    /// all state 270, and sources that write them agree on it ("more than" and "nearly" exclude it).
    static func statesSameFigure(_ a: Claim, _ b: Claim) -> Bool {
        guard let figure = a.statedFigure, figure == b.statedFigure else { return false }
        return a.unit == b.unit && a.scope == b.scope
    }

    /// Both scopes stated and different: only the per-side readings can agree, and that is framing.
    private static func scoped(_ a: Claim, _ x: Interval, _ b: Claim, _ y: Interval) -> ClaimRelation? {
        guard let sa = a.scope, let sb = b.scope, sa != sb else { return nil }
        let agree = readings(a, x).contains { r in readings(b, y).contains { $0.overlaps(r) } }
        return agree ? .framing : .disjoint
    }

    /// The claim's figure read as a per-side count: a total is two sides; an unstated scope may be either.
    static func readings(_ claim: Claim, _ interval: Interval) -> [Interval] {
        switch claim.scope {
        case .perSide?, .oneSide?: return [interval]
        case .total?: return [interval.scaled(by: 0.5)]
        case nil: return [interval, interval.scaled(by: 0.5)]
        }
    }
}
