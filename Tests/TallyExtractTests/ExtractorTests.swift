import Foundation
import TallyCore
import Testing

@testable import TallyExtract

/// The extractor over whole documents: what a document states once is claimed once.
@Suite struct ExtractorTests {
    static let rules = Result { try RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path) }

    func claims(_ text: String) throws -> [Claim] {
        Extractor(rules: try Self.rules.get()).extract(Document(id: "a.txt", published: nil, text: text))
    }

    @Test func aSentencePrintedTwiceStatesItsFiguresOnce() throws {
        let headline = "Floods killed over 2,300 in the port city"
        let claims = try claims("\(headline)\n\(headline)\n\nRescuers said more than 2,300 people were killed.")
        #expect(claims.filter { $0.quote.contains("killed over 2,300") }.count == 1)
        // The same figure in other words is another statement, and stays.
        #expect(claims.filter { $0.kind == "casualties" }.count == 2)
    }

    @Test func aDateWellBeforeTheArticlesDayIsBackground() throws {
        let text = "The three women were freed in November 2023. The fourth was freed on February 10."
        let extractor = Extractor(rules: try Self.rules.get())
        let dated = extractor.extract(Document(id: "a.txt", published: CalendarDate(year: 2025, month: 2, day: 15), text: text))
        #expect(dated.filter { $0.kind == "date" }.map(\.quote) == ["February 10"])
        // Without the article's day there is nothing to measure against: both stay.
        let undated = extractor.extract(Document(id: "a.txt", published: nil, text: "The women were freed in November 2023 and March 2024."))
        #expect(undated.filter { $0.kind == "date" }.count == 2)
    }
}
