import Testing
import TallyCore
@testable import TallyReconcile

/// Totals to date meet within the period they were read in, never across a gap of months.
@Suite struct PeriodsTests {
    func claim(_ doc: String, _ value: Double, event: String?, status: ClaimStatus = .runningTotal) -> Claim {
        Claim(
            doc: doc, kind: "prisoners", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: "prisoners", scope: nil, subject: "prisoners freed", event: event, speaker: nil, quote: "q", start: 0, end: 1,
            sentence: "q", rule: "r", status: status)
    }

    @Test func readingsDaysApartAreOnePeriodAndAYearLaterAnother() {
        let claims = [
            claim("a", 150, event: "2023-11-22"), claim("b", 150, event: "2023-11-24"), claim("c", 1_900, event: "2025-01-15"),
            claim("d", 2_000, event: "2025-02-10"),
        ]
        #expect(Periods.split(claims).map { $0.map(\.doc) } == [["a", "b"], ["c", "d"]])
    }

    @Test func anUndatedReadingJoinsTheOnlyPeriodElseStaysInItsArticle() {
        #expect(Periods.split([claim("a", 1, event: "2023-11-22"), claim("u", 1, event: nil)]).count == 1)
        let split = Periods.split([claim("a", 1, event: "2023-11-22"), claim("b", 1, event: "2025-01-15"), claim("u", 1, event: nil)])
        #expect(split.map { $0.map(\.doc) } == [["a"], ["b"], ["u"]])
    }

    @Test func totalsReadAYearApartNeverMeet() {
        let findings = Reconciler().reconcile([claim("a", 240, event: "2023-12-01"), claim("b", 2_000, event: "2025-02-27")])
        #expect(findings.isEmpty)
    }
}
