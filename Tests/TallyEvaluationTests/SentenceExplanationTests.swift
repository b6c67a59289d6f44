import Foundation
import Testing
import TallyCore
import TallyExtract
@testable import TallyEvaluation

@Suite struct SentenceExplanationTests {
    func explain(_ text: String, sentence: Int = 0) throws -> [SentenceExplanation] {
        let extractor = Extractor(rules: try competingRules())
        return SentenceExplanation.explain(PreparedDocument(document: Document(id: "t", text: text), rules: extractor.rules), sentences: [sentence], extractor: extractor)
    }

    @Test func showsMatchesBlockedRulesAndTheWinner() throws {
        let explained = try #require(try explain("Officials said 20 Ukrainian prisoners were freed.").first)
        #expect(explained.quantities.count == 1)
        #expect(explained.tags.contains { $0.className == "pow_noun" && $0.text == "prisoners" })
        let swap = try #require(explained.matches.first { $0.rule.id == "p.swap" })
        guard case .missingRequirement(let pattern, in: .sentence)? = swap.blocked else { Issue.record("\(String(describing: swap.blocked))"); return }
        #expect(pattern.source == "@exchange_word")
        // Only p.long reaches over "Ukrainian" (p.short needs the noun right after the number).
        let winner = try #require(explained.winners.first ?? nil)
        #expect(winner.rule.id == "p.long" && explained.beaten(by: winner).isEmpty)
        #expect(explained.claims.map(\.rule) == ["p.long"])
        let text = ExplainReport.render(explained)
        #expect(text.contains("requires @exchange_word — not found in the sentence"))
        #expect(text.contains("#1 → p.long (only candidate)"))
    }

    @Test func theWinnerIsRankedAboveTheRulesItBeat() throws {
        let explained = try #require(try explain("Officials said 20 prisoners were freed.").first)
        // Both match 2 tokens: p.short's priority 5 beats p.long's 0.
        let winner = try #require(explained.winners.first ?? nil)
        #expect(winner.rule.id == "p.short" && explained.beaten(by: winner).map(\.rule.id) == ["p.long"])
        #expect(ExplainReport.render(explained).contains("#1 → p.short beats p.long (priority 5 vs 0)"))
    }

    @Test func vetoIsShownWithItsPattern() throws {
        let explained = try #require(try explain("He spent 20 years prisoners of hope.").first)
        let long = explained.matches.first { $0.rule.id == "p.long" }
        guard case .vetoed(let veto)? = long?.blocked else { Issue.record("\(String(describing: long?.blocked))"); return }
        #expect(veto.source == "n:NUM years")
        #expect(ExplainReport.render(explained).contains(": vetoed by n:NUM years"))
        #expect(explained.claims.allSatisfy { $0.rule != "p.long" })
    }

    /// A rule matching over "all-for-all" wins nothing: the number states no figure, so the extractor makes no claim.
    @Test func aNumberWithoutAFigureHasNoWinner() throws {
        let explained = try #require(try explain("They agreed to swap all-for-all prisoners.").first)
        #expect(!explained.matches.isEmpty && explained.matches.allSatisfy { $0.blocked == .noFigure })
        #expect(explained.winners == [nil] && explained.claims.isEmpty)
        #expect(ExplainReport.render(explained).contains("the number states no figure — nothing to claim"))
    }

    @Test func noSuchSentenceIsLeftOut() throws {
        #expect(try explain("One sentence.", sentence: 3).isEmpty)
    }
}
