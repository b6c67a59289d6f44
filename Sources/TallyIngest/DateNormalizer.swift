import TallyCore

/// Publication dates as pages, front matter and JSON Lines records write them, read into a `CalendarDate`:
/// the one place ingestion parses a publication date.
///
/// Accepts ISO dates and timestamps (`2025-06-02`, `2025-06-02T10:15:00+03:00`, `2025/06/02`, `20250602`),
/// and written dates with a month name (`June 2, 2025`, `2 Jun 2025`, `Mon, 02 Jun 2025 10:00:00 GMT`).
/// Numeric day/month orders that are ambiguous (`06/02/2025`) are refused rather than guessed.
enum DateNormalizer {
    static func date(_ raw: String) -> CalendarDate? {
        plainISODate(raw) ?? parsed(raw)
    }

    /// The general parse: an ISO date at the start, else a written date.
    static func parsed(_ raw: String) -> CalendarDate? {
        let text = raw.trimmingSpaces()
        let scalars = Array(text.unicodeScalars.prefix(80))
        guard !scalars.isEmpty else { return nil }
        if let iso = isoPrefix(scalars) { return iso }
        return written(text)
    }

    /// The date when `raw` is exactly a valid `YYYY-MM-DD` (the usual case), read from its bytes without
    /// the general parse (`parsed`, which gives the same date for it); nil otherwise.
    @inline(__always)
    static func plainISODate(_ raw: String) -> CalendarDate? {
        let u = raw.utf8
        guard u.count == 10 else { return nil }
        var value = (0, 0, 0)
        for (i, b) in u.enumerated() {
            if i == 4 || i == 7 {
                guard b == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return nil }
            let d = Int(b - 0x30)
            if i < 4 { value.0 = value.0 * 10 + d } else if i < 7 { value.1 = value.1 * 10 + d } else { value.2 = value.2 * 10 + d }
        }
        let (year, month, day) = value
        guard (1000...9999).contains(year), (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD` at the start.
    private static func isoPrefix(_ s: [Unicode.Scalar]) -> CalendarDate? {
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for i in range {
                guard s[i].value >= 48 && s[i].value <= 57 else { return nil }
                value = value * 10 + Int(s[i].value) - 48
            }
            return value
        }
        guard let year = digits(0..<4) else { return nil }
        var month: Int?, day: Int?
        if s.count >= 10, "-/.".unicodeScalars.contains(s[4]), s[7] == s[4] {
            month = digits(5..<7)
            day = digits(8..<10)
        } else if s.count >= 8, let m = digits(4..<6), let d = digits(6..<8), s.count == 8 || !(s[8].value >= 48 && s[8].value <= 57) {
            month = m
            day = d
        }
        guard let month, let day, (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day),
            (1000...9999).contains(year)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// A month name, a four-digit year and a day number 1…31, in any order.
    private static func written(_ text: String) -> CalendarDate? {
        var month: Int?, year: Int?, day: Int?
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        for word in words {
            if month == nil, let m = months[String(word)] {
                month = m
            } else if let n = Int(word.filter(\.isNumber)), word.first?.isNumber == true {
                let numeric = word.prefix(while: \.isNumber)
                let suffix = word.dropFirst(numeric.count)
                guard suffix.isEmpty || ["st", "nd", "rd", "th"].contains(String(suffix)) else { continue }
                if numeric.count == 4, year == nil {
                    year = n
                } else if numeric.count <= 2, day == nil, (1...31).contains(n), year == nil || month != nil {
                    day = n
                }
            }
        }
        guard let year, let month, (1000...9999).contains(year) else { return nil }
        if let day, day <= CalendarDate.daysIn(month: month, year: year) { return CalendarDate(year: year, month: month, day: day) }
        return CalendarDate(year: year, month: month)
    }
}
