import Testing
@testable import TallyCore

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsEachPrecision() {
        #expect(CalendarDate(iso: "2025-06-02")?.iso == "2025-06-02")
        #expect(CalendarDate(iso: "2025-06")?.precision == .month)
        #expect(CalendarDate(iso: "2025")?.precision == .year)
        #expect(CalendarDate(iso: "2025-02-30") == nil)
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
