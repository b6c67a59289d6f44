import Testing
import TallyCore
@testable import TallyIngest

@Suite struct ArticleBodyFallbackTests {
    let prose = "The harbour authority said on Friday that cargo volumes rose by a fifth last year, helped by new cranes and longer opening hours at the eastern terminal."

    func doc(_ html: String) throws -> Document {
        let docs = try Ingestor().ingest(bytes: Array(html.utf8), id: "f.html")
        try #require(docs.count == 1)
        return docs[0]
    }

    @Test func jsonLDArticleBodyFillsAnEmptyShell() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Cargo up",
            "articleBody":"\(prose) \(prose)&lt;br&gt;Officials expect growth to slow this year as two shipping lines move away. \(prose)"}</script></head>
            <body><div id="app">Loading…</div></body></html>
            """
        let d = try doc(html)
        #expect(d.text.hasPrefix("The harbour authority said on Friday"))
        #expect(d.text.contains("Officials expect growth to slow"))
    }

    @Test func embeddedStateGivesItsProseInOrder() throws {
        let first = "First part. " + prose + " " + prose
        let second = "Second part. " + prose + " " + prose
        let html = """
            <html><body><div id="__next"></div>
            <script id="__NEXT_DATA__" type="application/json">{"props":{"page":{"url":"https://example.com/a-very-long-link-that-is-no-prose-at-all-but-has-no-spaces",
            "blocks":[{"html":"<p>\(first)</p>"},{"html":"<p>\(second)</p><p>\(prose) Again.</p>"}]}}}</script></body></html>
            """
        let lines = try doc(html).text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("First part.") == true)
        #expect(lines.dropFirst().first?.hasPrefix("Second part.") == true)
    }

    @Test func aRealBodyIsNotReplaced() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Teaser only."}</script></head>
            <body><article><p>\(prose)</p><p>Later: \(prose)</p></article></body></html>
            """
        #expect(try doc(html).text == prose + "\nLater: " + prose)
    }

    @Test func plainTextOfHTMLStrings() {
        #expect(ArticleBodyFallback.plainText("<p>One &amp; two</p><p>Three</p>") == "One & two\nThree")
    }
}
