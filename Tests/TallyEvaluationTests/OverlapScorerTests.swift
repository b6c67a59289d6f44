import Testing
import TallyCore
@testable import TallyEvaluation

/// Scoring by quote overlap: many-to-many, recall over core gold, non-core matches neutral, merged kinds.
@Suite struct OverlapScorerTests {
    static let text = "Rescuers said 12 divers and 30 volunteers searched the lake for 6 hours, and that 2 boats sank."

    func gold(_ id: String, _ kind: String, _ quote: String, _ value: Double, core: Bool = true) -> GoldClaim {
        GoldClaim(id: id, kind: kind, quote: quote, value: .number(value), qualifier: "exact", unit: nil, scope: nil, subject: nil, core: core, line: 1)
    }

    func claim(_ kind: String, _ quote: String, _ value: Double) -> Claim {
        let start = Self.text.distance(from: Self.text.startIndex, to: Self.text.range(of: quote)!.lowerBound)
        return Claim(doc: "arts/501_lake.txt", kind: kind, value: .number(value), low: nil, high: nil, qualifier: .exact, unit: nil, scope: nil,
                     subject: nil, event: nil, speaker: nil, quote: quote, start: start, end: start + quote.count, sentence: Self.text, rule: "r")
    }

    @Test func scoresLikeTheSharedScorer() {
        let gold = [
            gold("1", "people", "12 divers", 12),
            gold("2", "prisoners", "30 volunteers", 30),
            gold("3", "duration", "6 hours", 360),
            gold("4", "aircraft", "2 boats", 2, core: false),
        ]
        let claims = [
            claim("prisoners", "12 divers", 12),  // people are scored as prisoners
            claim("prisoners", "30 volunteers", 31),  // more than 1% off: a false positive
            claim("aircraft", "2 boats", 2),  // matches only non-core gold: neutral
            claim("bodies", "Rescuers", 1),  // no gold at all
            claim("other", "lake", 1),  // a kind that is not scored
        ]
        let article = OverlapScorer.Article(name: "501_lake", gold: gold, text: FoldedText(Self.text), claims: claims)
        let scores = OverlapScorer().score([article])
        #expect(scores.byKind["prisoners"]?.gold == 2)
        #expect(scores.byKind["prisoners"]?.goldFound == 1)
        #expect(scores.byKind["prisoners"]?.matched == 1)
        #expect(scores.byKind["prisoners"]?.falsePositives == 1)
        #expect(scores.byKind["aircraft"]?.neutral == 1 && scores.byKind["aircraft"]?.gold == 0)
        #expect(scores.byKind["bodies"]?.falsePositives == 1)
        #expect(scores.byKind["people"] == nil && scores.byKind["other"] == nil)
        #expect(scores.total.gold == 3 && scores.total.goldFound == 1)
        #expect(scores.total.matched == 1 && scores.total.falsePositives == 2 && scores.total.neutral == 1)
        #expect(scores.missed.map(\.claim.id) == ["2", "3"])
        let table = StoryCheckReport.claimsTable(scores)
        #expect(table.hasSuffix("precision 0.333 recall 0.333 F1 0.333 (core gold 3, predictions scored 3, neutral 1)\n"))
        #expect(table.contains("prisoners        2     1     1     1  0.500  0.500\n"))
    }
}
