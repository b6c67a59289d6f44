import Foundation
import Testing
import TallyCore
import TallyExtract
import TallyIngest
@testable import TallyPipeline

/// A large JSON Lines file goes through the batch as pieces: the same documents and claims as the file read
/// whole, in order, with only the last piece ending the file.
@Suite struct BatchRunnerPiecesTests {
    @Test func piecesGiveTheDocumentsAndClaimsOfTheWholeFile() throws {
        let extractor = try BoundedExtractionTests.extractor.get()
        let lines = (0..<60).map { index in
            index == 17 ? "{broken" : "{\"id\":\"r\(index)\",\"text\":\"Officials said \(index * 11 + 3) people were evacuated and \(index + 2) died.\"}"
        }
        let path = NSTemporaryDirectory() + "tally-pieces-\(UUID().uuidString).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = BatchRunner(ingestor: Ingestor(), extractor: extractor, jobs: 2).process(path)
        let runner = BatchRunner(ingestor: Ingestor(options: IngestOptions(jsonLinesPieceBytes: 700, jsonLinesChunkBytes: 128)), extractor: extractor, jobs: 2)
        var results: [FileResult] = []
        runner.run([path]) { results.append($0) }
        #expect(results.count > 3)
        #expect(results.map(\.endsFile) == Array(repeating: false, count: results.count - 1) + [true])
        #expect(results.flatMap(\.documents).map(\.id) == whole.documents.map(\.id))
        #expect(results.flatMap(\.claims) == whole.claims)
        #expect(results.flatMap(\.documents).flatMap(\.warnings).contains { $0.hasPrefix("line 18: not a JSON object") })
    }
}
