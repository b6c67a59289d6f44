import TallyCore

/// When a named holiday falls in a given year (`holiday` in `rules/lexicon/holidays.yaml`): on a
/// fixed day ("12-25"), on the nth weekday of a month ("11/thu/4", "05/mon/-1" for the last),
/// optionally some days after it ("11/thu/4+1", Black Friday), or some days from Easter Sunday
/// ("easter", "easter-2").
public struct HolidayRule: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case fixed(month: Int, day: Int)
        case nth(month: Int, weekday: Int, n: Int)
        case easter
    }
    let kind: Kind
    /// Days added to the day `kind` gives.
    let offset: Int

    static let weekdays = ["mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6]

    /// Parses a rule as written in the lexicon; nil when it is not one.
    public init?(_ text: String) {
        var body = Substring(text.lowercased())
        var offset = 0
        if let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }), body[body.startIndex] != "-",
            body.contains("/") || body.hasPrefix("easter")
        {
            // "11/thu/4+1", "easter-2"; a "-" inside "05/mon/-1" is the ordinal's sign.
            let before = body[..<sign]
            if !before.hasSuffix("/"), let n = Int(body[body.index(after: sign)...]) {
                offset = body[sign] == "-" ? -n : n
                body = before
            }
        }
        self.offset = offset
        if body == "easter" {
            kind = .easter
            return
        }
        let slash = body.split(separator: "/")
        if slash.count == 3, let m = Int(slash[0]), (1...12).contains(m), let w = HolidayRule.weekdays[String(slash[1])], let n = Int(slash[2]),
            n != 0, (-5...5).contains(n)
        {
            kind = .nth(month: m, weekday: w, n: n)
            return
        }
        let dash = body.split(separator: "-")
        guard offset == 0, dash.count == 2, let m = Int(dash[0]), let d = Int(dash[1]), (1...12).contains(m), d >= 1,
            d <= CalendarDate.daysIn(month: m, year: 2000)
        else { return nil }
        kind = .fixed(month: m, day: d)
    }

    /// The holiday's day in `year`, as a day number (nil when the year has no such day, as
    /// February 29 outside leap years).
    func day(in year: Int) -> Int? {
        let base: Int
        switch kind {
        case .fixed(let m, let d):
            guard d <= CalendarDate.daysIn(month: m, year: year) else { return nil }
            base = CalendarDate.dayNumber(year: year, month: m, day: d)
        case .nth(let m, let w, let n):
            if n > 0 {
                let first = CalendarDate.dayNumber(year: year, month: m, day: 1)
                base = first + (w - CalendarDate(dayNumber: first).weekday + 7) % 7 + 7 * (n - 1)
            } else {
                let last = CalendarDate.dayNumber(year: year, month: m, day: CalendarDate.daysIn(month: m, year: year))
                base = last - (CalendarDate(dayNumber: last).weekday - w + 7) % 7 - 7 * (-n - 1)
            }
        case .easter:
            base = HolidayRule.easter(year)
        }
        return base + offset
    }

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate.dayNumber(year: year, month: month, day: day)
    }
}
