import Testing
import TallyCore
@testable import TallyReconcile

/// Claims in no finding, counted by why.
@Suite struct UnpairedClaimsTests {
    func claim(_ doc: String, _ value: Double, subject: String?, event: String?, start: Int = 0) -> Claim {
        Claim(doc: doc, kind: "children", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
              unit: "children", scope: nil, subject: subject, event: event, speaker: nil, quote: "q", start: start, end: start + 1,
              sentence: "q", rule: "r")
    }

    @Test func countsEachReason() {
        let claims = [
            claim("a", 339, subject: "children on list", event: "2025-06-02"),
            claim("b", 400, subject: "children on list", event: "2025-06-02"),  // these two make a conflict
            claim("c", 5, subject: nil, event: nil),  // no subject
            claim("d", 7, subject: "children returned", event: "2025-06-02"),  // alone on its subject
            claim("e", 20, subject: "children deported", event: "2025-05-01"),
            claim("f", 21, subject: "children deported", event: "2025-09-01"),  // same subject, another event
        ]
        let findings = Reconciler().reconcile(claims)
        #expect(findings.count == 1)
        let unpaired = UnpairedClaims(claims: claims, findings: findings)
        #expect(unpaired == UnpairedClaims(noSubject: 1, alone: 1, otherEvent: 2))
        #expect(unpaired.sentence == "4 claims found no partner: 1 without a subject, 1 the only claim on its subject, 2 about another event or story than the others on their subject.")
    }

    @Test func everyClaimPaired() {
        let claims = [claim("a", 339, subject: "s", event: "e"), claim("b", 339, subject: "s", event: "e")]
        let unpaired = UnpairedClaims(claims: claims, findings: Reconciler().reconcile(claims))
        #expect(unpaired.total == 0)
        #expect(unpaired.sentence == "Every claim with a subject found a partner.")
    }
}
