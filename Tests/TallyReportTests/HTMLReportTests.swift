import Testing
import TallyCore
@testable import TallyReport

@Suite struct HTMLReportTests {
    let page = HTMLReport.render(Fixtures.report, documents: [Fixtures.documentA, Fixtures.documentB])

    @Test func oneArticlePerFindingMostSevereFirst() throws {
        #expect(page.occurrences(of: "<article class=\"finding") == 3)
        let conflict = try #require(page.range(of: "data-verdict=\"conflict\""))
        let framing = try #require(page.range(of: "data-verdict=\"framing\""))
        let variance = try #require(page.range(of: "data-verdict=\"variance\""))
        #expect(conflict.lowerBound < framing.lowerBound && framing.lowerBound < variance.lowerBound)
        let documents = try #require(page.range(of: "<section id=\"documents\">"))
        #expect(variance.lowerBound < documents.lowerBound)  // findings first
    }

    @Test func conflictSidesAreSideBySideWithTheFigureHighlighted() {
        #expect(page.contains("<div class=\"sides versus\">"))
        #expect(page.contains("<h3>Side A</h3>") && page.contains("<h3>Side B</h3>"))
        #expect(page.contains("a list of <mark>nearly 400 children</mark> it says were deported."))
        #expect(page.contains("counted <mark>339 children</mark>, and that Russia would &quot;study&quot; it."))
        #expect(page.contains("<div class=\"figure\">less than 400</div>"))
        #expect(page.contains("<span class=\"speaker\">Zelensky</span>"))
    }

    @Test func articleTextCannotInjectMarkup() {
        #expect(page.occurrences(of: "<script") == 1)  // only the page's own script
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("prisoners | &quot;captives&quot;"))
    }

    @Test func linksOnlyToHTTPSourcesWithEscapedURLs() {
        #expect(page.contains("href=\"https://example.org/a?x=1&amp;y=2\""))
        var report = Fixtures.report
        report.documents[1].url = "javascript:alert(1)"
        let hostile = HTMLReport.render(report)
        #expect(!hostile.contains("javascript:"))
        #expect(HTMLText.href(" http://x.org/\" onclick=\"a") == nil)
        #expect(HTMLText.href("HTTPS://x.org/a'b") == "HTTPS://x.org/a&#39;b")
    }

    @Test func filtersForEveryVerdictAndKind() {
        for verdict in ["conflict", "framing", "variance"] {
            #expect(page.contains("data-filter=\"verdict\" value=\"\(verdict)\" checked"))
        }
        for kind in ["bodies", "children", "prisoners"] {
            #expect(page.contains("data-filter=\"kind\" value=\"\(kind)\" checked"))
        }
        #expect(!page.contains("value=\"agreement\""))  // no filter for an absent verdict
    }

    @Test func selfContained() {
        #expect(!page.contains("<link") && !page.contains(" src=") && !page.contains("@import"))
        #expect(page.contains("Content-Security-Policy"))
    }

    @Test func highlightUsesTheClaimOffsetsWhenTheQuoteRepeats() {
        let text = "They freed 100 men, then 100 men more."
        let document = Document(id: "d", text: text)
        let claim = Claim(doc: "d", kind: "people", value: .number(100), low: .number(100), high: .number(100),
                          qualifier: .exact, unit: nil, scope: nil, subject: "freed", event: nil, speaker: nil,
                          quote: "100 men", start: 25, end: 32, sentence: text, rule: "r")
        let finding = Finding(verdict: .agreement, kind: "people", subject: "freed", event: nil, reason: "same",
                              claims: [FindingClaim(claim: claim, position: 0)])
        let html = HTMLReport.render(Report(documents: [], findings: [finding]), documents: [document])
        #expect(html.contains("They freed 100 men, then <mark>100 men</mark> more."))
    }

    @Test func emptyReportSaysSo() {
        let html = HTMLReport.render(Report(documents: [], findings: []))
        #expect(html.contains("No findings") && !html.contains("<article"))
    }
}

extension String {
    /// How many times `needle` occurs (non-overlapping).
    func occurrences(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}

extension HTMLReportTests {
    @Test func longTitlesAreShortenedWithTheFullTitleAsTooltip() {
        let title = "Still no ceasefire as both sides swap memoranda and agree to a new exchange after the second round"
        #expect(Page.shorten(title, to: 60) == "Still no ceasefire as both sides swap memoranda and agree…")
        var report = Fixtures.report
        report.documents[1].title = title
        let html = HTMLReport.render(report, documents: [Fixtures.documentA, Fixtures.documentB])
        #expect(html.contains("<span class=\"outlet\" title=\"\(title)\">Still no ceasefire as both sides swap memoranda and agree…</span>"))
    }
}

extension HTMLReportTests {
    @Test func cardsLinkToTheQuoteInTheArticleWhenTheURLIsKnown() {
        #expect(Page.textFragment("nearly 400 children") == "#:~:text=nearly%20400%20children")
        #expect(Page.textFragment("6,000-for-6,000 & “more”") == "#:~:text=6%2C000%2Dfor%2D6%2C000%20%26%20%E2%80%9Cmore%E2%80%9D")
        #expect(page.contains("href=\"https://example.org/a?x=1&amp;y=2#:~:text=nearly%20400%20children\""))
        #expect(page.occurrences(of: "open at the quote") == 2)  // only a.txt has a URL
    }

    @Test func legendExplainsEveryVerdict() {
        for verdict in Verdict.allCases { #expect(page.contains("<dd>\(HTMLText.escape(Page.meaning(verdict)))</dd>")) }
    }
}
