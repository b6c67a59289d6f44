import TallyCore
import Testing

@testable import TallyExtract

@Suite struct PreparedDocumentTests {
    @Test func referenceDateReadsWhatCalendarDateReads() {
        let inputs = [
            "2025-06-02", "2025-06-02T10:00:00Z", "2024-02-29", "2025-02-29", "2025-13-01", "2025-00-10", "2025-06-31", "2025-06",
            "2025", "25-06-02", "2025-6-2", "2025-06-0x", "2025-06-02\u{301}", "２０２５-06-02", "", "0000-01-01", "2025/06/02",
        ]
        for input in inputs { #expect(PreparedDocument.referenceDate(input) == CalendarDate(iso: input), "\(input)") }
        #expect(PreparedDocument.referenceDate(nil) == nil)
    }
}
