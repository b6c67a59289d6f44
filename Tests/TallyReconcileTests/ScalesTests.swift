import Testing
import TallyCore
@testable import TallyReconcile

/// Counts orders of magnitude apart count different things and are compared apart; nearby ones are not.
@Suite struct ScalesTests {
    func killed(_ doc: String, _ value: Double, unit: String = "people", kind: String = "casualties") -> Claim {
        Claim(
            doc: doc, kind: kind, value: .number(value), low: .number(value), high: .number(value), qualifier: .exact, unit: unit,
            scope: nil, subject: "people killed", event: "2026-05-14", speaker: nil, quote: "q", start: 0, end: 1, sentence: "q", rule: "r")
    }

    @Test func aStrikesDeadAndAWarsTollAreNoConflict() {
        // "Two civilians were killed" on the day beside "an estimated 15,000" over the war.
        #expect(Reconciler().reconcile([killed("a", 2), killed("b", 15_000)]).isEmpty)
    }

    @Test func countsAFewTimesApartStillConflict() {
        #expect(Reconciler().reconcile([killed("a", 3_958), killed("b", 11_300)]).map(\.verdict) == [.conflict])
    }

    @Test func eachScaleIsComparedOnItsOwn() {
        let findings = Reconciler().reconcile([killed("a", 6), killed("b", 9), killed("c", 13_300), killed("d", 14_500)])
        #expect(findings.map(\.verdict) == [.conflict, .conflict])
        #expect(findings.map { Set($0.claims.map(\.claim.doc)) }.contains(["a", "b"]))
        #expect(findings.map { Set($0.claims.map(\.claim.doc)) }.contains(["c", "d"]))
    }

    @Test func aFigureBetweenTwoScalesBridgesThem() {
        let claims = [killed("a", 20), killed("b", 150), killed("c", 1_400)]
        #expect(Scales.split(Array(claims.indices), in: claims) == [[0, 1, 2]])
    }

    @Test func lengthsAndMoneyAreNeverSplit() {
        let days = [killed("a", 6, unit: "days", kind: "duration"), killed("b", 60, unit: "days", kind: "duration")]
        #expect(Scales.split([0, 1], in: days) == [[0, 1]])
        let money = [killed("a", 3e6, unit: "USD", kind: "money"), killed("b", 3e9, unit: "USD", kind: "money")]
        #expect(Scales.split([0, 1], in: money) == [[0, 1]])
    }

    @Test func partsKeepTheirMembersOrder() {
        let claims = [killed("a", 15_000), killed("b", 2), killed("c", 12_000), killed("d", 3)]
        #expect(Scales.split([0, 1, 2, 3], in: claims) == [[1, 3], [0, 2]])
    }
}
