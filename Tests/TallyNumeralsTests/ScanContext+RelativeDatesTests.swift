import Testing
import TallyCore
@testable import TallyNumerals

/// Days counted from the reference's (issue 15), read against Thursday 15 August 2019.
struct ScanContextRelativeDatesTests {
    @Test(arguments: [
        ("Talks resume two weeks from now.", "date two weeks from now: 2019-08-29..2019-08-29"),
        ("A vote is due a year from today.", "date a year from today: 2020-08-15..2020-08-15"),
        ("The deadline is three weeks from tomorrow.", "date three weeks from tomorrow: 2019-09-06..2019-09-06"),
        ("It opened two days before yesterday.", "date two days before yesterday: 2019-08-12..2019-08-12"),
        ("The law lapses 6 months from today.", "date 6 months from today: 2020-02-15..2020-02-15"),
    ])
    func countedFromTheReference(_ text: String, _ expected: String) {
        #expect(spans(text, kinds: true) == [expected])
    }

    /// A gap after a named day is two figures, and "for N days from today" a duration from today.
    @Test func gapsAndSpansStayDurations() {
        #expect(spans("The truce began two days after Saturday.", kinds: true) == ["duration two days: 2..2", "date Saturday: 2019-08-10..2019-08-10"])
        #expect(spans("The truce lasts for 3 days from today.", kinds: true) == ["duration 3 days: 3..3", "date today: 2019-08-15..2019-08-15"])
        // No reference: consumed, not reported.
        #expect(scanner.scan(text: "Talks resume two weeks from now.").isEmpty)
    }

    /// "to date" is the reference day at a range's end, and "the year to date" runs from January 1.
    @Test(arguments: [
        ("Shares are down 20% in the year to date.", "date year to date: 2019-01-01..2019-08-15"),
        ("Sales are up 5% year-to-date.", "date year-to-date: 2019-01-01..2019-08-15"),
        ("Output has fallen from March to date.", "date from March to date: 2019-03..2019-08-15"),
        ("Rows from 2010-01-01 till current date.", "date from 2010-01-01 till current date: 2010-01-01..2019-08-15"),
    ])
    func toDate(_ text: String, _ expected: String) {
        #expect(spans(text, kinds: true).last == expected)
    }

    /// "to date" after anything but a date is no date ("the largest of the war to date").
    @Test func toDateNeedsADateBeforeIt() {
        #expect(spans("It was the largest swap of the war to date.", kinds: true).isEmpty)
    }

    /// A weekday of a week named relative to the reference (Thursday 15 August 2019) is that day,
    /// one date; a weekday followed by its own date is not taken into the week.
    @Test(arguments: [
        ("They met on Tuesday of last week.", ["date Tuesday of last week: 2019-08-06..2019-08-06"]),
        ("Talks resume on Monday of the following week.", ["date Monday of the following week: 2019-08-19..2019-08-19"]),
        ("The vote is due next week on Tuesday.", ["date next week on Tuesday: 2019-08-20..2019-08-20"]),
        ("Strikes began last week Wednesday.", ["date last week Wednesday: 2019-08-07..2019-08-07"]),
        ("It ends next week. Friday, August 2 was the start.", ["date next week: 2019-08-19..2019-08-25", "date Friday, August 2: 2019-08-02..2019-08-02"]),
    ])
    func weekdayOfANamedWeek(_ text: String, _ expected: [String]) {
        #expect(spans(text, kinds: true) == expected)
    }

    /// "the weekend" is the latest Saturday and Sunday (on a Friday, the coming ones), "last weekend"
    /// those before the reference's week; plans ("this weekend", "next weekend") and "a weekend" are not read.
    @Test func weekends() {
        #expect(spans("Some 140 returned home over the weekend.", kinds: true) == ["number Some 140: 140..140", "date weekend: 2019-08-10..2019-08-11"])
        #expect(spans("They met last weekend.", kinds: true) == ["date last weekend: 2019-08-10..2019-08-11"])
        #expect(spans("They met at the weekend.", reference: CalendarDate(year: 2019, month: 8, day: 16), kinds: true) == ["date weekend: 2019-08-17..2019-08-18"])
        #expect(spans("The truce starts this weekend, after a weekend of talks.").isEmpty)
        #expect(spans("The hostage will be freed next weekend.").isEmpty)
    }

    /// In a range of weekdays the second is the first such day after the first: read alone,
    /// "Friday" would be the one before "Monday" (reference Thursday 15 August 2019).
    @Test(arguments: [
        ("Schools close from Monday to Friday.", "date from Monday to Friday: 2019-08-12..2019-08-16"),
        ("Between Tuesday and Thursday, 40 people died.", "date Between Tuesday and Thursday: 2019-08-13..2019-08-15"),
        ("Leave runs from next Monday to Friday.", "date from next Monday to Friday: 2019-08-19..2019-08-23"),
        ("Talks ran from Thursday to Monday.", "date from Thursday to Monday: 2019-08-15..2019-08-19"),
    ])
    func weekdayRanges(_ text: String, _ expected: String) {
        #expect(spans(text, kinds: true).first == expected)
    }
}
