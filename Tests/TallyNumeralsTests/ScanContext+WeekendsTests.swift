import Testing
import TallyCore
@testable import TallyNumerals

/// Weekends and "earlier this …" (issue 15), read against Friday 11 November 2016.
struct ScanContextWeekendsTests {
    static let friday = CalendarDate(year: 2016, month: 11, day: 11)

    func spans(_ text: String) -> [String] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: Self.friday).filter { $0.kind == .date }.map { q in
            "\(analysis.slice(q.start, q.end)): \(q.low.map(\.description) ?? "nil")..\(q.high.map(\.description) ?? "nil")"
        }
    }

    @Test func weekends() {
        // Reported: the latest weekend begun (last week's, on a Friday).
        #expect(spans("Talks went on over the weekend.") == ["weekend: 2016-11-05..2016-11-06"])
        #expect(spans("They met last weekend and meet next weekend.") == ["last weekend: 2016-11-05..2016-11-06", "next weekend: 2016-11-19..2016-11-20"])
        #expect(spans("They meet this weekend.") == ["this weekend: 2016-11-12..2016-11-13"])
        // A deadline looks ahead.
        #expect(spans("Hostages home by weekend.") == ["weekend: 2016-11-12..2016-11-13"])
        #expect(spans("Three weekends passed.").isEmpty)
    }

    @Test func earlierThisPeriod() {
        #expect(spans("It was agreed earlier this month.") == ["earlier this month: 2016-11-01..2016-11-10"])
        #expect(spans("It was agreed earlier this year.") == ["earlier this year: 2016-01-01..2016-11-10"])
        #expect(spans("It was agreed earlier in the week.") == ["earlier in the week: 2016-11-07..2016-11-10"])
        #expect(spans("It was agreed earlier.").isEmpty)
    }

    /// A night is a day of a stay ("two nights in jail").
    @Test func nightsAreDays() {
        let q = scanner.scan(text: "He spent two nights in jail.")
        #expect(q.count == 1 && q[0].kind == .duration && q[0].unit == "days" && q[0].value?.number == 2)
    }
}
