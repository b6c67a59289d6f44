import Dispatch
import Testing
import TallyCore
@testable import TallyIngest

@Suite struct MarkupBudgetTests {
    static let sentence = "At least 1,000 prisoners were freed on Friday, officials said in a statement."

    /// One `<p>` with `count` attributes around the article's sentence.
    static func page(attributes count: Int) -> [UInt8] {
        var html = "<!doctype html><html><head><title>Attribute bomb</title></head><body><p"
        for i in 0..<count { html += " a\(i)=1" }
        html += ">\(sentence)</p><p>A second paragraph follows the element.</p></body></html>"
        return Array(html.utf8)
    }

    @Test func aPageWithinTheLimitsIsLeftAlone() {
        var bytes = Array("<p class='x' id=\"y\" hidden>text <b>bold</b></p><script>if (a<b && c>d) x()</script><!-- <p a b c> -->".utf8)
        let original = bytes
        #expect(MarkupBudget(attributesPerElement: 3, elements: 4).enforce(&bytes).isEmpty)
        #expect(bytes == original)
    }

    @Test func excessAttributesAreDroppedAndTheTextKept() {
        var bytes = Array("<p a=1 b='2 > 3' c=\"x\" d e=5>text</p><i f g>more</i>".utf8)
        let warnings = MarkupBudget(attributesPerElement: 2, elements: 100).enforce(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<p a=1 b='2 > 3' >text</p><i f g>more</i>")
        #expect(warnings.count == 1)
        #expect(warnings[0].contains("3 on 1 element ignored"))
    }

    @Test func thePageTotalOfAttributesIsCapped() {
        var bytes = Array("<a x y>1</a><a x y>2</a><a x y>3</a>".utf8)
        _ = MarkupBudget(attributesPerElement: 10, attributes: 3, elements: 100).enforce(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<a x y>1</a><a x >2</a><a >3</a>")
    }

    @Test func elementsPastTheLimitAreCutOff() {
        var bytes = Array("<p>one</p><p>two</p><p>three</p>".utf8)
        let warnings = MarkupBudget(elements: 2).enforce(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>one</p><p>two</p>")
        #expect(warnings == ["more than 2 HTML elements: the page was read only up to byte 20"])
    }

    @Test func tagsInsideScriptsAndCommentsAreNotCounted() {
        var bytes = Array("<script><p><p><p></script><!-- <p><p> --><p>x</p>".utf8)
        #expect(MarkupBudget(elements: 2).enforce(&bytes).isEmpty)
    }

    /// The reproducer of issue 19: libxml2 2.9.14 is quadratic in the attributes of one element, so this
    /// page took hours. With the budget it is read at once, with a warning, and the sentence comes through.
    @Test func theAttributeBombIsReadQuickly() throws {
        let bytes = Self.page(attributes: 60_000)
        let start = DispatchTime.now().uptimeNanoseconds
        let docs = try Ingestor().ingest(bytes: bytes, id: "bomb.html")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try #require(docs.count == 1)
        #expect(docs[0].text.contains(Self.sentence))
        #expect(docs[0].text.contains("A second paragraph"))
        #expect(docs[0].warnings.contains { $0.hasPrefix("too many HTML attributes (60000") })
        // Without the budget this page takes about 12 s in libxml2 alone (quadratic: 40,000 take 5.7 s).
        #expect(seconds < 5)
    }

    @Test func endlessQuotesAndBrokenTagsEnd() {
        for text in ["<p a='never closed", "<p =x ==y / / a", "<", "<!", "<!--", "<script>no end", "<p\u{0}a>"] {
            var bytes = Array(text.utf8)
            _ = MarkupBudget(attributesPerElement: 1, elements: 1).enforce(&bytes)
        }
    }
}
