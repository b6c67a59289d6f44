import Testing
import TallyCore
import TallyReconcile

/// A page that repeats one figure tens of thousands of times must not make reconciliation quadratic:
/// the group's pairwise comparison is bounded (`GroupLimit`), and the verdict is unchanged.
@Suite struct ReconcileLimitTests {
    static func claim(_ doc: String, _ value: Double, at start: Int) -> Claim {
        Claim(
            doc: doc, kind: "prisoners", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: "prisoners", scope: nil, subject: "prisoners held", event: nil, speaker: nil,
            quote: "\(Int(value)) prisoners", start: start, end: start + 10, sentence: "\(Int(value)) prisoners.", rule: "test")
    }

    @Test func hugeGroupOfRepeatsIsBoundedAndKeepsTheConflict() {
        var claims = (0..<30_000).map { Self.claim("spam.txt", 1000, at: $0 * 20) }
        claims.append(Self.claim("other.txt", 5000, at: 0))
        let findings = Reconciler().reconcile(claims)
        #expect(findings.count == 1)
        #expect(findings.first?.verdict == .conflict)
        let cited = findings.first?.claims.count ?? 0
        #expect(cited >= 2 && cited <= 2000, "\(cited) claims cited")
        #expect(findings.first?.claims.contains { $0.claim.doc == "other.txt" } == true)
    }

    @Test func ordinaryGroupsAreUntouched() {
        let claims = (0..<40).map { Self.claim("a.txt", 1000, at: $0 * 20) } + [Self.claim("b.txt", 1000, at: 0)]
        #expect(Reconciler().reconcile(claims).first?.claims.count == 41)
    }
}
