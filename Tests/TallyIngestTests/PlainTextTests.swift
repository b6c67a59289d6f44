import Testing
import TallyCore
@testable import TallyIngest

@Suite struct PlainTextTests {
    let ingestor = Ingestor()

    @Test func headlineFirstLineAndParagraphs() throws {
        let text = "\n\nTalks end without a ceasefire\n\nFirst paragraph, with 1,000 prisoners.\n\n\nSecond paragraph.\n"
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: Array(text.utf8), id: "a.txt")))
        #expect(doc.title == "Talks end without a ceasefire")
        #expect(doc.text == "Talks end without a ceasefire\nFirst paragraph, with 1,000 prisoners.\nSecond paragraph.")
        #expect(doc.encoding == "utf-8")
        #expect(doc.id == "a.txt")
        #expect(doc.published == nil)
        #expect(doc.warnings.isEmpty)
    }

    @Test func pageChromeIsDropped() throws {
        let text = """
            Swap agreed in Istanbul

            0
            118
            Image source: Example Ministry

            The two sides agreed to swap 1,200 prisoners.

            Image credit: Someone
            Subscribe
            Notify of
            guest

            This site uses Akismet to reduce spam. Learn how your comment data is processed.

            0 Comments
            Oldest
            Newest Most Voted
            Inline Feedbacks
            View all comments
            Shares: 42
            Updated at 1:23 p.m. EST
            2019-11-19T08:57:40+01:00
            November 18, 2019
            Related Sources:
            """
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: Array(text.utf8), id: "chrome.txt")))
        #expect(doc.text == "Swap agreed in Istanbul\nThe two sides agreed to swap 1,200 prisoners.")
    }

    @Test func chromeWordsInsideSentencesStay() throws {
        let text = "Headline\nReaders who subscribe saw 0 comments about it.\n2025 was a year.\nOn June 2 at 10 am talks began.\n"
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: Array(text.utf8), id: "x")))
        #expect(doc.text == "Headline\nReaders who subscribe saw 0 comments about it.\n2025 was a year.\nOn June 2 at 10 am talks began.")
    }

    @Test func frontMatterGivesMetadata() throws {
        let text = """
            ---
            published: 2025-06-02
            title: "Front matter title"
            outlet: Example News
            author: A. Reporter
            url: https://example.com/a
            ---
            Headline in the body

            Body text.
            """
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: Array(text.utf8), id: "fm.txt")))
        #expect(doc.published?.iso == "2025-06-02")
        #expect(doc.title == "Front matter title")
        #expect(doc.outlet == "Example News")
        #expect(doc.author == "A. Reporter")
        #expect(doc.url == "https://example.com/a")
        #expect(doc.text == "Headline in the body\nBody text.")
    }

    @Test func frontMatterWrittenDateAndBadDate() throws {
        let good = "---\npublished: 2 June 2025\n---\nHeadline\n"
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: Array(good.utf8), id: "x")))
        #expect(doc.published?.iso == "2025-06-02")
        let bad = "---\npublished: sometime\n---\nHeadline\n"
        let doc2 = try #require(Fixtures.single(try Ingestor(options: IngestOptions(published: CalendarDate(year: 2025, month: 5, day: 16))).ingest(bytes: Array(bad.utf8), id: "x")))
        #expect(doc2.published?.iso == "2025-05-16")
        #expect(doc2.warnings.contains { $0.contains("not a date") })
    }

    @Test func publishedOptionIsTheFallback() throws {
        let options = IngestOptions(published: CalendarDate(year: 2025, month: 6, day: 2))
        let doc = try #require(Fixtures.single(try Ingestor(options: options).ingest(bytes: Array("Headline\nBody.".utf8), id: "x")))
        #expect(doc.published?.iso == "2025-06-02")
    }

    @Test func windows1252TextIsDecodedWithAWarning() throws {
        // "Price – 5 €" in windows-1252: en dash 0x96, euro 0x80.
        let bytes: [UInt8] = Array("Price ".utf8) + [0x96] + Array(" 5 ".utf8) + [0x80] + Array("\nCaf".utf8) + [0xE9]
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: bytes, id: "cp.txt")))
        #expect(doc.text == "Price – 5 €\nCafé")
        #expect(doc.encoding == "windows-1252")
        #expect(doc.warnings.contains("not UTF-8; read as windows-1252"))
    }

    @Test func utf8BOMIsStrippedAndUTF16Decoded() throws {
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Headline\nBody – ok".utf8)
        let doc = try #require(Fixtures.single(try ingestor.ingest(bytes: withBOM, id: "bom.txt")))
        #expect(doc.title == "Headline")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Заголовок\nBody €".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc16 = try #require(Fixtures.single(try ingestor.ingest(bytes: utf16, id: "u16.txt")))
        #expect(doc16.text == "Заголовок\nBody €")
        #expect(doc16.encoding == "utf-16le")
    }

    @Test func sampleArticle004LosesItsChrome() throws {
        let path = "corpus/articles/004_89c01256a257866f.txt"
        let doc = try #require(Fixtures.single(try ingestor.ingest(file: path)))
        #expect(doc.published?.iso == "2025-06-02")
        #expect(doc.title?.hasPrefix("Istanbul Peace Talks") == true)
        let lines = doc.text.split(separator: "\n")
        #expect(!lines.contains("0") && !lines.contains("118") && !lines.contains("Subscribe"))
        #expect(!doc.text.contains("Image source") && !doc.text.contains("Akismet") && !doc.text.contains("View all comments"))
        #expect(doc.text.contains("roughly 90-minute session"))
    }
}
