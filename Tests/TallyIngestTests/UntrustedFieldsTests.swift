import Testing
import TallyCore
@testable import TallyIngest

@Suite struct UntrustedFieldsTests {
    let ingestor = Ingestor()

    /// Issue 19: a JSON Lines `\u0000` reached the document text.
    @Test func aJSONLinesNULNeverReachesTheDocument() throws {
        let line = #"{"id":"a\u0000b","title":"T\u0000","text":"At least 1,000 prisoners\u0000 were freed.\nMore\u0000"}"# + "\n"
        let docs = try ingestor.ingest(bytes: Array(line.utf8), id: "n.jsonl")
        try #require(docs.count == 1)
        #expect(docs[0].text == "At least 1,000 prisoners were freed.\nMore")
        #expect(docs[0].id == "ab")
        #expect(docs[0].title == "T")
        #expect(docs[0].warnings.contains("NUL characters removed from the text"))
    }

    /// Issue 19: a NUL past the part of a text file the binary sniffer looks at reached the text.
    @Test func aNULLateInATextFileNeverReachesTheDocument() throws {
        var bytes = Array("Headline\n".utf8)
        for _ in 0..<4_000 { bytes += Array("Officials met again on Friday to talk about the exchange.\n".utf8) }
        bytes += [0] + Array(" At least 1,000 prisoners were freed.\n".utf8)
        let docs = try ingestor.ingest(bytes: bytes, id: "late.txt")
        try #require(docs.count == 1)
        #expect(!docs[0].text.utf8.contains(0))
        #expect(docs[0].text.hasSuffix(" At least 1,000 prisoners were freed."))
    }

    /// Issue 19: a 60 MB title was copied into every report. (The same at 100,000 characters.)
    @Test func anEndlessTitleIsCut() throws {
        let title = String(repeating: "T", count: 100_000)
        let docs = try ingestor.ingest(bytes: Array((title + "\nAt least 1,000 prisoners were freed.\n").utf8), id: "t.txt")
        try #require(docs.count == 1)
        #expect(docs[0].title?.count == 2_000)
        #expect(docs[0].warnings.contains("title longer than 2000 characters: cut"))
        let html = "<html><head><title>\(title)</title></head><body><h1>\(title)</h1><p>At least 1,000 prisoners were freed.</p></body></html>"
        let page = try ingestor.ingest(bytes: Array(html.utf8), id: "t.html")
        #expect((page.first?.title?.count ?? 0) <= 2_000)
    }

    @Test func fieldsAreCutOnCharacterBoundaries() {
        #expect(UntrustedFields.cut("ééé", to: 2) == "éé")
        #expect(UntrustedFields.cut("éé", to: 2) == nil)
        #expect(UntrustedFields.cut("abc", to: 3) == nil)
        #expect(UntrustedFields.withoutNUL("a\u{0}b\u{0}") == "ab")
    }
}
