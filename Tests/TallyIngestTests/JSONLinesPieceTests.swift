import Testing
import TallyCore
@testable import TallyIngest

/// A large JSON Lines file read record by record, in pieces and chunks (`Ingestor.jsonLinesPieces`, `LineStream`).
@Suite struct JSONLinesPieceTests {
    /// Records of varied length (some with a BOM-free unicode title, one broken, one blank line, one without an
    /// id), so that with small chunks and pieces records straddle every kind of boundary.
    static func records(_ count: Int) -> String {
        var lines: [String] = []
        for index in 0..<count {
            switch index % 9 {
            case 4: lines.append(#"{"id": "r\#(index)", "text": broken"#)
            case 6: lines.append("")
            case 7: lines.append(#"{"text":"No id here, but \#(index) casualties were counted by the ministry."}"#)
            default:
                let body = String(repeating: "Officials said \(index * 37) people were evacuated. ", count: 1 + index % 5)
                lines.append(#"{"id":"r\#(index)","title":"Flood — day \#(index)","published":"2025-06-0\#(1 + index % 9)","text":"\#(body)"}"#)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pieces(of path: String, _ ingestor: Ingestor) throws -> (documents: [Document], warnings: [String], skipped: [SkippedInput], pieces: Int) {
        let pieces = try #require(try ingestor.jsonLinesPieces(ofFile: path))
        var documents: [Document] = []
        var warnings: [String] = []
        var skipped: [SkippedInput] = []
        for piece in pieces {
            let file = try ingestor.read(piece: piece)
            documents += file.documents
            warnings += file.warnings
            skipped += file.skipped
        }
        #expect(pieces.last?.endsFile == true && pieces.dropLast().allSatisfy { !$0.endsFile })
        return (documents, warnings, skipped, pieces.count)
    }

    @Test(arguments: [(7, 300), (64, 1000), (1 << 20, 2048)])
    func piecesAndChunksGiveTheWholeFileRead(chunk: Int, piece: Int) throws {
        let folder = Fixtures.scratchFolder("pieces")
        let path = folder + "/big.jsonl"
        let text = JSONLinesPieceTests.records(120)
        Fixtures.write(text, to: path)
        let whole = try Ingestor().read(file: path)
        let streamed = try JSONLinesPieceTests.pieces(of: path, Ingestor(options: IngestOptions(jsonLinesPieceBytes: piece, jsonLinesChunkBytes: chunk)))
        #expect(streamed.pieces > 1)
        #expect(streamed.documents == whole.documents)
        #expect(streamed.warnings == whole.warnings)
        #expect(streamed.documents.contains { $0.id == path + "#8" })
        #expect(streamed.skipped.isEmpty)
    }

    @Test func aSmallFileIsReadWhole() throws {
        let folder = Fixtures.scratchFolder("pieces-small")
        Fixtures.write(JSONLinesPieceTests.records(5), to: folder + "/small.jsonl")
        Fixtures.write(String(repeating: "Plain text with 1,000 words. ", count: 400), to: folder + "/plain.txt")
        let ingestor = Ingestor(options: IngestOptions(jsonLinesPieceBytes: 1 << 20))
        #expect(try ingestor.jsonLinesPieces(ofFile: folder + "/small.jsonl") == nil)
        #expect(try Ingestor(options: IngestOptions(jsonLinesPieceBytes: 100)).jsonLinesPieces(ofFile: folder + "/plain.txt") == nil)
    }

    /// Past `maxBytes` a record is not read (nor held): it is skipped with its line and size, the rest are read;
    /// the file as a whole is not limited.
    @Test func anOversizeRecordIsSkippedWithItsReason() throws {
        let folder = Fixtures.scratchFolder("pieces-oversize")
        let path = folder + "/big.jsonl"
        let huge = #"{"id":"huge","text":""# + String(repeating: "1,000 words ", count: 400) + #""}"#
        var lines = JSONLinesPieceTests.records(30).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(huge, at: 10)
        Fixtures.write(lines.joined(separator: "\n"), to: path)
        let ingestor = Ingestor(options: IngestOptions(maxBytes: 2000, jsonLinesPieceBytes: 1500, jsonLinesChunkBytes: 100))
        #expect(throws: IngestError.self) { try ingestor.read(file: path) }
        let streamed = try JSONLinesPieceTests.pieces(of: path, ingestor)
        #expect(streamed.skipped.count == 1)
        #expect(streamed.skipped.first?.reason.hasPrefix("line 11: a record of 4.7 KB, over the 1.9 KB limit for one record (--max-size)") == true)
        #expect(!streamed.documents.contains { $0.id == "huge" })
        #expect(streamed.documents.contains { $0.id == "r10" } && streamed.documents.contains { $0.id == "r28" })
        #expect(streamed.warnings.contains { $0.hasPrefix("line 5: not a JSON object") })
    }

    /// Binary bytes inside a record past the sniffing window (which would refuse the file) make that record
    /// a warning; the others are read.
    @Test func aBinaryRecordIsAWarning() throws {
        let folder = Fixtures.scratchFolder("pieces-binary")
        let path = folder + "/big.jsonl"
        var bytes = Array(JSONLinesPieceTests.records(600).utf8)
        #expect(bytes.count > FormatSniffer.window)
        bytes += [0x7B, 0x22, 0x00, 0xFF, 0xFE, 0x01, 0x22, 0x0A]
        bytes += Array(#"{"id":"last","text":"After the binary record 12 were rescued."}"#.utf8)
        Fixtures.write(bytes, to: path)
        let streamed = try JSONLinesPieceTests.pieces(of: path, Ingestor(options: IngestOptions(jsonLinesPieceBytes: 5000, jsonLinesChunkBytes: 333)))
        #expect(streamed.warnings.contains { $0.hasPrefix("line 601: not a JSON object") })
        #expect(streamed.documents.last?.id == "last")
    }

    /// A piece whose records are all unusable is skipped, naming its lines; the other pieces are read.
    @Test func aPieceWithoutRecordsIsSkipped() throws {
        let folder = Fixtures.scratchFolder("pieces-bad")
        let path = folder + "/big.jsonl"
        let good = (0..<10).map { #"{"id":"g\#($0)","text":"Officials said \#($0) people were evacuated from the town."}"# }
        let bad = (0..<10).map { _ in "{" + String(repeating: "x", count: 60) }
        Fixtures.write((good + bad + good.map { $0.replacing("\"g", with: "\"h") }).joined(separator: "\n"), to: path)
        let streamed = try JSONLinesPieceTests.pieces(of: path, Ingestor(options: IngestOptions(jsonLinesPieceBytes: 300, jsonLinesChunkBytes: 50)))
        #expect(streamed.documents.count == 20)
        #expect(streamed.skipped.contains { $0.reason.contains("no usable JSON Lines records (line 1") })
    }

    @Test func aLargeClaimsFileIsNotArticles() throws {
        let folder = Fixtures.scratchFolder("pieces-claims")
        let line = #"{"doc":"a","kind":"people","quote":"12 people","value":12}"#
        Fixtures.write(Array(repeating: line, count: 100).joined(separator: "\n"), to: folder + "/claims.jsonl")
        let error = #expect(throws: IngestError.self) { try Ingestor(options: IngestOptions(jsonLinesPieceBytes: 100)).jsonLinesPieces(ofFile: folder + "/claims.jsonl") }
        #expect(error?.notAnArticle == true)
    }
}
