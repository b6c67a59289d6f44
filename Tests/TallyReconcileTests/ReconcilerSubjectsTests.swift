import Testing
import TallyCore
@testable import TallyReconcile

/// The reduce one subject at a time hands findings over a group's at a time, the findings of `reconcile`.
@Suite struct ReconcilerSubjectsTests {
    func claim(_ doc: String, _ value: Double, event: String) -> Claim {
        Claim(
            doc: doc, kind: "casualties", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: "people", scope: nil, subject: "people killed", event: event, speaker: nil, quote: "q", start: 0, end: 1,
            sentence: "\(doc) \(value)", rule: "r")
    }

    @Test func eachGroupsFindingsArriveApartAndTogetherAreReconcilesFindings() {
        // One subject, two events: two groups, each a conflict.
        let claims = [
            claim("a", 10, event: "2025-06-02"), claim("b", 90, event: "2025-06-02"),
            claim("c", 300, event: "2025-08-20"), claim("d", 700, event: "2025-08-20"),
        ]
        let sources = Reconciler.Sources(sentences: Dictionary(uniqueKeysWithValues: claims.map { ($0.doc, [Reconciler.fingerprint($0.sentence)]) }))
        var handed: [[Finding]] = []
        Reconciler().forEachFinding(ofSubject: claims, sources: sources) { handed.append($0) }
        #expect(handed.map { $0.map(\.event) } == [["2025-06-02"], ["2025-08-20"]])
        #expect(Reconciler.ordered(findings: handed.flatMap { $0 }) == Reconciler().reconcile(claims))
    }
}
