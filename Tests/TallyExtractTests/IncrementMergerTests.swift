import TallyCore
import Testing

@testable import TallyExtract

@Suite struct IncrementMergerTests {
    static func claim(_ value: Double?, kind: String = "prisoners", subject: String? = nil, quote: String) -> Claim {
        Claim(
            doc: "d", kind: kind, value: value.map(Figure.number), low: value.map(Figure.number), high: value.map(Figure.number),
            qualifier: .exact, unit: kind, scope: nil, subject: subject, event: nil, speaker: nil, quote: quote, start: 0, end: 1,
            sentence: "s", rule: "r")
    }

    @Test func anIncrementWidensTheFigureBeforeItAndIsKeptAsAnAddition() {
        let base = IncrementMergerTests.claim(1000, subject: "exchange", quote: "1,000 prisoners")
        let extra = IncrementMergerTests.claim(200, kind: "count", quote: "an additional 200")
        var merged = [base, extra]
        IncrementMerger.fold(&merged, from: 0, increments: [false, true])
        #expect(merged.map(\.quote) == ["1,000 prisoners", "an additional 200"])
        #expect(merged[0].low == .number(1000) && merged[0].high == .number(1200) && merged[0].qualifier == .range)
        #expect(merged[1].kind == "prisoners" && merged[1].unit == "prisoners" && merged[1].subject == "additional exchange")
    }

    @Test func foldsInPlaceAfterEarlierSentencesAndDropsIncrementsWithNothingToAddTo() {
        let earlier = IncrementMergerTests.claim(7, quote: "earlier sentence")
        var claims = [
            earlier, IncrementMergerTests.claim(50, quote: "a further 50"), IncrementMergerTests.claim(300, quote: "300 prisoners"),
            IncrementMergerTests.claim(nil, quote: "dozens more"), IncrementMergerTests.claim(20, quote: "another 20"),
        ]
        IncrementMerger.fold(&claims, from: 1, increments: [true, false, false, true])
        #expect(claims.map(\.quote) == ["earlier sentence", "300 prisoners", "dozens more", "another 20"])
        #expect(claims[0] == earlier)
        #expect(claims[1].low == .number(300) && claims[1].high == .number(320))
        #expect(claims[3].subject == "additional ")
    }

    @Test func withoutIncrementsNothingChanges() {
        var claims = [IncrementMergerTests.claim(1, quote: "a"), IncrementMergerTests.claim(2, quote: "b")]
        let before = claims
        IncrementMerger.fold(&claims, from: 0, increments: [false, false])
        #expect(claims == before)
    }
}
