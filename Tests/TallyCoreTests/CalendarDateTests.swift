import Testing
@testable import TallyCore

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsEachPrecision() {
        #expect(CalendarDate(iso: "2025-06-02")?.iso == "2025-06-02")
        #expect(CalendarDate(iso: "2025-06")?.precision == .month)
        #expect(CalendarDate(iso: "2025")?.precision == .year)
        #expect(CalendarDate(iso: "2025-02-30") == nil)
        #expect(CalendarDate(year: 7, month: 3, day: 9).iso == "0007-03-09")
        #expect(CalendarDate(year: 2025, month: 12).iso == "2025-12")
        #expect(CalendarDate(year: 2025).iso == "2025")
        #expect(CalendarDate(year: -44, month: 3, day: 15).iso == "-0044-03-15")
        #expect(CalendarDate(year: 12025, month: 1).iso == "12025-01")
        #expect(CalendarDate(year: 2025, month: 123).iso == "2025-123")
        #expect(CalendarDate(iso: "2025-06-02T10:00:00Z")?.iso == "2025-06-02")
    }

    @Test func dayNumbersRoundTripAndWeekdaysAreRight() {
        let date = CalendarDate(year: 2025, month: 6, day: 2)
        #expect(CalendarDate(dayNumber: date.dayRange.lowerBound) == date)
        #expect(date.weekday == 0)  // Monday 2 June 2025
        #expect(CalendarDate(year: 2025, month: 5, day: 16).weekday == 4)  // Friday
    }

    @Test func monthContainsItsDays() {
        #expect(CalendarDate(year: 2025, month: 5).contains(CalendarDate(year: 2025, month: 5, day: 16)))
        #expect(!CalendarDate(year: 2025, month: 5, day: 16).contains(CalendarDate(year: 2025, month: 5)))
    }
}
