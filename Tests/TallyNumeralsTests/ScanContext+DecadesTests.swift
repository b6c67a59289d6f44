import Testing
import TallyCore
@testable import TallyNumerals

/// Decades and centuries (issue 15), read against 5 May 2018.
struct ScanContextDecadesTests {
    func years(_ text: String) -> [String] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: CalendarDate(year: 2018, month: 5, day: 5)).filter { $0.kind == .date }.map { q in
            "\(analysis.slice(q.start, q.end)): \(q.low.map(\.description) ?? "nil")..\(q.high.map(\.description) ?? "nil")"
        }
    }

    @Test func decades() {
        #expect(years("Music of the 1990s and the '80s.") == ["1990s: 1990..1999", "80s: 1980..1989"])
        // Two digits: the latest such decade begun by the reference.
        #expect(years("Back in the 20s.") == ["20s: 1920..1929"])
    }

    @Test func centuries() {
        #expect(years("Built in the 15th century.") == ["15th century: 1400..1499"])
        #expect(years("The twenty-first century began.") == ["twenty-first century: 2000..2099"])
    }

    /// Ages, codes and years not ending a decade are no decades.
    @Test func agesAndCodesAreNoDecades() {
        #expect(years("Most were in their 90s.").isEmpty)
        #expect(years("Model 1990sx and 1995s.").isEmpty)
    }
}
