import TallyCore

/// Dates written with digits and separators: "2025-06-02", "2015-12", "10/1/2018", "23/08/39",
/// "22/Jan/2019", "2019-aug-01". Month/day order is American unless the first figure cannot be a
/// month. A bare "10/1" is a date only where a date is expected; elsewhere it is a fraction.
extension ScanContext {
    func numericDate(at i: Int, context: Bool) -> PartialDate? {
        // At least two parts: digits, then "-" or "/" touching them and the next part.
        guard integer(i) != nil, i + 2 < tokenCount, isPunct(i + 1, .hyphen) || isPunct(i + 1, .slash), adjacent(i + 1), adjacent(i + 2) else { return nil }
        // Collect adjacent parts joined by one kind of separator: numbers or month names.
        var parts: [(number: Int?, month: Int?, digits: Int)] = []
        var separator: GrammarWord? = nil
        var j = i
        while j < tokenCount, parts.count < 3 {
            if let v = integer(j) {
                parts.append((v, nil, tokens[j].text.utf8.count))
            } else if let (m, _, _) = month(at: j), isWord(j), tokens[j].lower.utf8.count <= 9 {
                parts.append((nil, m, 0))
            } else {
                break
            }
            j += 1
            guard parts.count < 3, j + 1 < tokenCount, adjacent(j), adjacent(j + 1), isPunct(j, .hyphen) || isPunct(j, .slash) else { break }
            if separator == nil { separator = facts[j].gram }
            guard facts[j].gram == separator else { break }
            j += 1
        }
        guard parts.count >= 2 else { return nil }
        let end = i + parts.count * 2 - 1
        // A further adjacent separator and figure means something else (a phone number, a code).
        if let separator, isPunct(end, separator), adjacent(end), adjacent(end + 1), isNumber(end + 1) || isWord(end + 1) { return nil }
        func year(_ p: (number: Int?, month: Int?, digits: Int)) -> Int? {
            guard let v = p.number else { return nil }
            if p.digits == 4, (1000...2999).contains(v) { return v }
            if p.digits == 2 { return v < 40 ? 2000 + v : 1900 + v }
            return nil
        }
        func date(_ y: Int?, _ m: Int?, _ d: Int?) -> PartialDate? {
            guard let m, (1...12).contains(m) else { return nil }
            if let d, !(1...31).contains(d) { return nil }
            if let y, let d, d > CalendarDate.daysIn(month: m, year: y) { return nil }
            return PartialDate(year: y, month: m, day: d, start: i, end: end)
        }
        let a = parts[0]
        let b = parts[1]
        if parts.count == 3 {
            let c = parts[2]
            if a.digits == 4 {
                // 2025-06-02, 2019/aug/01
                return date(a.number, b.month ?? b.number, c.number)
            }
            if b.month != nil { return date(year(c), b.month, a.number) }  // 22/Jan/2019
            if a.month != nil, b.digits == 4 { return date(b.number, a.month, c.number) }  // September-2020-23
            if a.month != nil { return date(year(c), a.month, b.number) }  // Sep-23-2020
            guard c.digits == 4 || c.digits == 2, let y = year(c), let first = a.number, let second = b.number else { return nil }
            return first > 12 ? date(y, second, first) : date(y, first, second)
        }
        // Two parts: 2015-12, 12-2015, Dec-2018, Oct/2, 10/1 (in date context only).
        if a.digits == 4, let m = b.number, b.digits <= 2 { return date(a.number, m, nil) }
        if let m = a.month, b.digits == 4 { return date(b.number, m, nil) }
        if let m = a.month, b.digits <= 2 { return date(nil, m, b.number) }
        if b.digits == 4, a.digits <= 2, separator == .hyphen || separator == .slash, let m = a.number, year(b) != nil, context || separator == .hyphen {
            return date(year(b), m, nil)
        }
        guard separator == .slash, context, let first = a.number, let second = b.number, a.digits <= 2, b.digits <= 2 else { return nil }
        return first > 12 ? date(nil, second, first) : date(nil, first, second)
    }
}
