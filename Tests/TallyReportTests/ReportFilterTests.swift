import Foundation
import Testing
import TallyCore
@testable import TallyReport

/// `--verdict`, `--kind`, `--top`: what is shown, in every format, while the header still counts everything.
@Suite struct ReportFilterTests {
    @Test func filtersChooseInReportOrder() {
        let findings = Fixtures.report.findings
        #expect(ReportFilter(verdicts: [.conflict, .variance]).apply(findings).map(\.verdict) == [.conflict, .variance])
        #expect(ReportFilter(kinds: ["bodies"]).apply(findings).map(\.kind) == ["bodies"])
        #expect(ReportFilter(top: 2).apply(findings).map(\.verdict) == [.conflict, .framing])
        #expect(ReportFilter(verdicts: [.agreement]).apply(findings).isEmpty)
        #expect(ReportFilter.all.apply(Fixtures.report) == Fixtures.report)
    }

    @Test func noteSaysWhatIsShown() {
        #expect(ReportFilter.all.note(shown: 3, of: 3) == nil)
        #expect(ReportFilter(verdicts: [.framing, .conflict], top: 10).note(shown: 2, of: 523)
            == "Showing 2 of 523 findings: conflict and framing, the first 10.")
        #expect(ReportFilter(kinds: ["children"]).note(shown: 1, of: 3) == "Showing 1 of 3 findings: kind children.")
    }

    @Test(arguments: ReportFormat.allCases) func everyFormatShowsOnlyTheChosenFindings(format: ReportFormat) throws {
        let filter = ReportFilter(verdicts: [.conflict])
        let out = ReportRenderer.render(Fixtures.report, format: format, filter: filter)
        #expect(out.contains("339 children"))
        #expect(!out.contains("12,000"), "the framing finding is filtered out")
        if format == .json {
            let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
            #expect((object?["findings"] as? [Any])?.count == 1)
        } else {
            #expect(out.contains("Showing 1 of 3 findings: conflict."))
            #expect(out.contains("3 findings"), "the header counts every finding")
        }
    }

    @Test func filteringEverythingOutIsNotNoFindings() {
        let text = ReportRenderer.render(Fixtures.report, format: .text, filter: ReportFilter(kinds: ["aircraft"]))
        #expect(text.contains("Showing 0 of 3 findings: kind aircraft."))
        #expect(!text.contains("No findings: no two claims"))
    }
}

/// Sources are named by outlet (and author) where the documents say, the file only as a fallback.
@Suite struct SourceNamesTests {
    static let documents = [
        DocumentSummary(doc: "news/a.txt", title: nil, outlet: "Daily Example", published: nil, claims: 1, author: "Jane Roe"),
        DocumentSummary(doc: "news/b.txt", title: nil, outlet: nil, published: nil, claims: 1),
    ]

    func finding(reason: String) -> Finding {
        var a = Fixtures.atLeast1000
        a.doc = "news/a.txt"
        var b = Fixtures.range
        b.doc = "news/b.txt"
        return Finding(verdict: .variance, kind: "prisoners", subject: "s", event: nil, reason: reason,
                       claims: [FindingClaim(claim: a, position: 1), FindingClaim(claim: b, position: 1)])
    }

    @Test func unattributedClaimsAreNamedByOutletAndAuthor() {
        let names = SourceNames(Self.documents)
        #expect(names.name("news/a.txt") == "Daily Example (Jane Roe)")
        #expect(names.name("news/b.txt") == nil)
        let finding = finding(reason: "a.txt says at least 1,000 prisoners; b.txt says 1,000–1,200 prisoners — the figures overlap")
        #expect(names.reason(finding) == "Daily Example (Jane Roe) says at least 1,000 prisoners; b.txt says 1,000–1,200 prisoners — the figures overlap")
    }

    @Test func textAndMarkdownNameTheOutletBesideTheFile() {
        let report = Report(documents: Self.documents, findings: [finding(reason: "a.txt says at least 1,000 prisoners")])
        let text = ReportRenderer.render(report, format: .text)
        #expect(text.contains("Daily Example (Jane Roe) says at least 1,000 prisoners"))
        #expect(text.contains("Daily Example (Jane Roe) · a.txt"))
        let markdown = ReportRenderer.render(report, format: .markdown)
        #expect(markdown.contains("Daily Example (Jane Roe) · `news/a.txt`"))
        // The JSON keeps the reason as the reconciler wrote it (reports made from claims alone must equal it).
        #expect(ReportRenderer.render(report, format: .json).contains("\"reason\" : \"a.txt says at least 1,000 prisoners\""))
    }

    @Test func longTitlesAndOutletsAreKeptWhole() {
        let title = "Kandi Road abduction: parents dispute official count as about 140 children return home after weeks"
        let report = Report(documents: [DocumentSummary(doc: "corpus/articles/211_sarewa_pupils_count.txt", title: title,
                                                        outlet: "Sahel Courier", published: CalendarDate(iso: "2026-06-02"), claims: 20)],
                            findings: [])
        let text = ReportRenderer.render(report, format: .text)
        #expect(text.contains("Sahel Courier"))
        #expect(text.replacingOccurrences(of: "\n      ", with: " ").contains(title))
        #expect(!text.contains("…"))
    }

    @Test func theLastLineSaysWhyClaimsFoundNoPartner() {
        var report = Fixtures.report
        report.unpaired = UnpairedClaims(noSubject: 90, alone: 40, otherEvent: 18)
        for format in [ReportFormat.text, .markdown, .html] {
            let out = ReportRenderer.render(report, format: format)
            #expect(out.contains("148 claims found no partner: 90 without a subject, 40 the only claim on their subject, 18 about"), "\(format)")
        }
        let json = try? JSONSerialization.jsonObject(with: Data(ReportRenderer.render(report, format: .json).utf8)) as? [String: Any]
        #expect((json?["unpaired"] as? [String: Int]) == ["no_subject": 90, "only_claim_on_subject": 40, "other_event": 18])
    }
}

/// A finding's summary stays within two lines however many sources it names.
@Suite struct SummaryLengthTests {
    @Test func longReasonsKeepTheirVerdictWithinTwoLines() {
        let sources = (1...40).map { "Source \($0) says \($0 * 10) children" }.joined(separator: "; ")
        let reason = sources + " — the figures overlap but are stated differently"
        let summary = TextReport(color: false).summary(reason)
        let lines = summary.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(summary.hasSuffix("… — the figures overlap but are stated differently"))
        #expect(summary.hasPrefix("   Source 1 says 10 children; Source 2"))
    }

    @Test func shortReasonsAreUnchanged() {
        let reason = "Zelensky says nearly 400 children; Medinsky says 339 children — the figures do not overlap"
        #expect(TextReport(color: false).summary(reason) == "   " + reason)
    }
}

/// A finding over thousands of articles lists a few claims per side and counts the rest; a filtered
/// report lists the documents its findings cite.
@Suite struct LargeReportTests {
    static func claim(doc: String, value: Double) -> Claim {
        Claim(doc: doc, kind: "aircraft", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
              unit: "aircraft", scope: nil, subject: "aircraft destroyed", event: nil, speaker: nil, quote: "\(Int(value)) aircraft",
              start: 0, end: 5, sentence: "\(Int(value)) aircraft were hit.", rule: "aircraft.test")
    }

    /// 40 sides of 3 claims each, from 120 documents.
    static let finding = Finding(
        verdict: .conflict, kind: "aircraft", subject: "aircraft destroyed", event: nil, reason: "many sources — the figures do not overlap",
        claims: (0..<120).map { FindingClaim(claim: claim(doc: String(format: "%04d.txt", $0), value: Double($0 / 3 + 10)), position: $0 / 3 + 1) })
    static let documents = (0..<200).map { DocumentSummary(doc: String(format: "%04d.txt", $0), title: "Title \($0)", outlet: nil, published: nil, claims: 1) }

    @Test func aFindingWithManySidesStaysShort() {
        let text = TextReport(color: false).block(Self.finding, number: 1)
        let lines = text.split(separator: "\n")
        #expect(lines.count < 50, "\(lines.count) lines")
        #expect(text.contains("… 1 more claim on side A"))
        #expect(text.contains("… 32 more sides with 96 claims"))
        #expect(text.contains("(every claim: --format json or --html)"))
    }

    @Test func aSmallFindingIsListedWhole() {
        let small = Finding(verdict: .conflict, kind: "aircraft", subject: "s", event: nil, reason: "r",
                            claims: Array(Self.finding.claims.prefix(6)))
        let text = TextReport(color: false).block(small, number: 1)
        #expect(!text.contains("more claim"))
        #expect(!text.contains("every claim"))
    }

    @Test func aFilteredReportListsTheDocumentsItCites() {
        var other = Self.finding
        other.verdict = .agreement
        other.claims = [FindingClaim(claim: Self.claim(doc: "0199.txt", value: 5), position: 1)]
        let report = Report(documents: Self.documents, findings: [Self.finding, other])
        let text = ReportRenderer.render(report, format: .text, filter: ReportFilter(verdicts: [.conflict]))
        #expect(text.contains("Documents cited (120 of 200)"))
        #expect(text.contains("… 20 more documents"))
        #expect(!text.contains("0199.txt"))
        let whole = ReportRenderer.render(report, format: .text)
        #expect(whole.contains("0199.txt") && !whole.contains("more documents"))
    }
}

extension SummaryLengthTests {
    @Test func aLongTailIsCutAtTheEnd() {
        let reason = "Umerov says 6,000 bodies per side and Umerov says 12,000 bodies — the same deal counted per side and as a total of both sides; Umerov says 6,000 bodies per side as a mutual exchange, while Medinsky says 6,000 bodies one way"
        let summary = TextReport(color: false).summary(reason)
        #expect(summary.split(separator: "\n").count == 2)
        #expect(summary.hasPrefix("   Umerov says 6,000 bodies per side and Umerov says 12,000 bodies — the same deal counted per side"))
        #expect(summary.hasSuffix(" …"))
    }
}

extension SourceNamesTests {
    @Test func theOutletIsKeptWholeAndTheFileNameCut() {
        let names = SourceNames([DocumentSummary(doc: "articles/112_belmar_protest_count.html", title: nil,
                                                 outlet: "Radio Belmar International", published: nil, claims: 1, author: "Lena Sorvik")])
        let report = TextReport(color: false)
        #expect(report.source("articles/112_belmar_protest_count.html", names: names, width: 80)
            == "Radio Belmar International (Lena Sorvik) · 112_belmar_protest_count.html")
        #expect(report.source("articles/112_belmar_protest_count.html", names: names, width: 60)
            == "Radio Belmar International (Lena Sorvik) · …otest_count.html")
        #expect(report.source("articles/112_belmar_protest_count.html", names: names, width: 30) == "Radio Belmar International (L…")
        #expect(report.source("elsewhere/a.txt", names: names, width: 30) == "elsewhere/a.txt")
    }
}
