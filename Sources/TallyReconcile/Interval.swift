import TallyCore

/// A closed interval on one comparable axis (counts, minutes, day numbers, currency units).
struct Interval: Hashable, Sendable {
    var low: Double
    var high: Double

    /// Relative slack allowed when comparing near-equal bounds (rounding in news copy).
    static let epsilon = 1e-9

    func overlaps(_ other: Interval) -> Bool {
        low <= other.high + Interval.epsilon * max(1, abs(other.high)) && other.low <= high + Interval.epsilon * max(1, abs(high))
    }

    func scaled(by factor: Double) -> Interval { Interval(low: low * factor, high: high * factor) }

    /// Distance between two disjoint intervals relative to their size (0 when they overlap).
    func gap(to other: Interval) -> Double {
        if overlaps(other) { return 0 }
        let distance = low > other.high ? low - other.high : other.low - high
        return distance / max(1, min(abs(high), abs(other.high)))
    }
}

/// How hedges widen a stated figure into the interval the reconciler compares.
enum Hedge {
    /// "about 400", "roughly 90 minutes": ±10%.
    static let approximate = 0.10
    /// Open ends on dates ("after May 1") reach this far.
    static let unbounded = Double.greatestFiniteMagnitude / 4
    /// How far above its figure an open-ended count, duration or amount reaches ("more than", "at least"):
    /// news writes "more than 3,000" for a figure near the one it names, so "more than 3,000" stands
    /// against "more than 5,300", while "more than 200" still agrees with 240.
    static let openReach = 0.25
    /// A large round count stated without a hedge ("11,000 dead", "a further 10,000 missing") is read
    /// this far either side: news rounds such tolls, so 11,000 and 11,300 differ in wording, not in fact.
    static let rounding = 0.05

    /// Whether a count is large and round: at least 10,000 and a whole number of thousands.
    static func isRound(_ value: Double) -> Bool { value >= 10_000 && value.truncatingRemainder(dividingBy: 1_000) == 0 }

    /// Strict inequalities ("more than 40") exclude the figure itself by this fraction.
    static let strict = 1e-6
}

extension Claim {
    /// The one number a claim names when its hedge includes that number ("270", "at least 270", "about
    /// 270", "up to 270"); nil for ranges and for hedges that exclude it ("more than", "nearly").
    var statedFigure: Double? {
        guard case .number(let n)? = value, [.exact, .atLeast, .atMost, .approximate].contains(qualifier) else { return nil }
        return n
    }

    /// The comparable interval this claim asserts, or nil when it has no figure on `axis`.
    func interval(on axis: Axis) -> Interval? {
        func number(_ figure: Figure?) -> Double? {
            switch figure {
            case .number(let n)?: return axis.convert(n, unit: unit)
            case .date(let d)?: return axis == .days ? Double(d.dayRange.lowerBound) : nil
            case nil: return nil
            }
        }
        func lastDay(_ figure: Figure?) -> Double? {
            if case .date(let d)? = figure, axis == .days { return Double(d.dayRange.upperBound) }
            return number(figure)
        }
        let value = number(self.value)
        let above = qualifier == .atLeast || qualifier == .moreThan
        // "Up to", "as many as" and "less than" name a ceiling, often a projection's, that any lower figure
        // fits ("nearly" states its floor, 10% below, when extracted).
        var low = number(self.low) ?? (qualifier == .atMost || qualifier == .lessThan ? 0 : value)
        var high = lastDay(self.high) ?? (above ? (axis == .days ? Hedge.unbounded : value.map { $0 + abs($0) * Hedge.openReach }) : lastDay(self.value))
        guard var lo = low, var hi = high else { return nil }
        if qualifier == .exact, axis == .count, lo == hi, Hedge.isRound(lo) {
            // "11,000" beside "11,300" is a rounded figure, not another count.
            lo -= lo * Hedge.rounding
            hi += hi * Hedge.rounding
        }
        if axis == .minutes, unit == "months" {
            // A month is 28 to 31 days: "a month-long ceasefire" and "a 30-day ceasefire" may be one length.
            lo *= Axis.shortestMonth / Axis.minutesPerUnit["months"]!
            hi *= Axis.longestMonth / Axis.minutesPerUnit["months"]!
        }
        switch qualifier {
        case .approximate:
            lo -= abs(lo) * Hedge.approximate
            hi += abs(hi) * Hedge.approximate
        case .moreThan where self.low != nil && self.high == nil:
            lo += abs(lo) * Hedge.strict
        case .lessThan where self.high != nil:
            hi -= abs(hi) * Hedge.strict
        default: break
        }
        low = lo
        high = hi
        return Interval(low: min(lo, hi), high: max(lo, hi))
    }
}

/// The axis a group's figures are compared on.
enum Axis: Hashable, Sendable {
    case count
    /// Durations, in minutes.
    case minutes
    /// Dates, as day numbers.
    case days
    /// Money in one currency.
    case currency(String)

    static let minutesPerUnit: [String: Double] = [
        "seconds": 1.0 / 60, "minutes": 1, "hours": 60, "days": 1_440, "weeks": 10_080, "months": 43_830, "years": 525_960,
    ]

    /// The shortest and longest month, in minutes: a length in months is read as that range of days.
    static let shortestMonth = 28.0 * 1_440
    static let longestMonth = 31.0 * 1_440

    static func of(_ claim: Claim) -> Axis {
        if claim.value?.date != nil || claim.low?.date != nil || claim.high?.date != nil { return .days }
        if let unit = claim.unit, minutesPerUnit[unit] != nil { return .minutes }
        if claim.kind == "money", let unit = claim.unit { return .currency(unit) }
        return .count
    }

    func convert(_ value: Double, unit: String?) -> Double {
        if self == .minutes, let unit, let factor = Axis.minutesPerUnit[unit] { return value * factor }
        return value
    }
}
