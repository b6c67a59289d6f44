import Testing
import CZlib
import TallyCore
@testable import TallyIngest

@Suite struct JSONLinesAndGzipTests {
    let ingestor = Ingestor()

    /// A record whose whole text is a figure is content, not page chrome (issue 15).
    @Test func aLoneNumberRecordIsKept() throws {
        let jsonl = """
            {"id":"n1","text":"7,450"}
            """
        let file = try ingestor.read(bytes: Array(jsonl.utf8), id: "figures.jsonl")
        #expect(file.documents.map(\.text) == ["7,450"])
        #expect(file.documents.allSatisfy { !$0.warnings.contains("no text after removing page chrome") })
    }

    /// An id of NULs only would be empty once cleaned: the record is named by its line (a fuzzer's find).
    @Test func anIdOfNULsIsNamedByItsLine() throws {
        let jsonl = #"{"id":"\u0000","text":"At least 2,s</p>"}"#
        let file = try ingestor.read(bytes: Array(jsonl.utf8), id: "nul.jsonl")
        #expect(file.documents.map(\.id) == ["nul.jsonl#1"])
    }

    @Test func recordsBecomeDocumentsAndABadLineIsAWarning() throws {
        let jsonl = """
            {"id":"r1","url":"https://e.com/1","published":"2025-06-02","title":"T1","outlet":"Wire","text":"Headline one\\n\\nBody with 1,000 prisoners."}
            {"id": "r2", "text": broken json
            ["not", "an", "object"]

            {"id":7,"published":"June 3, 2025","html":"<html><body><article><p>HTML record body with a comma, and words.</p></article></body></html>"}
            {"id":"r4"}
            """
        let file = try ingestor.read(bytes: Array(jsonl.utf8), id: "docs.jsonl")
        #expect(file.documents.map(\.id) == ["r1", "7"])
        #expect(file.documents[0].text == "Headline one\nBody with 1,000 prisoners.")
        #expect(file.documents[0].published?.iso == "2025-06-02")
        #expect(file.documents[0].title == "T1")
        #expect(file.documents[0].outlet == "Wire")
        #expect(file.documents[0].url == "https://e.com/1")
        #expect(file.documents[1].text == "HTML record body with a comma, and words.")
        #expect(file.documents[1].published?.iso == "2025-06-03")
        #expect(file.warnings.count == 3)
        #expect(file.warnings[0].hasPrefix("line 2:"))
        #expect(file.warnings[1].hasPrefix("line 3:"))
        #expect(file.warnings[2].hasPrefix("line 6:"))
        // Through the [Document] API the file's warnings ride on the first document.
        let docs = try ingestor.ingest(bytes: Array(jsonl.utf8), id: "docs.jsonl")
        #expect(docs[0].warnings.contains { $0.hasPrefix("line 2:") })
    }

    @Test func allBadLinesIsAnError() {
        #expect(throws: IngestError.self) { try ingestor.ingest(bytes: Array("{\"id\":1,\"x\":2}\n{oops\n".utf8), id: "bad.jsonl") }
    }

    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        var out = [UInt8](repeating: 0, count: bytes.count + 1024)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                deflate(&stream, Z_FINISH)
            }
        }
        let count = Int(stream.total_out)
        deflateEnd(&stream)
        return Array(out.prefix(count))
    }

    @Test func gzippedInputsAreReadTransparently() throws {
        let text = Self.gzip(Array("Headline\nGzipped body text.".utf8))
        #expect(try ingestor.ingest(bytes: text, id: "a.txt.gz").first?.text == "Headline\nGzipped body text.")
        let html = Self.gzip(Array("<html><body><article><p>Gzipped page, with a comma, and enough words.</p></article></body></html>".utf8))
        #expect(try ingestor.ingest(bytes: html, id: "a.html.gz").first?.text == "Gzipped page, with a comma, and enough words.")
    }

    @Test func truncatedGzipWarnsAndCorruptGzipFails() throws {
        let long = String(repeating: "A sentence about prisoners and bodies. ", count: 2000)
        let packed = Self.gzip(Array(("Headline\n" + long).utf8))
        let cut = Array(packed.prefix(packed.count / 2))
        let file = try ingestor.read(bytes: cut, id: "cut.gz")
        #expect(file.warnings.contains { $0.contains("truncated gzip") })
        #expect(throws: IngestError.self) { try ingestor.ingest(bytes: [0x1F, 0x8B, 0x08, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], id: "bad.gz") }
    }

    @Test func gzipBombIsRefused() {
        let bomb = Self.gzip([UInt8](repeating: 0x41, count: 4 << 20))
        let small = Ingestor(options: IngestOptions(maxBytes: 1 << 20))
        #expect(throws: IngestError.self) { try small.ingest(bytes: bomb, id: "bomb.gz") }
    }

    /// `rawBytes(ofFile:)` and `decompressed(_:id:)`: the ingestor's own reading, for tools that time ingestion apart.
    @Test func rawBytesAndDecompressionKeepTheLimits() throws {
        let folder = Fixtures.scratchFolder("raw")
        let path = folder + "/a.txt.gz"
        let text = Array("Headline\nGzipped body text.".utf8)
        Fixtures.write(Self.gzip(text), to: path)
        let bytes = try ingestor.rawBytes(ofFile: path)
        #expect(try ingestor.decompressed(bytes, id: path) == text)
        #expect(try ingestor.decompressed(text, id: "plain") == text)
        let small = Ingestor(options: IngestOptions(maxBytes: 8))
        #expect(throws: IngestError.self) { try small.rawBytes(ofFile: path) }
    }
}

