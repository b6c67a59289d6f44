import Testing
import TallyCore
@testable import TallyReconcile

/// What a claim's status does to comparison: plans, projections, parts and increments never conflict
/// with a count; a total to date read on later days is updated, not contradicted.
@Suite struct ClaimStatusTests {
    func claim(_ doc: String, _ value: Double, status: ClaimStatus? = nil, event: String? = "2023-09-14", speaker: String? = nil) -> Claim {
        Claim(
            doc: doc, kind: "casualties", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: "people", scope: nil, subject: "people killed", event: event, speaker: speaker, quote: "q", start: 0, end: 1,
            sentence: "q", rule: "r", status: status)
    }

    @Test func aProjectionNeverConflictsWithACount() {
        let findings = Reconciler().reconcile([claim("a", 11_300), claim("b", 20_000, status: .projected)])
        #expect(findings.allSatisfy { $0.verdict != .conflict })
    }

    @Test func aPlanAndADeliveryThatAgreeStillAgree() {
        let findings = Reconciler().reconcile([claim("a", 39), claim("b", 39, status: .planned)])
        #expect(findings.map(\.verdict) == [.agreement])
    }

    @Test func theSameTotalReadOnTwoDaysAgrees() {
        let findings = Reconciler().reconcile([
            claim("a", 11_300, status: .runningTotal, event: "2023-09-14"), claim("b", 11_300, status: .runningTotal, event: "2023-09-15"),
        ])
        #expect(findings.map(\.verdict) == [.agreement])
    }

    @Test func aRisingTotalOverDaysIsAnUpdate() {
        let findings = Reconciler().reconcile([
            claim("a", 3_958, status: .runningTotal, event: "2023-09-17"), claim("b", 4_255, status: .runningTotal, event: "2023-09-28"),
        ])
        #expect(findings.map(\.verdict) == [.variance])
        #expect(findings[0].reason.contains("updated from 3,958 people to 4,255 people"))
        #expect(findings[0].event == "2023-09-28")
    }

    @Test func aTotalThatFellWithinItsApproximationIsRevisedDownNotUpdated() {
        var about = claim("c", 11_000, status: .runningTotal, event: "2023-09-16")
        (about.low, about.high, about.qualifier) = (.number(10_500), .number(11_500), .approximate)
        let findings = Reconciler().reconcile([
            claim("a", 11_300, status: .runningTotal, event: "2023-09-14"), claim("b", 11_300, status: .runningTotal, event: "2023-09-15"), about,
        ])
        let variance = try! #require(findings.first { $0.verdict == .variance })
        #expect(variance.reason.contains("revised down from 11,300 people to about 11,000 people"))
    }

    @Test func aFallingTotalOverDaysIsAConflict() {
        let findings = Reconciler().reconcile([
            claim("a", 3_840, status: .runningTotal, event: "2023-09-14"), claim("b", 3_166, status: .runningTotal, event: "2023-09-16"),
        ])
        #expect(findings.map(\.verdict) == [.conflict])
    }

    @Test func twoTotalsForTheSameDayConflict() {
        let findings = Reconciler().reconcile([
            claim("a", 3_166, status: .runningTotal, event: "2023-09-16"), claim("b", 3_252, status: .runningTotal, event: "2023-09-16"),
        ])
        #expect(findings.map(\.verdict) == [.conflict])
    }

    @Test func anEarlierReadingStandsAgainstNothingAndJoinsTheTotals() {
        let findings = Reconciler().reconcile([
            claim("a", 11_300, status: .runningTotal), claim("b", 3_958, status: .runningTotal),
            claim("c", 150, status: .superseded), claim("d", 90, status: .superseded),
        ])
        #expect(findings.count == 1)
        #expect(findings[0].verdict == .conflict)
        // Compatible with every claim (it conflicts with none), each earlier reading fits every side.
        #expect(findings[0].claims.filter { $0.claim.status == .superseded }.allSatisfy { $0.position == 0 })
    }

    @Test func anEarlierReadingIsNamedAsOneInTheReason() {
        let findings = Reconciler().reconcile([
            claim("a", 60, status: .runningTotal), claim("b", 60, status: .runningTotal, speaker: "Marov"),
            claim("c", 38, status: .superseded, speaker: "Marov"),
        ])
        #expect(findings.map(\.verdict) == [.agreement])
        #expect(findings[0].reason == "2 sources say 60 people consistently (earlier readings aside)")
        let rising = Reconciler().reconcile([
            claim("a", 60, status: .runningTotal), claim("b", 61, status: .runningTotal, event: "2023-09-14"),
            claim("c", 38, status: .superseded, speaker: "Marov"),
        ].map { var c = $0; c.low = .number(c.value!.number! - 5); return c })
        #expect(rising.map(\.verdict) == [.variance])
        #expect(rising[0].reason.contains("Marov said earlier 38 people"))
        #expect(rising[0].reason.hasSuffix("(earlier readings aside)"))
    }

    @Test func aFigureWithoutAnEventIsNotSetAgainstOneOfSeveralEvents() {
        // Swaps on the 24th and 25th; two articles that give no date at all say 10 and 4 were freed.
        var claims = [claim("a", 10, event: "2023-11-24"), claim("b", 4, event: "2023-11-25"), claim("c", 10, event: nil), claim("d", 4, event: nil)]
        for index in claims.indices { claims[index].subject = "Thai people freed" }
        #expect(Reconciler().reconcile(claims).allSatisfy { $0.verdict != .conflict })
        // With one dated event, undated figures are about it: one finding, on that event.
        claims[1].event = "2023-11-24"
        let findings = Reconciler().reconcile(claims).filter { $0.verdict == .conflict }
        #expect(findings.count == 1)
        #expect(findings[0].event == "2023-11-24" && findings[0].claims.count == 4)
    }

    @Test func neighbouringLowerBoundsShareASide() {
        var above2000 = claim("b", 2_000)
        above2000.low = .number(2_000); above2000.high = nil; above2000.qualifier = .moreThan
        var above2300 = claim("c", 2_300)
        above2300.low = .number(2_300); above2300.high = nil; above2300.qualifier = .moreThan
        let findings = Reconciler().reconcile([claim("a", 400), above2000, above2300, claim("d", 2_600)])
        let sides = Dictionary(uniqueKeysWithValues: findings[0].claims.map { ($0.claim.doc, $0.position) })
        #expect(findings[0].verdict == .conflict)
        #expect(sides["b"] == sides["c"])
        #expect(sides["a"] != sides["b"])
    }

    @Test func aRunningTotalIsNeverSetAgainstOneDaysBatch() {
        var total = claim("a", 180, status: .runningTotal, event: "2023-11-29")
        var batch = claim("b", 30, event: "2023-11-29")
        total.subject = "prisoner exchange"
        batch.subject = "prisoner exchange"
        #expect(Reconciler().reconcile([total, batch]).isEmpty)
    }

    @Test func compatibleFiguresShareASideWhateverTheirOrder() {
        let findings = Reconciler().reconcile([
            claim("a", 3_958), claim("b", 11_300), claim("c", 3_960), claim("d", 11_300),
        ])
        // The two sources on the 11,300 side agree: a finding of its own, after the conflict.
        #expect(findings.map(\.verdict) == [.conflict, .agreement])
        let positions = Dictionary(uniqueKeysWithValues: findings[0].claims.map { ($0.claim.doc, $0.position) })
        #expect(positions["b"] == positions["d"])
        #expect(positions["a"] != positions["b"])
    }

    @Test func figuresThatDifferOnOneSideAreAVarianceOfTheirOwn() {
        var lower = claim("c", 3_845)
        lower.qualifier = .approximate
        lower.low = .number(3_800)
        lower.high = .number(3_960)
        let findings = Reconciler().reconcile([claim("a", 3_958), claim("b", 11_300), lower])
        #expect(findings.map(\.verdict) == [.conflict, .variance])
        #expect(Set(findings[1].claims.map(\.claim.doc)) == ["a", "c"])
    }

    @Test func undatedTotalsMayBeUpdatesOfEachOther() {
        let findings = Reconciler().reconcile([
            claim("a", 3_958, status: .runningTotal, event: nil), claim("b", 4_255, status: .runningTotal, event: nil),
        ])
        #expect(findings.map(\.verdict) == [.variance])
        #expect(findings[0].reason.contains("the higher may be the later"))
    }

    // MARK: Standing counts (people missing, displaced): they rise and fall

    func missing(_ doc: String, _ value: Double, event: String?) -> Claim {
        var claim = claim(doc, value, status: .standing, event: event)
        claim.subject = "people missing"
        return claim
    }

    @Test func aStandingCountThatFellOverDaysIsAnUpdateNotAConflict() {
        let findings = Reconciler().reconcile([missing("a", 10_000, event: "2023-09-12"), missing("b", 8_540, event: "2023-09-28")])
        #expect(findings.map(\.verdict) == [.variance])
        #expect(findings[0].reason.contains("a count as it stands on each day, down from 10,000 people to 8,540 people"))
        #expect(findings[0].event == "2023-09-28")
    }

    @Test func twoStandingCountsOfOneDayConflict() {
        let findings = Reconciler().reconcile([missing("a", 5_000, event: "2023-09-12"), missing("b", 10_000, event: "2023-09-12")])
        #expect(findings.map(\.verdict) == [.conflict])
    }

    @Test func anUndatedStandingCountMayHaveStoodOnAnyDay() {
        // 9,000 missing in an article that gives no day, 8,540 on the 28th: either may be the later reading.
        let findings = Reconciler().reconcile([missing("a", 9_000, event: nil), missing("b", 8_540, event: "2023-09-28")])
        #expect(findings.map(\.verdict) == [.variance])
        #expect(findings[0].reason.contains("counts as they stand from articles that do not say which day"))
    }

    @Test func undatedStandingCountsBesideOneDaysConflictAreComparedAmongThemselves() {
        // Two readings of the 12th contradict; undated 10,100 and 9,000 fit either for want of a day, and
        // their own difference is a finding too.
        let findings = Reconciler().reconcile([
            missing("a", 5_000, event: "2023-09-12"), missing("b", 10_000, event: "2023-09-12"), missing("c", 10_100, event: nil),
            missing("d", 9_000, event: nil),
        ])
        #expect(findings.first?.verdict == .conflict)
        let undated = findings.filter { Set($0.claims.map(\.claim.doc)) == ["c", "d"] }
        #expect(undated.map(\.verdict) == [.variance])
    }

    @Test func aStandingCountNeverMeetsATotal() {
        var total = claim("b", 12_000, status: .runningTotal, event: "2023-09-12")
        total.subject = "people missing"
        #expect(Reconciler().reconcile([missing("a", 5_000, event: "2023-09-12"), total]).allSatisfy { $0.verdict != .conflict })
    }
}
