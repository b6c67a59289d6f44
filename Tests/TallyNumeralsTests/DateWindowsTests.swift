import Testing
import TallyCore
@testable import TallyNumerals

/// Durations the calendar places (`date_window`, `date_offset` in `rules/lexicon/units.yaml`, issue 15).
struct DateWindowsTests {
    /// Each duration's text and window ("-" for none), read on Monday 2 June 2025.
    func windows(_ text: String) -> [String] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: june2).filter { $0.kind == .duration }.map { q in
            let window = q.window.map { $0.lowerBound == $0.upperBound ? $0.lowerBound.iso : "\($0.lowerBound.iso)..\($0.upperBound.iso)" }
            return "\(analysis.slice(q.start, q.end)) \(window ?? "-")"
        }
    }

    /// Back from the publication day (not counting it), or forward from the day after it.
    @Test func rollingWindows() {
        #expect(windows("It evacuated 1,500 children over the past two weeks.") == ["two weeks 2025-05-19..2025-06-01"])
        #expect(windows("Prices fell in the last 3 months.") == ["3 months 2025-03-02..2025-06-01"])
        #expect(windows("Rain is expected for the next 3 days.") == ["3 days 2025-06-03..2025-06-05"])
        #expect(windows("Talks are due in the coming two months.") == ["two months 2025-06-03..2025-08-02"])
    }

    /// `tally quantities` records carry the window as its first and last day; other quantities carry none.
    @Test func recordsCarryTheWindow() {
        let records = QuantityRecord.records(doc: "d", text: "Prices fell 3% over the past two weeks.", reference: june2, scanner: scanner)
        let window = records.first { $0.kind == .duration }
        #expect(window?.windowStart == "2025-05-19" && window?.windowEnd == "2025-06-01")
        #expect(records.filter { $0.kind != .duration }.allSatisfy { $0.windowStart == nil && $0.windowEnd == nil })
    }

    /// "the 5 past years": a figure, a window word and a plural unit after "the" are one duration;
    /// "1,000 last year" stays a count and a date.
    @Test func windowWordBetweenFigureAndUnit() {
        #expect(windows("What changed in the 5 past years?") == ["5 past years 2020-06-02..2025-06-01"])
        #expect(windows("Fighting killed 1,000 last year.").isEmpty)
    }

    /// Another period's span is no window on the publication date.
    @Test func otherPeriodsSpansCarryNone() {
        #expect(windows("In his last two years in office, he vetoed 12 bills.") == ["two years -"])
        #expect(windows("The siege lasted 3 weeks.") == ["3 weeks -"])
    }

    /// Counted from a date the text names: the day reached; after "for", the days covered.
    @Test func offsetsFromADate() {
        #expect(windows("It happened 2 weeks before May 13, 1999.") == ["2 weeks 1999-04-29"])
        #expect(windows("The vote came 3 days after January 12, 2025.") == ["3 days 2025-01-15"])
        #expect(windows("Two days after Saturday's protest, the figures diverge.") == ["Two days 2025-06-02"])
        #expect(windows("A curfew was imposed for 3 days from May 20.") == ["3 days 2025-05-20..2025-05-22"])
        #expect(windows("Roads close for a week starting tomorrow.") == ["a week 2025-06-03..2025-06-09"])
    }

    /// The gap and its date stay two figures (claims read both), and a month is no day to count from.
    @Test func anchorsStayFigures() {
        let analysis = TextAnalysis(text: "It happened 2 weeks before May 13, 1999.")
        #expect(scanner.scan(analysis, reference: june2).map(\.kind) == [.duration, .date])
        #expect(windows("It happened 2 weeks before May 1999.") == ["2 weeks -"])
    }

    /// Without a publication date a window has no days; an offset from a written date still does.
    @Test func withoutAReference() {
        let q = scanner.scan(TextAnalysis(text: "Prices fell in the last 3 months."), reference: nil)
        #expect(q.first?.window == nil)
        let o = scanner.scan(TextAnalysis(text: "It happened 2 weeks before May 13, 1999."), reference: nil)
        #expect(o.first?.window?.lowerBound == CalendarDate(year: 1999, month: 4, day: 29))
    }

    /// The first or last units of a period the text names; weeks are whole weeks, the first the
    /// one holding the period's first Thursday.
    @Test func unitsOfANamedPeriod() {
        #expect(windows("Exports fell in the first six months of 2024.") == ["six months 2024-01-01..2024-06-30"])
        #expect(windows("Rooms are booked for the first 2 weeks of 2021.") == ["2 weeks 2021-01-04..2021-01-17"])
        #expect(windows("Work stops for the last 3 weeks of 2019.") == ["3 weeks 2019-12-09..2019-12-29"])
        #expect(windows("Prices rose in the last four months of 2021.") == ["four months 2021-09-01..2021-12-31"])
        #expect(windows("They were in Paris the first ten days of May 2024.") == ["ten days 2024-05-01..2024-05-10"])
    }
}
