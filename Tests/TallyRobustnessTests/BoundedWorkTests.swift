import Foundation
import Testing
import TallyCore
import TallyExtract
import TallyIngest
import TallyNumerals

/// Inputs with no natural breaks must not make the work per sentence or per paragraph grow with the
/// input: those are what keeps extraction linear (the matcher and the claim builder work per sentence,
/// `context: paragraph` rules per paragraph, and every claim quotes its sentence).
@Suite struct BoundedWorkTests {
    /// One line of `count` clauses, no full stop anywhere.
    static func unpunctuated(_ count: Int) -> String {
        (0..<count).map { "officials said about \($0 % 900 + 1),000 prisoners were freed and" }.joined(separator: " ")
    }

    @Test func sentencesAndParagraphsStayBoundedOnOneEndlessLine() {
        let analysis = TextAnalysis(text: Self.unpunctuated(3000))
        #expect(analysis.tokens.count > 20_000)
        let longest = analysis.sentences.map(\.tokens.count).max() ?? 0
        #expect(longest <= 400, "a sentence of \(longest) tokens")
        var paragraphTokens: [Int: Int] = [:]
        for sentence in analysis.sentences { paragraphTokens[sentence.paragraph, default: 0] += sentence.tokens.count }
        let widest = paragraphTokens.values.max() ?? 0
        #expect(widest <= 4400, "a paragraph of \(widest) tokens")
        // Nothing is lost by cutting: the sentences still cover every token, in order.
        #expect(analysis.sentences.first?.tokens.lowerBound == 0)
        #expect(analysis.sentences.last?.tokens.upperBound == analysis.tokens.count)
        for (a, b) in zip(analysis.sentences, analysis.sentences.dropFirst()) { #expect(a.tokens.upperBound == b.tokens.lowerBound) }
    }

    @Test func ordinaryLongSentenceIsNotCut() {
        let sentence = (0..<60).map { "word\($0)" }.joined(separator: " ") + " 1,000 prisoners were freed."
        #expect(TextAnalysis(text: sentence).sentences.count == 1)
    }

    @Test func claimsOnEndlessLineQuoteBoundedSentences() throws {
        let rules = TallyProcess.repository.appendingPathComponent("rules").path
        let extractor = Extractor(rules: try RuleSet.load(directory: rules))
        let text = Self.unpunctuated(1200)
        let claims = extractor.extract(Document(id: "endless", published: CalendarDate(iso: "2024-03-01"), text: text))
        #expect(claims.count > 100)
        let longest = claims.map(\.sentence.count).max() ?? 0
        #expect(longest < 4000, "a claim quotes a sentence of \(longest) characters")
    }

    @Test func longLineIsReportedAtIngest() throws {
        let docs = try Ingestor().ingest(bytes: Array(Self.unpunctuated(600).utf8), id: "endless.txt")
        #expect(docs.first?.warnings.contains { $0.contains("very long line") } == true)
        let normal = try Ingestor().ingest(bytes: Array("At least 1,000 prisoners were freed.\n".utf8), id: "short.txt")
        #expect(normal.first?.warnings.isEmpty == true)
    }
}
