/// A unit name ("hours", "USD", "percent") interned by the vocabulary (`NumeralVocabulary.unitNames`),
/// so the scanner's `Measure` and `Found` hold two bytes instead of a `String` and copy as plain
/// values. Equal ids are equal names. The time units, "percent", "fraction" and "all" have fixed
/// ids; currency codes and any other time-unit names follow in the order the vocabulary met them.
struct UnitID: Hashable, Sendable {
    let raw: UInt16

    static let seconds = UnitID(raw: 0)
    static let minutes = UnitID(raw: 1)
    static let hours = UnitID(raw: 2)
    static let days = UnitID(raw: 3)
    static let weeks = UnitID(raw: 4)
    static let months = UnitID(raw: 5)
    static let quarters = UnitID(raw: 6)
    static let years = UnitID(raw: 7)
    static let percent = UnitID(raw: 8)
    static let fraction = UnitID(raw: 9)
    static let all = UnitID(raw: 10)

    /// The names of the fixed ids, in id order.
    static let builtin = ["seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years", "percent", "fraction", "all"]

    /// For the time units, their order from seconds (0) to years (7), as `TimeUnit.rank`.
    var timeRank: Int? { raw <= UnitID.years.raw ? Int(raw) : nil }
}

/// The interned unit names of a vocabulary.
struct UnitNames: Sendable {
    private(set) var names: [String] = UnitID.builtin
    private var ids: [String: UnitID] = Dictionary(uniqueKeysWithValues: UnitID.builtin.enumerated().map { ($0.element, UnitID(raw: UInt16($0.offset))) })

    /// The id of `name`, adding it if new.
    mutating func intern(_ name: String) -> UnitID {
        if let id = ids[name] { return id }
        let id = UnitID(raw: UInt16(names.count))
        names.append(name)
        ids[name] = id
        return id
    }

    /// The id of a name already interned.
    func id(of name: String) -> UnitID? { ids[name] }

    @inline(__always) subscript(id: UnitID) -> String { names[Int(id.raw)] }
}

extension TimeUnit {
    /// `seconds[name]` by id (nil for units that are not time units).
    private static let secondsByID: [Double] = [1, 60, 3600, 86_400, 604_800, 2_592_000, 7_776_000, 31_536_000]

    /// `factor(_:_:)` by id: how many `to` make one `from`.
    static func factor(_ from: UnitID, _ to: UnitID) -> Double {
        if let a = calendarMonths(from), let b = calendarMonths(to) { return a / b }
        let f = from.timeRank.map { secondsByID[$0] } ?? 1
        let t = to.timeRank.map { secondsByID[$0] } ?? 1
        return f / t
    }

    /// Months in a calendar unit (months, quarters, years).
    private static func calendarMonths(_ u: UnitID) -> Double? {
        switch u {
        case .months: return 1
        case .quarters: return 3
        case .years: return 12
        default: return nil
        }
    }

    /// `smaller[name]` by id.
    static func smaller(_ u: UnitID) -> UnitID? {
        switch u {
        case .minutes: return .seconds
        case .hours: return .minutes
        case .days: return .hours
        case .weeks: return .days
        default: return nil
        }
    }

    /// `normalise(_:_:)` by id.
    static func normalise(_ value: Double, _ unit: UnitID) -> (Double, UnitID) {
        var value = value
        var unit = unit
        while value != value.rounded(), let next = smaller(unit) {
            let converted = value * factor(unit, next)
            guard abs(converted - converted.rounded()) < 1e-9 else { break }
            value = converted.rounded()
            unit = next
        }
        return (value, unit)
    }
}
