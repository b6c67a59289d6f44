import Foundation
import Testing
import TallyCore
@testable import TallyReport

/// The pictures of the HTML report, as SVG text: what they draw and what they say in words.
@Suite struct FindingChartTests {
    static func chart(_ finding: Finding, published: [String: String] = [:]) -> String? {
        FindingChart(finding: finding, number: 1, marks: ReportOrder.positionMarks(finding)) { published[$0].flatMap(CalendarDate.init(iso:)) }.svg()
    }

    static func toll(_ doc: String, _ value: Double, low: Double? = nil, high: Double? = nil, on day: String, speaker: String? = nil) -> Claim {
        Claim(doc: doc, kind: "casualties", value: .number(value), low: .number(low ?? value), high: high.map(Figure.number) ?? (low == nil ? .number(value) : nil),
              qualifier: low == nil ? .exact : .atLeast, unit: "people", scope: nil, subject: "people killed", event: day, speaker: speaker,
              quote: "q", start: 0, end: 1, sentence: "q", rule: "r", status: .runningTotal)
    }

    /// 339 against "nearly 400" read as 360–400, as extraction gives it.
    static let conflict: Finding = {
        var finding = Fixtures.conflict
        for index in finding.claims.indices where finding.claims[index].claim.quote == "nearly 400 children" {
            finding.claims[index].claim.low = .number(360)
        }
        for index in finding.claims.indices { finding.claims[index].claim.unit = "children" }
        return finding
    }()

    @Test func aConflictIsANumberLineWithTheGapMarked() throws {
        let svg = try #require(Self.chart(Self.conflict))
        #expect(svg.contains("class=\"chart number-line\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<rect class=\"gap\""))
        // In words: both figures and the gap between 339 and the "nearly 400" side.
        let desc = try #require(svg.range(of: "<desc").map { String(svg[$0.lowerBound...].prefix { $0 != "\n" }) })
        #expect(desc.contains("339 children — Medinsky at 339"))
        #expect(desc.contains("Zelensky from 360 to 400"))
        #expect(desc.contains("Gap between the sides: 339 to 360"))
    }

    @Test func perSideFiguresAreDrawnAgainAsTheTotal() throws {
        let svg = try #require(Self.chart(Fixtures.framing))
        #expect(svg.contains("× 2 sides: the total"))
        #expect(svg.contains("dashed"))
        #expect(!svg.contains("<rect class=\"gap\""))  // no gap outside a conflict
    }

    @Test func durationsShareOneAxis() throws {
        var hour = Fixtures.exact339
        (hour.kind, hour.unit, hour.value, hour.low, hour.high, hour.qualifier) = ("duration", "hours", .number(1), nil, nil, .approximate)
        var minutes = hour
        (minutes.unit, minutes.value, minutes.speaker) = ("minutes", .number(90), "Umerov")
        let finding = Finding(verdict: .conflict, kind: "duration", subject: "meeting", event: nil, reason: "r",
                              claims: [FindingClaim(claim: hour, position: 1), FindingClaim(claim: minutes, position: 2)])
        let svg = try #require(Self.chart(finding))
        #expect(svg.contains("(minutes)"))
        #expect(svg.contains("from 54 to 66"))  // about an hour, ±10%
        #expect(svg.contains("from 81 to 99"))
    }

    @Test func datesAndMixedCurrenciesAreNotDrawn() {
        var date = Fixtures.exact339
        (date.value, date.low, date.high) = (.date(CalendarDate(year: 2025, month: 6, day: 2)), nil, nil)
        #expect(Self.chart(Finding(verdict: .agreement, kind: "date", subject: "s", event: nil, reason: "r",
                                   claims: [FindingClaim(claim: date, position: 1)])) == nil)
        var dollars = Fixtures.exact339
        dollars.unit = "USD"
        var euros = dollars
        euros.unit = "EUR"
        #expect(Self.chart(Finding(verdict: .variance, kind: "money", subject: "s", event: nil, reason: "r",
                                   claims: [FindingClaim(claim: dollars, position: 1), FindingClaim(claim: euros, position: 1)])) == nil)
    }

    @Test func aRunningTotalIsATimelineOfUpdatesAndContradictions() throws {
        let finding = Finding(verdict: .conflict, kind: "casualties", subject: "people killed", event: nil, reason: "r", claims: [
            FindingClaim(claim: Self.toll("a", 1200, low: 1200, on: "2026-03-02"), position: 1),
            FindingClaim(claim: Self.toll("b", 1874, on: "2026-03-04"), position: 1),
            FindingClaim(claim: Self.toll("c", 1500, on: "2026-03-06"), position: 2),
        ])
        let svg = try #require(Self.chart(finding))
        #expect(svg.contains("class=\"chart timeline\""))
        #expect(svg.contains("class=\"step update\""))
        #expect(svg.contains("class=\"step contradiction\""))
        #expect(svg.contains("class=\"open-end\""))  // "at least 1,200"
        #expect(svg.contains("1,200 on 2026-03-02 to 1,874 on 2026-03-04: an update; 1,874 on 2026-03-04 to 1,500 on 2026-03-06: a contradiction (it fell)"))
    }

    @Test func articleTextInLabelsIsEscaped() throws {
        var claim = Fixtures.exact339
        claim.speaker = "<script>alert(1)</script> & co"
        let finding = Finding(verdict: .agreement, kind: "children", subject: "s", event: nil, reason: "r",
                              claims: [FindingClaim(claim: claim, position: 1)])
        let svg = try #require(Self.chart(finding))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test func theSameFindingGivesTheSameBytes() {
        #expect(Self.chart(Self.conflict) == Self.chart(Self.conflict))
    }
}

/// A finding's reason over hundreds of sources opens short in the HTML report, the whole one on request.
@Suite struct HTMLReasonTests {
    @Test func longReasonsAreShortenedWithTheWholeOneBehindDetails() {
        let reason = (1...80).map { "s\($0).txt says \($0) aircraft" }.joined(separator: "; ") + " — the figures do not overlap"
        var finding = Fixtures.conflict
        finding.reason = reason
        let html = HTMLReport.render(Report(documents: [], findings: [finding]))
        #expect(html.contains("<details class=\"reason\"><summary>s1.txt says 1 aircraft; s2.txt says 2 aircraft;"))
        #expect(html.contains("… — the figures do not overlap</summary><p>" + reason + "</p></details>"))
        let short = ReportOrder.shortened(reason, limit: 280)!
        #expect(short.count <= 280)
        #expect(ReportOrder.shortened("Medinsky says 339 children — the figures do not overlap", limit: 280) == nil)
    }
}
