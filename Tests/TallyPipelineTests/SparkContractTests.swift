import Testing
import TallyCore
import TallyReconcile

/// What the Spark job (contrib/spark) relies on: reconciling the claims of each (kind, subject) shuffle
/// group separately gives the findings of reconciling them all at once — and a raw (kind, subject,
/// event) key would not, because the reconciler merges a month into its one day.
@Suite struct SparkContractTests {
    func claim(_ doc: String, _ kind: String, _ subject: String?, event: String?, value: Double, start: Int = 0) -> Claim {
        Claim(
            doc: doc, kind: kind, value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: nil, scope: nil, subject: subject, event: event, speaker: nil, quote: "q", start: start, end: start + 1,
            sentence: "q", rule: "r")
    }

    var claims: [Claim] {
        [
            claim("a", "prisoners", "prisoner exchange", event: "2026-04", value: 1000),
            claim("b", "prisoners", "prisoner exchange", event: "2026-04-09", value: 1200),
            claim("c", "prisoners", "prisoner exchange", event: "2025-05-16", value: 1000),
            claim("d", "prisoners", "prisoner exchange", event: "2025-05-16", value: 1000, start: 5),
            claim("a", "duration", "talks duration", event: nil, value: 60),
            claim("b", "duration", "talks duration", event: nil, value: 90),
            claim("c", "people", nil, event: nil, value: 5),
            claim("d", "people", nil, event: nil, value: 9),
        ]
    }

    func signature(_ findings: [Finding]) -> Set<String> {
        Set(findings.map { f in
            "\(f.verdict) \(f.kind) \(f.subject ?? "") \(f.event ?? "") " + f.claims.map { "\($0.claim.doc)@\($0.claim.start)" }.sorted().joined(separator: ",")
        })
    }

    func reconcileInGroups(_ key: (Claim) -> String) -> [Finding] {
        Dictionary(grouping: claims, by: key).values.flatMap { Reconciler().reconcile($0) }
    }

    @Test func kindAndSubjectGroupsGiveTheSingleMachineFindings() {
        let whole = Reconciler().reconcile(claims)
        #expect(whole.count == 3)
        #expect(signature(reconcileInGroups { $0.kind + "\u{1F}" + ($0.subject ?? "") }) == signature(whole))
    }

    @Test func rawEventKeySplitsAMonthFromItsDay() {
        let whole = Reconciler().reconcile(claims)
        #expect(whole.contains { $0.event == "2026-04-09" && $0.claims.count == 2 && $0.verdict == .conflict })
        let split = reconcileInGroups { [$0.kind, $0.subject ?? "", $0.event ?? ""].joined(separator: "\u{1F}") }
        #expect(!split.contains { $0.event == "2026-04-09" })
        #expect(signature(split) != signature(whole))
    }
}
