import TallyCore
import TallyMemory

/// Durations the calendar places (`date_window` and `date_offset` in `rules/lexicon/units.yaml`):
/// a rolling window counted from the publication date ("the past two weeks" is the 14 days before
/// it, "the next 3 days" the three after it, "the 5 past years"), the day a span reaches from a
/// date ("2 weeks before May 13, 1999" is April 29), and after "for" the days a span covers from
/// a date ("for 3 days from Monday", "for a week starting tomorrow"); and the first or last units
/// of a period the text names ("the first six months of 2024").
///
/// The duration stays a duration (claims about "the past two weeks" state two weeks, as the corpus
/// gold reads them); `Quantity.window` adds the days it covers. Only durations are looked at, once
/// the scan is done, so the pass costs nothing where the text states none.
struct DateWindows: Sendable {
    /// Lowercased word → true for a window reaching back ("past", "last"), false forward ("next").
    var windows: [String: Bool] = [:] { didSet { windowMap = WordHashTable(windows) } }
    /// Lowercased phrase between a span and its date → true when it counts back ("before").
    var offsets: [String: Bool] = [:] { didSet { offsetFirst = WordHashSet(offsets.keys.map { String($0.split(separator: " ")[0]) }) } }
    /// Words of more than one token in `offsets` ("prior to"): the longest.
    var longestOffset = 1
    /// `windows`, `periodEnds` and the first words of `offsets`, hashed like the tokens (kept in step).
    private var windowMap = WordHashTable<Bool>()
    private var periodMap = WordHashTable<Bool>()
    private var offsetFirst = WordHashSet()

    static let units: Set<String> = ["days", "weeks", "months", "years"]
    /// Words before a window word that make it another period's ("his last two years").
    static let owners: Set<String> = ["his", "her", "its", "their", "our", "my", "your", "whose", "'s"]
    static let the = WordHash.of("the")
    static let of = WordHash.of("of")

    /// Sets the window of each duration a window or offset word places, and reads "the 5 past
    /// years" (a figure, a window word, a unit) as the duration it is. Words are probed by the
    /// tokens' hashes: a quantity with none of them beside it costs a probe or two and no string.
    func annotate(_ quantities: inout [Quantity], _ analysis: TextAnalysis, reference: CalendarDate?) {
        guard !windows.isEmpty || !offsets.isEmpty || !periodEnds.isEmpty else { return }
        let tokens = analysis.tokens
        let info = analysis.info
        let n = tokens.count
        func lower(_ j: Int) -> String { j >= 0 && j < n ? tokens[j].lower : "" }
        func isWord(_ j: Int, _ hash: UInt64, _ text: String) -> Bool { j >= 0 && j < n && info[j].hash == hash && tokens[j].lower == text }
        func window(_ j: Int) -> Bool? { j >= 0 && j < n ? windowMap.value(hash: info[j].hash, tokens[j].lower) : nil }
        let refDay = reference?.dayRange.upperBound
        for index in quantities.indices {
            let kind = quantities[index].kind
            guard kind == .duration || kind == .number, quantities[index].qualifier == .exact else { continue }
            let span = quantities[index].tokens
            guard span.lowerBound < span.upperBound, span.upperBound <= n else { continue }
            if kind == .number {
                // "the 5 past years": after "the" and before a plural unit only ("killed 1,000 last
                // year" is a count and a date).
                guard isWord(span.lowerBound - 1, DateWindows.the, "the"), let back = window(span.upperBound), span.upperBound + 1 < n,
                    lower(span.upperBound + 1).hasSuffix("s"), let unit = timeUnits[lower(span.upperBound + 1)], DateWindows.units.contains(unit),
                    index + 1 == quantities.count || quantities[index + 1].tokens.lowerBound > span.upperBound + 1
                else { continue }
                let last = span.upperBound + 1
                quantities[index].kind = .duration
                quantities[index].unit = unit
                quantities[index].end = tokens[last].end
                quantities[index].tokens = span.lowerBound..<(last + 1)
                if let refDay { quantities[index].window = DateWindows.window(quantities[index], back: back, from: refDay) }
                continue
            }
            guard !quantities[index].isVague, let unit = quantities[index].unit, DateWindows.units.contains(unit),
                let v = quantities[index].value?.number, v >= 1, v < 10_000, v == v.rounded()
            else { continue }
            let w = span.lowerBound - 1
            let ofAfter = isWord(span.upperBound, DateWindows.of, "of")
            // "the first six months of 2024", "the last 3 weeks of this year": within the period named.
            if ofAfter, w >= 0, let first = periodMap.value(hash: info[w].hash, tokens[w].lower) {
                var k = span.upperBound + 1
                if isWord(k, DateWindows.the, "the") { k += 1 }
                guard index + 1 < quantities.count else { continue }
                let period = quantities[index + 1]
                if period.kind == .date, period.tokens.lowerBound == k, period.bound == nil, let a = period.low?.date, let b = period.high?.date {
                    quantities[index].window = DateWindows.part(of: a.dayRange.lowerBound...b.dayRange.upperBound, Int(v), unit, first: first)
                }
                continue
            }
            // "the past two weeks", "next 3 days": the window word right before the figure, not
            // another period's ("his last two years").
            if let back = window(w) {
                if !ofAfter, !DateWindows.owners.contains(lower(w - 1)), let refDay {
                    quantities[index].window = DateWindows.window(quantities[index], back: back, from: refDay)
                }
                continue
            }
            // "2 weeks before May 13, 1999", "for 3 days from Monday": the date right after a phrase.
            var k = span.upperBound
            if k < n, tokens[k].text == "," { k += 1 }
            guard k < n, offsetFirst.contains(hash: info[k].hash, tokens[k].lower), index + 1 < quantities.count, quantities[index + 1].kind == .date,
                let anchor = quantities[index + 1].low?.date, anchor.precision == .day, quantities[index + 1].high?.date == anchor
            else { continue }
            var found: (back: Bool, end: Int)? = nil
            for length in stride(from: min(longestOffset, 3), through: 1, by: -1) where k + length <= n {
                if let back = offsets[(k..<(k + length)).map { tokens[$0].lower }.joined(separator: " ")] {
                    found = (back, k + length)
                    break
                }
            }
            guard let found else { continue }
            var next = found.end
            if isWord(next, DateWindows.the, "the") { next += 1 }
            guard quantities[index + 1].tokens.lowerBound == next else { continue }
            let day = anchor.dayRange.lowerBound
            if lower(span.lowerBound - 1) == "for", !found.back {
                // "for 3 days from Monday": the span starts on its date.
                quantities[index].window = DateWindows.window(quantities[index], back: false, from: day - 1)
            } else if let target = DateWindows.shift(day, by: Int(v), unit, back: found.back) {
                let d = CalendarDate(dayNumber: target)
                quantities[index].window = d...d
            }
        }
    }

    /// Lowercased word → true for a period's first units ("the first six months of 2024"), false
    /// for its last ("the last 3 weeks of this year").
    var periodEnds: [String: Bool] = [:] { didSet { periodMap = WordHashTable(periodEnds) } }

    /// The first or last `n` units of the days `period`: weeks are whole Monday–Sunday weeks, a
    /// period's first the one holding its first Thursday and its last the one holding its last (as
    /// "the first week of 2015" is read); nil when they do not fit in the period.
    static func part(of period: ClosedRange<Int>, _ n: Int, _ unit: String, first: Bool) -> ClosedRange<CalendarDate>? {
        let low: Int
        let high: Int
        if unit == "weeks" {
            if first {
                let thursday = period.lowerBound + (3 - CalendarDate(dayNumber: period.lowerBound).weekday + 7) % 7
                (low, high) = (thursday - 3, thursday - 3 + 7 * n - 1)
            } else {
                let thursday = period.upperBound - (CalendarDate(dayNumber: period.upperBound).weekday - 3 + 7) % 7
                (low, high) = (thursday + 3 - 7 * n + 1, thursday + 3)
            }
        } else if first {
            guard let after = shift(period.lowerBound, by: n, unit, back: false) else { return nil }
            (low, high) = (period.lowerBound, after - 1)
        } else {
            guard let start = shift(period.upperBound + 1, by: n, unit, back: true) else { return nil }
            (low, high) = (start, period.upperBound)
        }
        guard low <= high, low >= period.lowerBound - 6, high <= period.upperBound + 6 else { return nil }
        return CalendarDate(dayNumber: low)...CalendarDate(dayNumber: high)
    }

    /// Lowercased unit word → plural unit (the vocabulary's `timeUnits`).
    var timeUnits: [String: String] = [:]

    /// The days `q` covers back from (excluding) or forward from (excluding) day `ref`.
    static func window(_ q: Quantity, back: Bool, from ref: Int) -> ClosedRange<CalendarDate>? {
        guard let unit = q.unit, let v = q.value?.number, v >= 1, v < 10_000, v == v.rounded() else { return nil }
        if back {
            guard let first = shift(ref, by: Int(v), unit, back: true) else { return nil }
            return CalendarDate(dayNumber: first)...CalendarDate(dayNumber: ref - 1)
        }
        guard let after = shift(ref + 1, by: Int(v), unit, back: false) else { return nil }
        return CalendarDate(dayNumber: ref + 1)...CalendarDate(dayNumber: after - 1)
    }

    /// Day number `day` moved `n` units back or forward; months and years keep the day of the
    /// month where it exists (else the month's last day).
    static func shift(_ day: Int, by n: Int, _ unit: String, back: Bool) -> Int? {
        let signed = back ? -n : n
        switch unit {
        case "days": return day + signed
        case "weeks": return day + 7 * signed
        case "months", "years":
            let d = CalendarDate(dayNumber: day)
            guard let m = d.month, let dd = d.day else { return nil }
            let index = d.year * 12 + m - 1 + (unit == "months" ? signed : 12 * signed)
            guard index >= 0 else { return nil }
            let (y, mo) = (index / 12, index % 12 + 1)
            return CalendarDate.dayNumber(year: y, month: mo, day: min(dd, CalendarDate.daysIn(month: mo, year: y)))
        default: return nil
        }
    }
}
