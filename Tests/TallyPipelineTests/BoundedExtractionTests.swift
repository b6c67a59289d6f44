import TallyMemory
import Foundation
import Testing
import TallyCore
import TallyExtract
import TallyIngest

@testable import TallyPipeline

@Suite struct BoundedExtractionTests {
    static let extractor = Result { Extractor(rules: try RuleSet.load(directory: repoRoot.appendingPathComponent("rules").path)) }

    static func article(_ name: String) throws -> Document {
        try Ingestor().ingest(file: repoRoot.appendingPathComponent("corpus/articles/\(name)").path)[0]
    }

    /// The text's scalars from `start` to `end`, as a claim's offsets name them.
    static func span(_ text: String, _ claim: Claim) -> String {
        let scalars = Array(text.unicodeScalars)
        guard claim.start >= 0, claim.end <= scalars.count, claim.start <= claim.end else { return "<out of range>" }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[claim.start..<claim.end])
        return String(s)
    }

    @Test func anArticleUnderTheChunkSizeIsExtractedAsBefore() throws {
        let extractor = try Self.extractor.get()
        let document = try Self.article("000_8defa8e41f7bd2f8.txt")
        let bounded = extractor.extract(document, budget: .standard)
        #expect(bounded.claims == extractor.extract(document))
        #expect(bounded.warnings.isEmpty)
    }

    @Test func piecesKeepOffsetsIntoTheWholeText() throws {
        let extractor = try Self.extractor.get()
        var document = try Self.article("000_8defa8e41f7bd2f8.txt")
        // Non-ASCII before every piece boundary: offsets count scalars, not bytes.
        document.text = Array(repeating: "Café — “quoted”, résumé.\n" + document.text, count: 6).joined(separator: "\n")
        let whole = extractor.extract(document)
        let pieces = extractor.extract(document, budget: ExtractionBudget(chunkBytes: 4096))
        #expect(pieces.claims.count >= whole.count * 9 / 10)
        for claim in pieces.claims { #expect(Self.span(document.text, claim) == claim.quote) }
    }

    /// The reproducer of issue 19 at a small size: "and 1,000 prisoners " repeated is a claim every 20
    /// bytes (the 145 KB `.gz` held 3 million); a document keeps 10,000 and the rest is not read.
    @Test func theClaimBombStopsAtTheDocumentLimit() throws {
        let extractor = try Self.extractor.get()
        let text = "Bomb\n" + String(repeating: "and 1,000 prisoners ", count: 60_000)
        let document = Document(id: "bomb.txt", text: text)
        let budget = ExtractionBudget(claimsPerDocument: 2_000, chunkBytes: 64 << 10)
        let bounded = extractor.extract(document, budget: budget)
        #expect(bounded.claims.count == 2_000)
        #expect(bounded.warnings == ["more than 2000 claims: only the first 2000 are kept (the rest of the text is not read)"])
        #expect(bounded.claims.last.map { Self.span(text, $0) == $0.quote } == true)
    }

    /// The claim bomb spread over many small JSON Lines records, each under the document limit: the file's
    /// limit stops it, and the documents past it say why they have no claims.
    @Test func manySmallBombsInOneFileStopAtTheFileLimit() throws {
        let extractor = try Self.extractor.get()
        let lines = (0..<40).map { "{\"id\":\"r\($0)\",\"text\":\"" + String(repeating: "and 1,000 prisoners ", count: 100) + "\"}" }
        let path = NSTemporaryDirectory() + "tally-bombs-\(UUID().uuidString).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = BatchRunner(ingestor: Ingestor(), extractor: extractor, jobs: 1)
        runner.budget = ExtractionBudget(claimsPerDocument: 1_000, claimsPerFile: 250)
        let result = runner.process(path)
        #expect(result.documents.count == 40)
        #expect(result.claims.map(\.count).reduce(0, +) == 250)
        #expect(result.claims[0].count >= 90)
        #expect(result.claims[39].isEmpty)
        let first = try #require(result.claims.firstIndex { $0.isEmpty })
        #expect(result.documents[first].warnings.contains {
            $0 == "not extracted, nor the \(39 - first) documents after it: the file already has 250 claims, the most one file may hold"
        })
        #expect(result.documents[39].warnings.isEmpty)
    }

    @Test func claimsOfOneSentenceShareItsText() {
        var a = Claim.empty, b = Claim.empty
        a.sentence = String(repeating: "a long sentence ", count: 10)
        b.sentence = String(repeating: "a long sentence ", count: 10)
        var claims = [a, b]
        ExtractionChunks.shareStorage(&claims)
        #expect(claims[0].sentence == claims[1].sentence)
        var first = claims[0].sentence, second = claims[1].sentence
        let a0 = first.withUTF8 { $0.baseAddress }, b0 = second.withUTF8 { $0.baseAddress }
        #expect(a0 == b0)
    }

    @Test func anEndlessSentenceIsCutAroundTheQuote() {
        let long = String(repeating: "x", count: 10_000) + " at least 1,000 prisoners " + String(repeating: "y", count: 10_000)
        let excerpt = ExtractionChunks.excerpt(long, around: "at least 1,000 prisoners", characters: 100)
        #expect(excerpt.unicodeScalars.count == 100)
        #expect(excerpt.contains("at least 1,000 prisoners"))
        #expect(ExtractionChunks.excerpt("short", around: "nothing", characters: 100) == "short")
    }

    @Test func piecesEndAtLineBreaksThenSpacesThenCharacters() {
        func end(_ text: String, _ max: Int) -> Int {
            text.withBytes { ExtractionChunks.end(of: $0, from: 0, maxBytes: max) }
        }
        #expect(end("aaaaaaa\nbbbb cccc", 12) == 8)
        #expect(end("aaaa\nbbbbb cccc", 12) == 11)  // a line break in the first half is too early: the last space
        #expect(end("aaaa bbbbbbbbbbbb", 8) == 5)
        #expect(end("ééééé", 5) == 4)  // not inside the third é
        #expect(end("short", 100) == 5)
    }

    @Test func theRunKeepsAtMostItsClaimLimitAndSaysWhichDocumentLostClaims() throws {
        var builder = ReportBuilder(claimLimit: 5)
        let claim = Claim.empty
        builder.add(Document(id: "a", text: ""), claims: Array(repeating: claim, count: 3))
        builder.add(Document(id: "b", text: ""), claims: Array(repeating: claim, count: 4))
        builder.add(Document(id: "c", text: ""), claims: [claim])
        #expect(try builder.claims.count == 5)
        #expect(builder.documents.map(\.claims) == [3, 2, 0])
        #expect(builder.skipped.map(\.path) == ["b", "c"])
        #expect(builder.skipped.first?.reason.hasPrefix("2 of its 4 claims not reconciled") == true)
    }
}
