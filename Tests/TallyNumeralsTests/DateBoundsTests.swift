import Testing
import TallyCore
@testable import TallyNumerals

/// Dates the text makes a bound (`date_bound`, `date_bound_after` in `rules/lexicon/qualifiers.yaml`, issue 15).
struct DateBoundsTests {
    /// Each date's text and bound ("-" for none).
    func bounds(_ text: String) -> [String] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: june2).filter { $0.kind == .date }.map { q in
            "\(analysis.slice(q.start, q.end)) \(q.bound?.rawValue ?? "-")"
        }
    }

    @Test func wordsBeforeTheDate() {
        #expect(bounds("Prices have doubled since 2010.") == ["2010 at_least"])
        #expect(bounds("No vote is expected before 2027.") == ["2027 less_than"])
        #expect(bounds("Talks resume after March 2026.") == ["March 2026 more_than"])
        #expect(bounds("The offer stands until May 30.") == ["May 30 at_most"])
        #expect(bounds("Payment is due no later than January 1, 2026.") == ["January 1, 2026 at_most"])
        #expect(bounds("Fares rise starting January 7.") == ["January 7 at_least"])
    }

    /// "the year 2019": the article between the bound word and the date.
    @Test func anArticleMaySitBetween() {
        #expect(bounds("He left before the year 2019.").first?.hasSuffix("less_than") == true)
    }

    /// Written after the date, at the end of its clause only.
    @Test func wordsAfterTheDate() {
        #expect(bounds("Models from 2012 or later qualify.") == ["2012 -"])
        #expect(bounds("Cars built in 2012 or later.") == ["2012 at_least"])
        #expect(bounds("Leave on 1/1/2016 and after my work is done.") == ["1/1/2016 -"])
    }

    /// A date itself, and one a span of time is counted from, are no bound; the date keeps its
    /// qualifier either way.
    @Test func plainDatesAndOffsetsCarryNone() {
        #expect(bounds("The vote was held on May 12, 2025.") == ["May 12, 2025 -"])
        #expect(bounds("It happened 2 weeks before Christmas 2024.").allSatisfy { $0.hasSuffix(" -") })
        let analysis = TextAnalysis(text: "Prices have doubled since 2010.")
        #expect(scanner.scan(analysis, reference: june2).first?.qualifier == .exact)
    }
}
