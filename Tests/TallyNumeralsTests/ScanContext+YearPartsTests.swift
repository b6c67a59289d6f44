import Testing
import TallyCore
@testable import TallyNumerals

/// Quarters and halves of a year (issue 15), read against 15 August 2019 (the third quarter).
struct ScanContextYearPartsTests {
    @Test(arguments: [
        ("Sales rose in Q3 2019.", "Q3 2019: 2019-07..2019-09"),
        ("Sales rose in 2017-q1.", "2017-q1: 2017-01..2017-03"),
        ("Output fell in 2019 H2.", "2019 H2: 2019-07..2019-12"),
        ("Profit doubled in Q1 of 2017.", "Q1 of 2017: 2017-01..2017-03"),
        ("Profit doubled in the first quarter of 2013.", "first quarter of 2013: 2013-01..2013-03"),
        ("Profit doubled in the 4th quarter of last year.", "4th quarter of last year: 2018-10..2018-12"),
        ("Debt grew in the second half of last year.", "second half of last year: 2018-07..2018-12"),
        ("Debt grew in the last quarter of 2018.", "last quarter of 2018: 2018-10..2018-12"),
    ])
    func namedParts(_ text: String, _ expected: String) {
        #expect(spans(text, datesOnly: true) == [expected])
    }

    /// A range of parts runs from the first's first month to the second's last.
    @Test func rangesOfParts() {
        #expect(spans("Sales rose from 2017-q1 to 2018-q1.", datesOnly: true) == ["from 2017-q1 to 2018-q1: 2017-01..2018-03"])
        #expect(spans("Sales rose between Q1 2017 and Q3 2018.", datesOnly: true) == ["between Q1 2017 and Q3 2018: 2017-01..2018-09"])
        #expect(spans("Sales rose from Q1 2017 on.", datesOnly: true) == ["Q1 2017: 2017-01..2017-03"])
    }

    /// Without its year, a quarter is the latest one begun by the reference.
    @Test func aQuarterAloneIsTheLatestBegun() {
        #expect(spans("Sales in Q2 beat Q4.", datesOnly: true) == ["Q2: 2019-04..2019-06", "Q4: 2018-10..2018-12"])
    }

    @Test func quartersCountedFromTheReference() {
        #expect(spans("Sales for last quarter fell.", datesOnly: true) == ["last quarter: 2019-04..2019-06"])
        #expect(spans("Sales in this quarter fell.", datesOnly: true) == ["this quarter: 2019-07..2019-09"])
        #expect(spans("Sales for the past two quarters fell.", datesOnly: true) == ["past two quarters: 2019-01..2019-06"])
        #expect(spans("Sales over the next 3 quarters will rise.", datesOnly: true) == ["next 3 quarters: 2019-10..2020-06"])
    }

    /// Sport has quarters and halves too, and "H2" alone is hydrogen: no dates without a year.
    @Test func quartersOfAGameAndCodesAreNoDates() {
        #expect(spans("He scored in the first quarter of the game and in the last quarter.", datesOnly: true).isEmpty)
        #expect(spans("The second half was better.", datesOnly: true).isEmpty)
        #expect(spans("Plants make H2 and Q3x parts.", datesOnly: true).isEmpty)
        // No reference: nothing to count from.
        #expect(scanner.scan(text: "Sales for last quarter fell.").filter { $0.kind == .date }.isEmpty)
    }

    /// Weeks named by their place in a month or year, or by a day in them: Monday to Sunday, a
    /// period's first week holding its first Thursday (ISO 8601) and its last week its last.
    @Test(arguments: [
        ("Rooms were booked in the first week of 2015.", "first week of 2015: 2014-12-29..2015-01-04"),
        ("Rooms were booked in the first week of 2021.", "first week of 2021: 2021-01-04..2021-01-10"),
        ("Rooms were booked in the second week of 2021.", "second week of 2021: 2021-01-11..2021-01-17"),
        ("Rooms were booked in the 3rd week of 2018.", "3rd week of 2018: 2018-01-15..2018-01-21"),
        ("Rooms were booked in the last week of 2016.", "last week of 2016: 2016-12-26..2017-01-01"),
        ("Rooms were booked in the last week of Dec 2016.", "last week of Dec 2016: 2016-12-26..2017-01-01"),
        ("Rooms were booked in the first week of Jan 2015.", "first week of Jan 2015: 2014-12-29..2015-01-04"),
        ("Rooms were booked in the third week of July.", "third week of July: 2019-07-15..2019-07-21"),
        ("Rooms were booked in the first week of last year.", "first week of last year: 2018-01-01..2018-01-07"),
        ("Talks resume the week beginning February 4.", "week beginning February 4: 2019-02-04..2019-02-10"),
    ])
    func weeks(_ text: String, _ expected: String) {
        #expect(spans(text, datesOnly: true) == [expected])
    }

    /// A week of something else stays what it was: "last week", or no date at all.
    @Test func weeksOfOtherThings() {
        #expect(spans("The first week of the war was the worst.", datesOnly: true).isEmpty)
        #expect(spans("They met last week of all weeks.", datesOnly: true) == ["last week: 2019-08-05..2019-08-11"])
        #expect(spans("A week of protests followed.", datesOnly: true).isEmpty)
        // "The week of April 20" is the day, as news means it.
        #expect(spans("MPs debate it the week of April 10.", datesOnly: true) == ["April 10: 2019-04-10..2019-04-10"])
    }

    /// A month by its place in a year, a day by its place in a month.
    @Test(arguments: [
        ("They will leave the third month of 2021.", "third month of 2021: 2021-03..2021-03"),
        ("The 9th month of next year will see a review.", "9th month of next year: 2020-09..2020-09"),
        ("We will come back on the 15th day of next month.", "15th day of next month: 2019-09-15..2019-09-15"),
        ("We came back on the twenty third day of July.", "twenty third day of July: 2019-07-23..2019-07-23"),
    ])
    func monthsAndDaysByPlace(_ text: String, _ expected: String) {
        #expect(spans(text, datesOnly: true) == [expected])
    }

    @Test func daysOfOtherThings() {
        #expect(spans("On the 15th day of the strike, talks resumed.", datesOnly: true).isEmpty)
        #expect(!spans("The 30th day of February never comes.", datesOnly: true).contains { $0.hasPrefix("30th") })
    }
}
