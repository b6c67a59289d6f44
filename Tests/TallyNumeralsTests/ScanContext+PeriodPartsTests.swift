import Testing
import TallyCore
@testable import TallyNumerals

/// Parts of a period (issue 15): "early 2021", "mid-June", "the end of the year", "earlier this
/// year", read against Thursday 15 August 2019.
struct ScanContextPeriodPartsTests {
    /// A year's early, middle and late thirds are four months each; a month's are days 1–10,
    /// 11–20 and 21 to its last; a week's Monday–Wednesday, Tuesday–Thursday and Thursday–Sunday.
    @Test(arguments: [
        ("Output rose in early 2021.", "early 2021: 2021-01..2021-04"),
        ("Prices peaked in mid-2021.", "mid-2021: 2021-05..2021-08"),
        ("Talks resumed in mid-June.", "mid-June: 2019-06-11..2019-06-20"),
        ("The plant closed late last year.", "late last year: 2018-09..2018-12"),
        ("Rain fell at the end of June.", "end of June: 2019-06-21..2019-06-30"),
        ("The firm was founded at the beginning of 2000.", "beginning of 2000: 2000-01..2000-04"),
        ("Polls open in the middle of next month.", "middle of next month: 2019-09-11..2019-09-20"),
        ("The law takes effect by the end of the year.", "end of the year: 2019-09..2019-12"),
        ("Shares fell at the end of the week.", "end of the week: 2019-08-15..2019-08-18"),
        ("A vote is due early next week.", "early next week: 2019-08-19..2019-08-21"),
        ("The bridge reopened in early June 2018.", "early June 2018: 2018-06-01..2018-06-10"),
    ])
    func partsOfPeriods(_ text: String, _ expected: String) {
        #expect(spans(text, datesOnly: true) == [expected])
    }

    /// "earlier this year" runs up to the day before the reference, "later this month" from it.
    @Test func earlierAndLaterAreCountedFromTheReference() {
        #expect(spans("Sales fell earlier this year.", datesOnly: true) == ["earlier this year: 2019-01-01..2019-08-14"])
        #expect(spans("A report is due later this month.", datesOnly: true) == ["later this month: 2019-08-15..2019-08-31"])
        #expect(spans("Talks may resume later this week.", datesOnly: true) == ["later this week: 2019-08-15..2019-08-18"])
        // "earlier in the month" names an event as often as a span: not read.
        #expect(spans("The deal was agreed earlier in the month.", datesOnly: true).isEmpty)
    }

    /// At a range's end, "the beginning/middle/end of" a period is a point in time.
    @Test func rangesWithParts() {
        #expect(spans("Prices rose from 2007 to the end of 2008.", datesOnly: true) == ["from 2007 to the end of 2008: 2007..2008-12-31"])
        #expect(spans("Prices rose between 2007 and the end of 2008.", datesOnly: true) == ["between 2007 and the end of 2008: 2007..2008-12-31"])
        #expect(spans("Prices rose from 2007 to the start of 2008.", datesOnly: true) == ["from 2007 to the start of 2008: 2007..2007-12-31"])
        #expect(spans("Prices rose from the middle of 2007 to the end of 2008.", datesOnly: true) == ["from the middle of 2007 to the end of 2008: 2007-07-02..2008-12-31"])
        #expect(spans("Prices rose from early 2020 to late 2021.", datesOnly: true) == ["from early 2020 to late 2021: 2020-01..2021-12"])
    }

    /// No period follows: not dates.
    @Test func notPartsOfPeriods() {
        #expect(spans("We reached the end of the line at the start of talks.", datesOnly: true).isEmpty)
        #expect(spans("The late president spoke early on.", datesOnly: true).isEmpty)
        #expect(spans("He may be late may be early.", datesOnly: true).isEmpty)
        // No reference: a relative part is consumed, not reported.
        #expect(scanner.scan(text: "Sales fell earlier this year.").filter { $0.kind == .date }.isEmpty)
    }
}
