import Testing
import TallyCore
@testable import TallyEvaluation

@Suite struct GoldScorerTests {
    static let text = "Officials said at least 1,000 prisoners were freed after talks that lasted about an hour, and 18 to 25 year olds."

    static let gold = try! GoldArticle.parse("""
        article: a.txt
        claims:
        - id: 1
          kind: prisoners
          quote: at least 1,000 prisoners
          value: 1000
          qualifier: at_least
          core: true
        - id: 2
          kind: duration
          quote: lasted about an hour
          value: 60
          unit: minutes
          qualifier: approximate
          core: true
        - id: 3
          kind: other
          quote: 18 to 25
          value: [18, 25]
          qualifier: range
          core: false
        - id: 4
          kind: money
          quote: a quote that is not there
          value: 5
          core: true
        """, file: "a.yaml")

    static func claim(_ kind: String, _ quote: String, value: Double?, low: Double? = nil, high: Double? = nil, qualifier: Qualifier = .exact, unit: String? = nil, rule: String = "r") -> Claim {
        let scalars = Array(text.unicodeScalars)
        let start = GoldAlignment.find(Array(quote.unicodeScalars), in: scalars, from: 0)!
        return Claim(doc: "a.txt", kind: kind, value: value.map(Figure.number), low: (low ?? value).map(Figure.number), high: high.map(Figure.number),
                     qualifier: qualifier, unit: unit, scope: nil, subject: nil, event: nil, speaker: nil, quote: quote,
                     start: start, end: start + quote.unicodeScalars.count, sentence: "", rule: rule)
    }

    @Test func locatesQuotesAndReportsMissingOnes() {
        let alignment = GoldAlignment(gold: Self.gold.claims, text: Self.text)
        #expect(alignment.located.count == 3)
        #expect(alignment.unfound.map(\.id) == ["4"])
        #expect(alignment.located[0].start == 15)
    }

    @Test func durationsCompareInMinutesAndTrapsAreFalsePositives() {
        let alignment = GoldAlignment(gold: Self.gold.claims, text: Self.text)
        let claims = [
            Self.claim("prisoners", "at least 1,000 prisoners", value: 1000, qualifier: .atLeast, rule: "p"),
            Self.claim("duration", "about an hour", value: 1, qualifier: .approximate, unit: "hours", rule: "d"),
            Self.claim("prisoners", "18 to 25", value: nil, low: 18, high: 25, qualifier: .range, rule: "p"),
        ]
        var scores = GoldScores()
        GoldScorer().add(claims, alignment, article: "a.txt", to: &scores)
        let prisoners = scores.byKind["prisoners"]!
        #expect(prisoners.predicted == 2 && prisoners.detected == 1 && prisoners.strict == 1)
        #expect(prisoners.detectionPrecision == 0.5 && prisoners.detectionRecall == 1)
        let duration = scores.byKind["duration"]!
        #expect(duration.strict == 1 && duration.goldStrict == 1)
        #expect(scores.byRule["p"]!.gold == 1)
        #expect(scores.unfound.count == 1)
        #expect(scores.total.gold == 2)
    }

    @Test func strictCatchesWrongValueAndQualifier() {
        let gold = Self.gold.claims[0]
        let wrong = Self.claim("prisoners", "at least 1,000 prisoners", value: 1200, qualifier: .atMost)
        let problems = GoldFieldCheck.mismatches(wrong, gold)
        #expect(problems.count == 2)
        #expect(problems[0].contains("value 1,200"))
    }

    @Test func diffMarksDirection() {
        let alignment = GoldAlignment(gold: Self.gold.claims, text: Self.text)
        let right = Self.claim("prisoners", "at least 1,000 prisoners", value: 1000, qualifier: .atLeast)
        let trap = Self.claim("prisoners", "18 to 25", value: nil, low: 18, high: 25, qualifier: .range)
        var changed = right
        changed.qualifier = .exact
        let lost = BaselineDiff.diff(baseline: [right, trap], current: [], gold: alignment)
        #expect(lost.map(\.kind) == [.removed, .removed])
        #expect(lost.map(\.direction) == [.away, .toward])
        let edit = BaselineDiff.diff(baseline: [right], current: [changed], gold: alignment)
        #expect(edit.count == 1 && edit[0].kind == .changed && edit[0].direction == .away)
        #expect(edit[0].fields == ["qualifier at_least → exact"])
        #expect(BaselineDiff.diff(baseline: [right], current: [right], gold: alignment).isEmpty)
    }

    @Test func baselineRoundTrips() throws {
        let claims = [Self.claim("duration", "about an hour", value: 1, qualifier: .approximate, unit: "hours"),
                      Self.claim("prisoners", "at least 1,000 prisoners", value: 1000, qualifier: .atLeast)]
        let text = Baseline.render(claims)
        #expect(text.hasPrefix("{\"kind\":\"prisoners\",\"quote\":\"at least 1,000 prisoners\",\"start\":15"))
        let back = try Baseline.parse(text, file: "b.jsonl", article: "a.txt")
        #expect(BaselineDiff.diff(baseline: back, current: claims, gold: nil).isEmpty)
        #expect(throws: Baseline.ParseError.self) { try Baseline.parse("{oops", file: "b.jsonl", article: "a.txt") }
    }

    @Test func malformedGoldIsAnErrorNotACrash() {
        #expect(throws: GoldLoadError.self) { try GoldArticle.parse("claims: [", file: "bad.yaml") }
        #expect(throws: GoldLoadError.self) { try GoldArticle.parse("claims:\n- kind: prisoners\n", file: "bad.yaml") }
    }
}

@Suite struct ScoresDeltaTests {
    @Test func listsOnlyWhatMoved() {
        var before = GoldScores(rules: [("r.a", "prisoners"), ("r.b", "prisoners")])
        before.byKind["prisoners"] = GoldScore()
        before.byKind["prisoners"]!.predicted = 2
        before.byKind["prisoners"]!.detected = 2
        var after = before
        after.byKind["prisoners"]!.detected = 1
        after.byRule["r.b"] = nil
        let lines = ScoresDelta.lines(accepted: ScoresJSON.render(before), current: ScoresJSON.render(after))
        #expect(lines == ["prisoners: det P 1 → 0.5", "r.b: gone"])
        #expect(ScoresDelta.lines(accepted: ScoresJSON.render(before), current: ScoresJSON.render(before)).isEmpty)
        #expect(ScoresDelta.lines(accepted: "not json", current: ScoresJSON.render(before)).isEmpty)
    }
}
