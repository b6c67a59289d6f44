import Testing
import TallyCore
@testable import TallyReconcile

/// Verdicts on hand-made claims: the arithmetic of intervals, qualifiers and scope.
@Suite struct ReconcilerTests {
    func claim(
        _ doc: String, _ kind: String = "children", value: Double? = nil, low: Double? = nil, high: Double? = nil,
        _ qualifier: Qualifier = .exact, unit: String? = nil, scope: Scope? = nil, subject: String = "s", event: String? = "2025-06-02",
        speaker: String? = nil
    ) -> Claim {
        Claim(
            doc: doc, kind: kind, value: value.map(Figure.number), low: (low ?? (qualifier == .exact ? value : nil)).map(Figure.number),
            high: (high ?? (qualifier == .exact ? value : nil)).map(Figure.number), qualifier: qualifier, unit: unit, scope: scope,
            subject: subject, event: event, speaker: speaker, quote: "q", start: 0, end: 1, sentence: "q", rule: "r")
    }

    @Test func nearlyFourHundredAndThreeThirtyNineConflict() {
        let findings = Reconciler().reconcile([
            claim("a", value: 400, low: 360, high: 400, .lessThan, unit: "children", speaker: "Zelensky"),
            claim("b", value: 339, unit: "children", speaker: "Medinsky"),
        ])
        #expect(findings.count == 1)
        #expect(findings[0].verdict == .conflict)
        #expect(Set(findings[0].claims.map(\.position)) == [1, 2])
        #expect(findings[0].reason.contains("Zelensky says nearly 400 children"))
        #expect(findings[0].reason.contains("Medinsky says 339 children"))
    }

    @Test func aConflictNamesTheFirstTwoDistinctFiguresOfEachSide() {
        // One side of four overlapping figures (A's twice), the other of one.
        let low = { (doc: String, value: Double, speaker: String) in self.claim(doc, value: value, low: 8, high: 14, .approximate, speaker: speaker) }
        let findings = Reconciler().reconcile([low("a", 10, "A"), low("b", 10, "A"), low("c", 11, "C"), low("d", 12, "D"), claim("e", value: 100, speaker: "E")])
        let reason = findings.first { $0.verdict == .conflict }?.reason ?? ""
        let named = reason.split(separator: " — ").first.map(String.init) ?? ""
        #expect(named.components(separatedBy: "; ").map { $0.components(separatedBy: ", ").map { $0.split(separator: " ").first ?? "" } } == [["A", "C"], ["E"]])
    }

    @Test func anHourAndNinetyMinutesConflictWhileLessThanTwoHoursFitsBoth() {
        let findings = Reconciler().reconcile([
            claim("a", "duration", value: 1, .approximate, unit: "hours"),
            claim("b", "duration", value: 90, .approximate, unit: "minutes"),
            claim("c", "duration", value: 2, high: 2, .lessThan, unit: "hours"),
        ])
        #expect(findings.first?.verdict == .conflict)
        #expect(findings.first?.claims.first { $0.claim.doc == "c" }?.position == 0)
    }

    @Test func perSideAndTotalAreFramingNotConflict() {
        let findings = Reconciler().reconcile([
            claim("a", "bodies", value: 6000, scope: .perSide),
            claim("a", "bodies", value: 12000),
            claim("b", "bodies", value: 6000, scope: .oneSide),
        ])
        #expect(findings.map(\.verdict) == [.framing])
        #expect(findings[0].reason.contains("per side"))
        #expect(findings[0].reason.contains("one way"))
    }

    @Test func sourcesStatingOneFigureWithinAVarianceAgree() {
        let findings = Reconciler().reconcile([
            claim("a", "casualties", value: 11300, unit: "people"),
            claim("b", "casualties", value: 11300, unit: "people"),
            claim("c", "casualties", value: 11000, low: 10500, high: 11500, .approximate, unit: "people"),
        ])
        #expect(findings.map(\.verdict) == [.variance, .agreement])
        #expect(Set(findings[1].claims.map(\.claim.doc)) == ["a", "b"])
        // One source saying it twice is no agreement.
        let single = Reconciler().reconcile([
            claim("a", "casualties", value: 11300, unit: "people"),
            claim("a", "casualties", value: 11300, unit: "people", speaker: "x"),
            claim("c", "casualties", value: 11000, low: 10500, high: 11500, .approximate, unit: "people"),
        ])
        #expect(single.map(\.verdict) == [.variance])
    }

    @Test func aFigureStatedWithAndWithoutAnIncludingHedgeIsOneFigure() {
        // "270" and "at least 270" agree; "nearly 300" fits both but names another figure: a variance.
        let findings = Reconciler().reconcile([
            claim("a", "casualties", value: 270, unit: "people"),
            claim("b", "casualties", value: 270, low: 270, .atLeast, unit: "people"),
            claim("c", "casualties", value: 300, low: 270, high: 300, .lessThan, unit: "people"),
        ])
        #expect(findings.map(\.verdict) == [.variance, .agreement])
        #expect(Set(findings[1].claims.map(\.claim.doc)) == ["a", "b"])
        #expect(findings[1].reason == "2 sources say 270 people consistently")
        let alone = Reconciler().reconcile([
            claim("b", "casualties", value: 270, low: 270, .atLeast, unit: "people"),
            claim("a", "casualties", value: 270, unit: "people"),
        ])
        #expect(alone.map(\.verdict) == [.agreement])
    }

    @Test func aFigureJustInsideAnOpenBoundAgreesWithItAndOneFurtherOffVaries() {
        let close = Reconciler().reconcile([
            claim("a", "people", value: 250, low: 250, .moreThan, unit: "people"),
            claim("b", "people", value: 251, unit: "people"),
        ])
        #expect(close.map(\.verdict) == [.agreement])
        let further = Reconciler().reconcile([
            claim("a", "casualties", value: 29, low: 29, .atLeast, unit: "people"),
            claim("b", "casualties", value: 33, unit: "people"),
        ])
        #expect(further.map(\.verdict) == [.variance])
    }

    @Test func aMonthAndThirtyDaysMayBeOneLength() {
        let findings = Reconciler().reconcile([
            claim("a", "duration", value: 30, unit: "days"),
            claim("b", "duration", value: 1, unit: "months"),
        ])
        #expect(findings.map(\.verdict) == [.variance])
        let apart = Reconciler().reconcile([claim("a", "duration", value: 45, unit: "days"), claim("b", "duration", value: 1, unit: "months")])
        #expect(apart.map(\.verdict) == [.conflict])
    }

    @Test func overlappingPrisonerFiguresAreVariance() {
        let findings = Reconciler().reconcile([
            claim("a", "prisoners", value: 1000, low: 1000, .atLeast, scope: .perSide),
            claim("b", "prisoners", low: 1000, high: 1200, .range),
            claim("b", "prisoners", value: 1200, high: 1200, .atMost),
            claim("c", "prisoners", value: 1200, scope: .perSide),
        ])
        #expect(findings.map(\.verdict) == [.variance])
    }

    @Test func differentEventsAndSubjectsAreNeverCompared() {
        let findings = Reconciler().reconcile([
            claim("a", "prisoners", value: 1000, scope: .perSide, event: "2025-05-16"),
            claim("b", "prisoners", value: 1200, scope: .perSide, event: "2025-06-02"),
            claim("c", "duration", value: 2, unit: "days", subject: "ceasefire proposed by Russia"),
            claim("d", "duration", value: 30, unit: "days", subject: "ceasefire proposed by Ukraine"),
        ])
        #expect(findings.isEmpty)
    }

    @Test func aMonthEventJoinsTheOneDatedEventOfThatMonth() {
        let findings = Reconciler().reconcile([
            claim("a", "prisoners", value: 1000, scope: .perSide, event: "2025-05"),
            claim("b", "prisoners", value: 1000, scope: .perSide, event: "2025-05-16"),
        ])
        #expect(findings.map(\.verdict) == [.agreement])
        #expect(findings[0].event == "2025-05-16")
    }

    @Test func anUndatedClaimJoinsTheOneEventOnWhichAnotherArticleStatesItsFigure() {
        // Two swap days; an undated article's 8 is stated on January 27 only, so it meets that day's figures.
        let dated = [
            claim("a", "prisoners", value: 8, subject: "hostages dead", event: "2025-01-27"),
            claim("b", "prisoners", value: 5, subject: "hostages dead", event: "2025-01-20"),
        ]
        let findings = Reconciler().reconcile(dated + [claim("u", "prisoners", value: 8, subject: "hostages dead", event: nil)])
        #expect(findings.map(\.verdict) == [.agreement])
        #expect(findings[0].event == "2025-01-27")
        #expect(Set(findings[0].claims.map(\.claim.doc)) == ["a", "u"])
        // A figure stated on both days, or on neither, tells no day: the undated claim stays within its article.
        let both = dated + [claim("c", "prisoners", value: 8, subject: "hostages dead", event: "2025-01-20")]
        #expect(!Reconciler().reconcile(both + [claim("u", "prisoners", value: 8, subject: "hostages dead", event: nil)]).contains { $0.claims.contains { $0.claim.doc == "u" } })
        #expect(Reconciler().reconcile(dated + [claim("u", "prisoners", value: 9, subject: "hostages dead", event: nil)]).isEmpty)
    }

    @Test func aFigureOfTheDayAfterAnotherArticlesJoinsThatDay() {
        // 200 prisoners freed on January 25; a paper of the 26th that gives no date states the same 200.
        let freed = { (doc: String, value: Double, event: String) in self.claim(doc, "prisoners", value: value, subject: "prisoners freed", event: event) }
        let days = [freed("a", 200, "2025-01-25"), freed("b", 90, "2025-01-19")]
        let findings = Reconciler().reconcile(days + [freed("c", 200, "2025-01-26")])
        #expect(findings.map(\.verdict) == [.agreement])
        #expect(findings[0].event == "2025-01-25")
        #expect(Set(findings[0].claims.map(\.claim.doc)) == ["a", "c"])
        // Stated on its own day by another article too, it is that day's figure; two days later, another day's.
        let own = Reconciler().reconcile(days + [freed("c", 200, "2025-01-26"), freed("d", 200, "2025-01-26")])
        #expect(own.contains { $0.event == "2025-01-26" && Set($0.claims.map(\.claim.doc)) == ["c", "d"] })
        #expect(Reconciler().reconcile(days + [freed("c", 200, "2025-01-27")]).isEmpty)
        // Another figure the day after is that day's own.
        #expect(Reconciler().reconcile(days + [freed("c", 201, "2025-01-26")]).isEmpty)
    }

    @Test func figuresOfOtherStatusesInAnAgreementAgreeAmongThemselves() {
        // A deal's 33 hostages (planned) and the 8 of them who died (a part), each stated by two outlets.
        var planned = [claim("a", "prisoners", value: 33, subject: "hostage release"), claim("b", "prisoners", value: 33, subject: "hostage release"),
            claim("c", "prisoners", value: 33, subject: "hostage release")]
        for index in planned.indices { planned[index].status = .planned }
        var parts = [claim("a", "prisoners", value: 8, subject: "hostage release"), claim("b", "prisoners", value: 8, subject: "hostage release")]
        for index in parts.indices { parts[index].status = .subset }
        let findings = Reconciler().reconcile(planned + parts)
        #expect(findings.map(\.verdict) == [.agreement, .agreement])
        #expect(Set(findings.map { $0.claims.count }) == [3, 2])
        // A part stated by one source only is no agreement of its own.
        #expect(Reconciler().reconcile(planned + [parts[0]]).count == 1)
    }

    @Test func moreThanFortyAndFortyOneAgree() {
        let findings = Reconciler().reconcile([
            claim("a", "aircraft", value: 40, low: 40, .moreThan),
            claim("b", "aircraft", value: 41),
        ])
        #expect(findings.map(\.verdict) == [.agreement])
    }

    @Test func moreThanThreeThousandStandsAgainstMoreThanFiveThousandThree() {
        let findings = Reconciler().reconcile([
            claim("a", "casualties", value: 3_000, low: 3_000, .moreThan), claim("b", "casualties", value: 5_300, low: 5_300, .moreThan),
        ])
        #expect(findings.map(\.verdict) == [.conflict])
    }

    @Test func moreThanTwoHundredStillFitsTwoHundredForty() {
        let findings = Reconciler().reconcile([claim("a", "people", value: 200, low: 200, .moreThan), claim("b", "people", value: 240)])
        #expect(findings.map(\.verdict) == [.variance])
    }

    @Test func aShortStorySignatureJoinsOnOneSharedName() {
        var short = claim("a", value: 10)
        short.story = ["gaza", "hamas", "idf"]
        var long = claim("b", value: 10)
        long.story = ["filipino", "gaza", "israel", "palestinian", "qatar", "thai"]
        var other = claim("c", value: 10)
        other.story = ["ahmedabad", "air", "gujarat", "india", "boeing", "patel"]
        let stories = Reconciler.stories([short, long, other]).map { $0.map(\.doc) }
        #expect(stories == [["a", "b"], ["c"]])
    }

    @Test func anArticleWithoutASignatureJoinsTheOneStoryThereIs() {
        var signed = claim("a", value: 10)
        signed.story = ["derna", "libya", "benghazi"]
        var alsoSigned = claim("b", value: 12)
        alsoSigned.story = ["derna", "libya", "tripoli"]
        let unsigned = claim("c", value: 11)
        #expect(Reconciler.stories([signed, alsoSigned, unsigned]).map { $0.map(\.doc) } == [["a", "b", "c"]])
    }

    @Test func anArticleWithoutASignatureAmongSeveralStoriesStaysOnItsOwn() {
        // A local ferry report that names no one joined the landslide's and the ferry's stories into one.
        var landslide = claim("a", value: 45)
        landslide.story = ["selvan", "marov"]
        var ferry = claim("b", value: 85)
        ferry.story = ["porto", "feliz", "tavares"]
        let unsigned = claim("c", value: 12)
        #expect(Reconciler.stories([landslide, ferry, unsigned]).map { $0.map(\.doc) } == [["a"], ["b"], ["c"]])
        #expect(Reconciler.stories([claim("x", value: 1), claim("y", value: 2)]).map { $0.map(\.doc) } == [["x", "y"]])
    }

    @Test func oneSourceRepeatingItselfIsNoAgreement() {
        #expect(Reconciler().reconcile([claim("a", value: 39), claim("a", value: 39)]).isEmpty)
    }

    @Test func anArticleThatCountsTwoThingsDoesNotAgreeWithItself() {
        // "An additional 10 Thai nationals" … "12 Thai hostages already released", and 12 again: not "10 consistently".
        #expect(Reconciler().reconcile([claim("a", value: 10), claim("a", value: 12), claim("a", value: 12)]).isEmpty)
    }

    @Test func aFigureComparedWithOneSideOnlyStandsOnIt() {
        // One article gives the day's 90 and the week's 400 (not compared: they count other things);
        // another gives 90. The first 90 is on the 90 side, not "fits every side".
        let findings = Reconciler().reconcile([claim("a", value: 90), claim("a", value: 400), claim("b", value: 90)])
        #expect(findings.first?.verdict == .conflict)
        let positions = findings[0].claims.map(\.position)
        #expect(positions[0] == positions[2] && positions[0] != positions[1] && positions[0] != 0)
        #expect(findings.contains { $0.verdict == .agreement && $0.claims.count == 2 })
    }

    @Test func aSubjectWithSidesReadsEveryClaimBothWays() {
        // "some 6,000 bodies" and "12,000 bodies" state no side, but the subject has a per-side figure at
        // another event: 6,000 may be per side of 12,000, so framing, not a conflict.
        let findings = Reconciler().reconcile([
            claim("a", "bodies", value: 6_000, subject: "bodies exchange"), claim("b", "bodies", value: 12_000, subject: "bodies exchange"),
            claim("c", "bodies", value: 1_000, scope: .perSide, subject: "bodies exchange", event: "2025-05-16"),
        ])
        #expect(findings.map(\.verdict) == [.framing])
    }

    @Test func aLargeRoundCountIsReadAsRounded() {
        let rounded = Reconciler().reconcile([claim("a", "casualties", value: 11_000), claim("b", "casualties", value: 11_300)])
        #expect(rounded.map(\.verdict) == [.variance])
        // Small or unround counts are as stated: 200 and 210 prisoners differ.
        let exact = Reconciler().reconcile([claim("a", "prisoners", value: 200), claim("b", "prisoners", value: 210)])
        #expect(exact.map(\.verdict) == [.conflict])
    }

    @Test func findingsAreSortedMostSevereFirst() {
        let findings = Reconciler().reconcile([
            claim("a", "aircraft", value: 41, subject: "x"), claim("b", "aircraft", value: 41, subject: "x"),
            claim("a", "children", value: 10, subject: "y"), claim("b", "children", value: 30, subject: "y"),
        ])
        #expect(findings.map(\.verdict) == [.conflict, .agreement])
    }
}

/// Figures of one article are compared only when different speakers state them.
@Suite struct SameArticleTests {
    func claim(_ doc: String, _ value: Double, speaker: String?, sentence: String) -> Claim {
        Claim(
            doc: doc, kind: "aircraft", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: nil, scope: nil, subject: "aircraft destroyed", event: "2026-06-21", speaker: speaker, quote: "q", start: 0, end: 1,
            sentence: sentence, rule: "r")
    }

    @Test func oneArticleCountingTwoThingsIsNoFinding() {
        #expect(Reconciler().reconcile([claim("a", 12, speaker: nil, sentence: "s1"), claim("a", 3, speaker: nil, sentence: "s2")]).isEmpty)
    }

    @Test func twoSpeakersInOneArticleCanConflict() {
        let findings = Reconciler().reconcile([claim("a", 12, speaker: "army", sentence: "s1"), claim("a", 3, speaker: "rebels", sentence: "s2")])
        #expect(findings.map(\.verdict) == [.conflict])
    }

    /// "12 Thai hostages had been released", the prime minister said … "only 10 were ultimately released".
    @Test func anArticlesOwnFigureConflictsWithANearbyAttributedOne() {
        let findings = Reconciler().reconcile([claim("a", 12, speaker: "Thavisin", sentence: "s1"), claim("a", 10, speaker: nil, sentence: "s2")])
        #expect(findings.map(\.verdict) == [.conflict])
    }

    /// "€85m in EU grants", the mayor said … "a loan of £40 million (roughly €46 million)": two lines of a budget.
    @Test func anArticlesOwnSumAndAnAttributedOneAreNoFinding() {
        let sums = [claim("a", 85_000_000, speaker: "Ek", sentence: "s1"), claim("a", 46_000_000, speaker: nil, sentence: "s2")].map { sum in
            var sum = sum
            sum.kind = "money"
            sum.unit = "EUR"
            return sum
        }
        #expect(Reconciler().reconcile(sums).isEmpty)
    }

    /// "44 seats", the commission said … "the 450-seat chamber": a part and the whole, not rivals.
    @Test func anArticlesOwnFigureFarFromAnAttributedOneIsNoFinding() {
        #expect(Reconciler().reconcile([claim("a", 44, speaker: "commission", sentence: "s1"), claim("a", 450, speaker: nil, sentence: "s2")]).isEmpty)
    }
}
