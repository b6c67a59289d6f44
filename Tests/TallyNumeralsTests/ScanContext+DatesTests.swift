import Testing
import TallyCore
@testable import TallyNumerals

/// Years and days written in words (issue 15), read against Thursday 15 August 2019.
struct ScanContextDatesTests {
    @Test(arguments: [
        ("They left in nineteen ninety six.", "date nineteen ninety six: 1996..1996"),
        ("It has grown since two thousand and fifteen.", "date two thousand and fifteen: 2015..2015"),
        ("She was born on January twenty five nineteen eighty six.", "date January twenty five nineteen eighty six: 1986-01-25..1986-01-25"),
        ("She was born on twenty five January nineteen eighty-six.", "date twenty five January nineteen eighty-six: 1986-01-25..1986-01-25"),
        ("On fifteen August nineteen hundred ninety three, the plant opened.", "date fifteen August nineteen hundred ninety three: 1993-08-15..1993-08-15"),
        ("They arrived 13 Sept nineteen seventy two.", "date 13 Sept nineteen seventy two: 1972-09-13..1972-09-13"),
        ("The conference was in October two thousand and five.", "date October two thousand and five: 2005-10..2005-10"),
        ("The vote is on May twenty nine.", "date May twenty nine: 2019-05-29..2019-05-29"),
        ("Prices fell in twenty twenty.", "date twenty twenty: 2020..2020"),
    ])
    func yearsAndDaysInWords(_ text: String, _ expected: String) {
        #expect(spans(text, kinds: true) == [expected])
    }

    /// A cardinal before something it can count is a count, not a year or a day.
    @Test func countsStayCounts() {
        #expect(spans("In May two thousand people marched.", kinds: true) == ["date May: 2019-05..2019-05", "number two thousand: 2,000..2,000"])
        #expect(spans("In June twenty people died.", kinds: true) == ["date June: 2019-06..2019-06", "number twenty: 20..20"])
        #expect(spans("They left in October two thousand and returned.", kinds: true) == ["date October two thousand: 2000-10..2000-10"])
    }

    /// With no date to read against, a weekday pins the year of a day written without one: the latest
    /// year, up to today, in which it falls on that weekday; without a weekday the day stays unread.
    @Test func aWeekdayPinsTheYearOfADateInAnUndatedText() throws {
        let analysis = TextAnalysis(text: "Thirteen hostages were freed on Friday, 24 November, and more on November 25.")
        let dates = scanner.scan(analysis, reference: nil).filter { $0.kind == .date }
        let friday = try #require(dates.first?.value?.date)
        #expect(dates.count == 1)
        #expect(friday.month == 11 && friday.day == 24 && friday.weekday == 4 && friday <= CalendarDate.today)
    }

    @Test func theLatestYearADayFallsOnAWeekday() {
        let today = CalendarDate(year: 2026, month: 12, day: 7)
        #expect(CalendarDate.latest(month: 11, day: 24, weekday: 4, upTo: today)?.iso == "2023-11-24")
        #expect(CalendarDate.latest(month: 11, day: 24, weekday: 4, upTo: CalendarDate(year: 2023, month: 11, day: 23))?.iso == "2017-11-24")
        #expect(CalendarDate.latest(month: 2, day: 29, weekday: 3, upTo: today)?.iso == "2024-02-29")
        #expect(CalendarDate.latest(month: 2, day: 30, weekday: 3, upTo: today) == nil)
    }

    @Test func aDateInParenthesesAfterItsWeekdayIsOneDate() {
        #expect(spans("An official said on Sunday (June 15) that 12 families had claimed remains.", reference: CalendarDate(year: 2025, month: 6, day: 16), datesOnly: true)
            == ["Sunday (June 15: 2025-06-15..2025-06-15"])
    }
}
