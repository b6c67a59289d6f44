import TallyMemory
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A calendar date at day, month or year precision ("2025-06-02", "2025-06", "2025").
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case day, month, year }

    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    /// ISO 8601 text at this date's precision.
    public var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0) else {
            var text = String(format4: year)
            if let month { text += "-" + String(format2: month) }
            if month != nil, let day { text += "-" + String(format2: day) }
            return text
        }
        // The usual case, written as digits (at most 10 bytes: a small string, no allocation).
        return String(utf8Capacity: 10) { buffer in
            func digits(_ value: Int, _ count: Int) {
                var scale = count == 4 ? 1000 : 10
                while scale > 0 {
                    buffer.append(UInt8(truncatingIfNeeded: 0x30 + value / scale % 10))
                    scale /= 10
                }
            }
            digits(year, 4)
            if let month {
                buffer.append(0x2D)
                digits(month, 2)
                if let day {
                    buffer.append(0x2D)
                    digits(day, 2)
                }
            }
        }
    }

    public var description: String { iso }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
    public init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard let d = Int(parts[2]), (1...CalendarDate.daysIn(month: month!, year: year)).contains(d) else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// First and last day this date covers, as day numbers (days since 1970-01-01).
    public var dayRange: ClosedRange<Int> {
        let firstMonth = month ?? 1
        let lastMonth = month ?? 12
        let first = CalendarDate.dayNumber(year: year, month: firstMonth, day: day ?? 1)
        let last = CalendarDate.dayNumber(year: year, month: lastMonth, day: day ?? CalendarDate.daysIn(month: lastMonth, year: year))
        return first...last
    }

    /// Whether every day of `other` lies within this date ("2025-05" contains "2025-05-16").
    public func contains(_ other: CalendarDate) -> Bool {
        let mine = dayRange
        let theirs = other.dayRange
        return mine.lowerBound <= theirs.lowerBound && theirs.upperBound <= mine.upperBound
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.dayRange.lowerBound, lhs.dayRange.upperBound) < (rhs.dayRange.lowerBound, rhs.dayRange.upperBound)
    }

    // MARK: Day arithmetic (proleptic Gregorian, no Foundation needed)

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day-precision date of a day number (inverse of `dayNumber`).
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Today (UTC): dates after it are refused, and a weekday picks the year of a date written without one.
    public static var today: CalendarDate { CalendarDate(dayNumber: Int(time(nil) / 86_400)) }

    /// "Friday, 24 November" with no year: the latest year, up to `today`, in which that day falls on that
    /// weekday (0 = Monday), looking back at most 28 years (the calendar repeats within them).
    public static func latest(month: Int, day: Int, weekday: Int, upTo today: CalendarDate = .today) -> CalendarDate? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        for year in stride(from: today.year, through: today.year - 28, by: -1) where day <= daysIn(month: month, year: year) {
            let candidate = CalendarDate(year: year, month: month, day: day)
            if candidate <= today, candidate.weekday == weekday { return candidate }
        }
        return nil
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (day precision; the first day otherwise).
    public var weekday: Int {
        let n = dayRange.lowerBound
        return ((n % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (3)
    }
}

extension String {
    init(format4 value: Int) {
        let digits = String(abs(value))
        let padding = String(repeating: "0", count: Swift.max(0, 4 - digits.count))
        self = (value < 0 ? "-" : "") + padding + digits
    }

    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
