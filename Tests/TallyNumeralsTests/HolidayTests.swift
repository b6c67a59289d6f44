import Testing
import TallyCore
@testable import TallyNumerals

/// Named holidays (`rules/lexicon/holidays.yaml`, issue 15). `june2` is Monday 2 June 2025.
struct HolidayTests {
    @Test func rulesGiveTheDayOfAYear() {
        func iso(_ rule: String, _ year: Int) -> String? { HolidayRule(rule)?.day(in: year).map { CalendarDate(dayNumber: $0).iso } }
        #expect(iso("12-25", 2024) == "2024-12-25")
        #expect(iso("11/thu/4", 2023) == "2023-11-23")
        #expect(iso("11/thu/4+1", 2010) == "2010-11-26")
        #expect(iso("05/mon/-1", 2025) == "2025-05-26")
        #expect(iso("09/mon/1", 2021) == "2021-09-06")
        #expect(iso("easter", 2018) == "2018-04-01")
        #expect(iso("easter", 2019) == "2019-04-21")
        #expect(iso("easter-2", 2025) == "2025-04-18")
        #expect(HolidayRule("13-01") == nil && HolidayRule("11/xyz/4") == nil && HolidayRule("christmas") == nil)
    }

    @Test func aYearWrittenPicksTheDay() {
        #expect(spans("I'll go back on easter 2018", reference: june2, datesOnly: true) == ["easter 2018: 2018-04-01..2018-04-01"])
        #expect(spans("Sales on Black Friday 2010 broke records.", reference: june2, datesOnly: true) == ["Black Friday 2010: 2010-11-26..2010-11-26"])
        #expect(spans("a parade on Independence Day of this year", reference: june2, datesOnly: true) == ["Independence Day of this year: 2025-07-04..2025-07-04"])
    }

    /// Without a year: counted from the reference, past-biased.
    @Test func withoutAYearFromTheReference() {
        #expect(spans("The truce held on Christmas Day.", reference: june2, datesOnly: true) == ["Christmas Day: 2024-12-25..2024-12-25"])
        #expect(spans("Talks stalled before Easter.", reference: june2, datesOnly: true) == ["Easter: 2025-04-20..2025-04-20"])
        #expect(spans("When was the last easter?", reference: june2, datesOnly: true) == ["last easter: 2025-04-20..2025-04-20"])
        #expect(spans("Polls close the day after next Thanksgiving.", reference: june2, datesOnly: true) == ["next Thanksgiving: 2025-11-27..2025-11-27"])
        // Within a month ahead, the coming one.
        #expect(spans("Shops open late before Father's Day.", reference: june2, datesOnly: true) == ["Father's Day: 2025-06-15..2025-06-15"])
        #expect(spans("Fireworks were banned on Independence Day.", reference: june2, datesOnly: true) == ["Independence Day: 2024-07-04..2024-07-04"])
    }

    /// A bare name without a date word before it names no day; "Easter" is no prefix of "eastern".
    @Test func namesThatAreNoDates() {
        #expect(spans("A Christmas market reopened in eastern Libya.", reference: june2, datesOnly: true) == [])
    }
}
