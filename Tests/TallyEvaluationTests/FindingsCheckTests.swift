import Testing
import TallyCore
@testable import TallyEvaluation

/// Findings against expected pairs, by the rules of `check_findings.py`.
@Suite struct FindingsCheckTests {
    static let texts = [
        "601_ministry": "The ministry counted 40 dead on Friday.",
        "602_charity": "A charity counted 55 dead on Friday. It expects 90 dead by Sunday.",
    ]

    static var gold: FindingsCheck.Gold {
        var gold = FindingsCheck.Gold()
        for (article, text) in texts.sorted(by: { $0.key < $1.key }) {
            let quotes = article == "601_ministry" ? ["40 dead"] : ["55 dead", "90 dead"]
            let claims = quotes.enumerated().map { index, quote in
                GoldClaim(id: String(index + 1), kind: "casualties", quote: quote, value: nil, qualifier: nil, unit: nil, scope: nil,
                          subject: nil, core: true, line: 1)
            }
            gold.add(article: article, text: FoldedText(text), claims: claims)
        }
        return gold
    }

    func cited(_ article: String, _ quote: String, _ position: Int) -> FindingClaim {
        let text = Self.texts[article]!
        let start = text.distance(from: text.startIndex, to: text.range(of: quote)!.lowerBound)
        let claim = Claim(doc: "stories/articles/\(article).txt", kind: "casualties", value: .number(1), low: nil, high: nil, qualifier: .exact,
                          unit: nil, scope: nil, subject: "dead", event: nil, speaker: nil, quote: quote, start: start, end: start + quote.count,
                          sentence: text, rule: "r")
        return FindingClaim(claim: claim, position: position)
    }

    func finding(_ verdict: Verdict, _ reason: String, _ claims: [FindingClaim]) -> Finding {
        Finding(verdict: verdict, kind: "casualties", subject: "dead", event: nil, reason: reason, claims: claims)
    }

    func pair(_ id: String, _ a: [String], _ b: [String], _ verdicts: [String] = []) -> ExpectedFindings.Pair {
        ExpectedFindings.Pair(id: id, a: a, b: b, verdicts: verdicts)
    }

    @Test func outcomesFalseConflictsAndSummary() {
        let findings = [
            finding(.agreement, "all say 90", [cited("602_charity", "90 dead", 1), cited("601_ministry", "40 dead", 1)]),
            finding(.conflict, "40 against 55 and 90", [cited("601_ministry", "40 dead", 1), cited("602_charity", "55 dead", 2), cited("602_charity", "90 dead", 2)]),
            finding(.conflict, "55 against a figure that fits all", [cited("602_charity", "55 dead", 1), cited("602_charity", "90 dead", 0)]),
        ]
        let expected = ExpectedFindings(
            findings: [
                pair("ministry-vs-charity", ["601#1"], ["602#1"], ["conflict"]),
                pair("ministry-vs-projection", ["601#1"], ["602#2"], ["variance"]),
                pair("unknown-claim", ["601#1"], ["602#7"], ["conflict"]),
            ],
            notConflicts: [
                pair("count-vs-projection", ["602#1"], ["602#2"]),
                pair("ministry-vs-projection-never", ["601#1"], ["602#2"]),
            ])
        let check = FindingsCheck(findings: findings, expected: expected, gold: Self.gold)
        #expect(check.lines.map(\.outcome) == [.ok, .flagged, .missed])
        // Report order: conflicts before agreements.
        #expect(check.lines[1].verdicts == ["conflict", "agreement"])
        #expect(check.unknownReferences == ["602#7"])
        // Same position, or position 0, is not a side: only the second pair is set against each other.
        #expect(check.falseConflicts.map(\.id) == ["ministry-vs-projection-never"])
        #expect(check.falseConflicts.first?.reason == "40 against 55 and 90")
        #expect(check.summary == "flagged 2/3, verdict right 1/3, false conflicts 1/2")
        let text = StoryCheckReport.findingsText(check)
        #expect(text.contains("~   ministry-vs-projection: ['conflict', 'agreement'] (want ['variance'])\n"))
        #expect(text.contains("MISS unknown-claim: not grouped (want ['conflict'])\n"))
        #expect(text.contains("FALSE CONFLICT ministry-vs-projection-never: 40 against 55 and 90\n"))
    }

    @Test func anAgreementFlagsOnlyWhenAgreementIsWanted() {
        let findings = [finding(.agreement, "same", [cited("601_ministry", "40 dead", 1), cited("602_charity", "55 dead", 1)])]
        let expected = ExpectedFindings(
            findings: [pair("wants-conflict", ["601#1"], ["602#1"], ["conflict"]), pair("wants-agreement", ["601#1"], ["602#1"], ["agreement", "variance"])],
            notConflicts: [])
        let check = FindingsCheck(findings: findings, expected: expected, gold: Self.gold)
        #expect(check.lines.map(\.outcome) == [.missed, .ok])
        #expect(check.lines[0].verdicts == ["agreement"])
    }

    @Test func expectedFileParsesAndNamesBadEntries() throws {
        let parsed = try ExpectedFindings.parse("""
            findings:
              # why: two counts of one day
              - id: one
                a: [601#1]
                b: [602#1, 602#2]
                verdict: [conflict, variance]
            not_conflicts:
              - {id: two, a: [602#1], b: [602#2]}
            """, file: "expected.yaml")
        #expect(parsed.findings == [pair("one", ["601#1"], ["602#1", "602#2"], ["conflict", "variance"])])
        #expect(parsed.notConflicts == [pair("two", ["602#1"], ["602#2"])])
        #expect(throws: GoldLoadError.self) { try ExpectedFindings.parse("findings:\n  - id: x\n    a: [601#1]\n", file: "e.yaml") }
    }
}
