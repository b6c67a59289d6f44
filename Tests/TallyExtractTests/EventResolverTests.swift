import TallyCore
import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct EventResolverTests {
    static func events(_ text: String, published: String) -> (TextAnalysis, [Quantity], EventResolver.Events) {
        let analysis = TextAnalysis(text: text)
        let reference = CalendarDate(iso: published)
        let quantities = NumeralScanner().scan(analysis, reference: reference)
        return (analysis, quantities, EventResolver(probe: TokenLookup(analysis), quantities: quantities, published: reference).resolve())
    }

    @Test func anEarlierDateMovesOnlyItsClause() {
        let (analysis, quantities, events) = EventResolverTests.events(
            "The delegations met on Monday and swapped 500 prisoners (after 300 were swapped on May 16; more followed) since May 2.",
            published: "2025-06-03")
        #expect(events.main == "2025-06-02")
        let may16 = try! #require(quantities.first { $0.value?.date == CalendarDate(year: 2025, month: 5, day: 16) })
        #expect(events.event(at: may16.tokens.lowerBound) == "2025-05-16")
        let swapped = try! #require(analysis.tokens.firstIndex { $0.text == "300" })
        #expect(events.event(at: swapped) == "2025-05-16")
        let more = try! #require(analysis.tokens.firstIndex { $0.text == "more" })
        #expect(events.event(at: more) == "2025-06-02")
        #expect(events.earlier.count == 1)  // "since May 2" marks no event
    }
}
