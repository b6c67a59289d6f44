import Testing
import TallyCore
@testable import TallyIngest

@Suite struct HTMLContentTests {
    let ingestor = Ingestor()

    func doc(_ html: String) throws -> Document {
        let docs = try ingestor.ingest(bytes: Array(html.utf8), id: "c.html")
        try #require(docs.count == 1)
        return docs[0]
    }

    static let article = """
        <p>Russia and Ukraine agreed on Monday to exchange at least 1,000 prisoners of war on each side, the delegations said.</p>
        <p>The talks, held in Istanbul, lasted a little over an hour and ended without a ceasefire, according to officials.</p>
        <h2>What comes next</h2>
        <p>Both sides said they would meet again before the end of June, though no date has been fixed yet.</p>
        <ul><li>Prisoner exchange of the severely wounded</li><li>Return of 6,000 bodies</li></ul>
        <blockquote><p>“We are ready to continue,” the head of the delegation said.</p></blockquote>
        """

    @Test func chromeAroundTheArticleIsDropped() throws {
        let html = """
            <html><head><title>T</title><style>p { color: red }</style><script>var x = "<p>script text</p>";</script></head><body>
            <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
            <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
            <main><article>
            <h1>Talks end without a truce</h1>
            <div class="byline">By A. Reporter, 2 June 2025</div>
            <figure><img src="x.jpg"><figcaption>Delegates arrive at the palace in Istanbul on Monday morning.</figcaption></figure>
            \(Self.article)
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> 118 shares</div>
            <template><p>Template paragraph that is never shown to a reader at all.</p></template>
            </article>
            <aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about the war and its many consequences</a></li></ul></aside>
            <section id="comments"><h3>0 Comments</h3><p>Be the first to comment on this article, it is very interesting.</p></section>
            </main>
            <footer><p>© 2025 Example News. All rights reserved. Terms of use and privacy policy apply here.</p></footer>
            </body></html>
            """
        let d = try doc(html)
        let lines = d.text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Russia and Ukraine agreed on Monday to exchange at least 1,000 prisoners of war on each side, the delegations said.",
            "The talks, held in Istanbul, lasted a little over an hour and ended without a ceasefire, according to officials.",
            "What comes next",
            "Both sides said they would meet again before the end of June, though no date has been fixed yet.",
            "Prisoner exchange of the severely wounded",
            "Return of 6,000 bodies",
            "“We are ready to continue,” the head of the delegation said.",
        ])
        #expect(d.title == "Talks end without a truce")
        #expect(d.warnings.isEmpty)
    }

    @Test func blocksNeverRunTogether() throws {
        let html = "<html><body><div class=\"article-body\"><div>First block ends here</div><div>Second block starts, with enough text to count as an article body.</div>line one<br>line two, still in the article body text.</div></body></html>"
        let d = try doc(html)
        #expect(d.text == "First block ends here\nSecond block starts, with enough text to count as an article body.\nline one\nline two, still in the article body text.")
    }

    @Test func itempropArticleBodyWins() throws {
        let filler = String(repeating: "<p>Sidebar prose that goes on and on, with commas, many commas, and more words.</p>", count: 3)
        let html = """
            <html><body><div class="column">\(filler)</div>
            <div itemprop="articleBody"><p>The real article says 339 children were on the list, officials said.</p></div></body></html>
            """
        #expect(try doc(html).text == "The real article says 339 children were on the list, officials said.")
    }

    @Test func truncatedHTMLWarnsAndKeepsText() throws {
        let html = "<!DOCTYPE html><html><head><title>Cut</title></head><body><article><p>This page was cut off in the middle of a sentence about the 1,200 prisoners who"
        let d = try doc(html)
        #expect(d.warnings.contains { $0.hasPrefix("truncated HTML") })
        #expect(d.text.hasPrefix("This page was cut off"))
    }

    @Test func pageWithNoBodyWarns() throws {
        let d = try doc("<!DOCTYPE html><html><head><title>Only a head</title><meta property=\"og:title\" content=\"Head only\"></head></html>")
        #expect(d.text.isEmpty)
        #expect(d.title == "Head only")
        #expect(d.warnings.contains("no article body found"))
    }

    @Test func deeplyNestedPageDoesNotOverflow() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 20_000) + "<p>Deep text, with a comma, at the bottom of the page.</p>" + String(repeating: "</div>", count: 20_000) + "</body></html>"
        let d = try doc(html)
        #expect(d.text.isEmpty || d.text.contains("Deep text"))
    }

    @Test func fiftyMegabytePageIsCutWithAWarning() throws {
        let paragraph = "<p>Officials said on Monday that 1,200 prisoners would be exchanged, with more to follow.</p>\n"
        let body = String(repeating: paragraph, count: (50 << 20) / paragraph.utf8.count + 1)
        let bytes = Array(("<!DOCTYPE html><html><body><article>" + body + "</article></body></html>").utf8)
        #expect(bytes.count > 50 << 20)
        let before = Fixtures.peakMemoryBytes()
        let docs = try ingestor.ingest(bytes: bytes, id: "huge.html")
        let grown = Fixtures.peakMemoryBytes() - before
        let d = try #require(docs.first)
        #expect(d.warnings.contains { $0.hasPrefix("page larger than 8") })
        #expect(d.text.hasPrefix("Officials said on Monday"))
        #expect(grown < 1 << 30, "peak memory grew by \(grown >> 20) MB")
    }
}
