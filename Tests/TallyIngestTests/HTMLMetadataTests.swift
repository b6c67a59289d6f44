import Testing
import TallyCore
@testable import TallyIngest

@Suite struct HTMLMetadataTests {
    let ingestor = Ingestor()
    let body = "<p>Negotiators met for roughly 90 minutes on Monday, officials said afterwards.</p>"

    func doc(_ html: String, options: IngestOptions = IngestOptions()) throws -> Document {
        let docs = try Ingestor(options: options).ingest(bytes: Array(html.utf8), id: "m.html")
        try #require(docs.count == 1)
        return docs[0]
    }

    @Test func dateOnlyInJSONLD() throws {
        let html = """
            <html><head><title>Page title | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Wrong"},
            {"@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2025-06-02T14:05:00+03:00",
             "author":[{"@type":"Person","name":"Ann Writer"},{"@type":"Person","name":"Bo Reporter"}],
             "publisher":{"@type":"Organization","name":"Example Wire"}}]}</script>
            </head><body><article>\(body)</article></body></html>
            """
        let d = try doc(html)
        #expect(d.published?.iso == "2025-06-02")
        #expect(d.title == "JSON-LD headline")
        #expect(d.author == "Ann Writer, Bo Reporter")
        #expect(d.outlet == "Example Wire")
        #expect(d.text == "Negotiators met for roughly 90 minutes on Monday, officials said afterwards.")
    }

    @Test func dateOnlyInArticlePublishedTime() throws {
        let html = """
            <html><head><meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG Site">
            <meta property="article:published_time" content="2025-05-16T09:00:00Z"><meta name="author" content="C. Writer">
            </head><body><div class="story">\(body)</div></body></html>
            """
        let d = try doc(html)
        #expect(d.published?.iso == "2025-05-16")
        #expect(d.title == "OG headline")
        #expect(d.outlet == "OG Site")
        #expect(d.author == "C. Writer")
    }

    @Test func dateOnlyInTimeElement() throws {
        let html = """
            <html><head><title>Title tag</title></head><body><article><h1>H1 headline</h1>
            <p class="byline">By Dana Reporter</p><time datetime="2025-06-03">3 June</time>\(body)</article></body></html>
            """
        let d = try doc(html)
        #expect(d.published?.iso == "2025-06-03")
        #expect(d.title == "H1 headline")
        #expect(d.author == "Dana Reporter")
        #expect(d.text == "Negotiators met for roughly 90 minutes on Monday, officials said afterwards.")
    }

    @Test func noDateFallsBackToTheOption() throws {
        let html = "<html><head><title>T</title></head><body><p>\(body)</p></body></html>"
        let d = try doc(html, options: IngestOptions(published: CalendarDate(year: 2025, month: 6, day: 2)))
        #expect(d.published?.iso == "2025-06-02")
        #expect(try doc(html).published == nil)
    }

    @Test func writtenDatesNormalise() {
        #expect(DateNormalizer.date("June 2, 2025")?.iso == "2025-06-02")
        #expect(DateNormalizer.date("Mon, 02 Jun 2025 10:00:00 GMT")?.iso == "2025-06-02")
        #expect(DateNormalizer.date("2025/06/02")?.iso == "2025-06-02")
        #expect(DateNormalizer.date("20250602")?.iso == "2025-06-02")
        #expect(DateNormalizer.date("06/02/2025")?.iso == nil)
        #expect(DateNormalizer.date("2025-02-30")?.iso == nil)
        #expect(DateNormalizer.date("2025-06-02") == CalendarDate(year: 2025, month: 6, day: 2))
        #expect(DateNormalizer.date("June 2025") == CalendarDate(year: 2025, month: 6))
    }

    /// The byte-level fast path reads exactly what the general parse reads, or leaves the text to it.
    @Test func plainISODatesReadAsTheGeneralParseReadsThem() {
        let inputs = [
            "2025-06-02", "2024-02-29", "2025-02-29", "2025-13-01", "2025-00-10", "2025-06-31", "0999-01-01", "1000-01-01",
            "9999-12-31", "2025-06-0x", "2025/06/02", " 2025-06-02", "2025-06-02 ", "２０２５-06-02", "2025-6-02", "",
        ]
        for input in inputs {
            if let plain = DateNormalizer.plainISODate(input) { #expect(plain == DateNormalizer.parsed(input), "\(input)") }
            #expect(DateNormalizer.date(input) == DateNormalizer.parsed(input), "\(input)")
        }
        #expect(DateNormalizer.plainISODate("2025-06-02") != nil)
    }
}

@Suite struct JSONValueTests {
    @Test func parsesNestedValuesAndEscapes() throws {
        let json = JSONValue.parse(#"{"a":[1,-2.5e1,true,false,null],"s":"x\"y\\z\u00e9\ud83d\ude00\n","o":{"name":"N"}};"#)
        let value = try #require(json)
        #expect(value["a"]?.list.count == 5)
        #expect(value["s"]?.string == "x\"y\\zé😀\n")
        #expect(value["o"]?.name == "N")
    }

    @Test func rejectsBrokenAndTooDeepInput() {
        #expect(JSONValue.parse("{\"a\":") == nil)
        #expect(JSONValue.parse("{\"a\":1} trailing") == nil)
        #expect(JSONValue.parse(String(repeating: "[", count: 10_000)) == nil)
    }
}
