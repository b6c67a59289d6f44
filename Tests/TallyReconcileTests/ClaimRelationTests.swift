import TallyCore
import Testing

@testable import TallyReconcile

/// The reading day read straight from an event's bytes is the day `Reconciler.day(of:)` parses.
@Suite struct ClaimRelationTests {
    @Test func readingDayIsTheParsedDay() {
        for event in ["2025-06-14", "2024-02-29", "2023-02-29", "2025-13-01", "2025-06", "2025", "2025-06-14T10:00", "Monday", "2025-6-14", "２０２５-06-14", nil] {
            var claim = Claim.empty
            claim.event = event
            let parsed = Reconciler.day(of: claim).map { CalendarDate.dayNumber(year: $0.year, month: $0.month!, day: $0.day!) }
            #expect(ClaimRelation.readingDay(claim) == parsed, "\(event ?? "nil")")
        }
        var claim = Claim.empty
        claim.event = "1970-01-02"
        #expect(ClaimRelation.readingDay(claim) == 1)
    }
}
