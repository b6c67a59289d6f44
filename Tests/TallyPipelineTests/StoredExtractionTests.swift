import Foundation
import Testing
import TallyCore
import TallyExtract
@testable import TallyPipeline

@Suite struct StoredExtractionTests {
    static let rules = Result { try RuleSet.load(directory: repoRoot.appendingPathComponent("rules").path) }

    static let documents = [
        Document(id: "a", text: "Officials said at least 1,000 prisoners would be exchanged on each side."),
        Document(id: "b", text: "Up to 390 captives were exchanged on Friday, the ministry said."),
    ]

    /// Runs the documents through a store at `path`, as `tally report --db` does.
    func run(_ path: String, version: String = "1", documents: [Document] = documents) throws -> (claims: [[Claim]], reused: Int, extracted: Int) {
        var stored = try StoredExtraction(path: path, extractor: Extractor(rules: try Self.rules.get()), toolVersion: version, jobs: 2)
        var claims: [[Claim]] = []
        try stored.add(documents) { claims.append($1) }
        try stored.flush { claims.append($1) }
        return (claims, stored.reused, stored.extracted)
    }

    @Test func aSecondRunTakesUnchangedDocumentsFromTheStore() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-stored-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try run(path)
        #expect(first.reused == 0 && first.extracted == 2)
        #expect(first.claims.allSatisfy { !$0.isEmpty })
        let second = try run(path)
        #expect(second.reused == 2 && second.extracted == 0)
        #expect(second.claims == first.claims)
        // A new tool version may extract differently from the same rules: everything is extracted again.
        let upgraded = try run(path, version: "2")
        #expect(upgraded.reused == 0 && upgraded.extracted == 2)
    }

    @Test func aStoreThatCannotBeOpenedIsAnError() throws {
        #expect(throws: (any Error).self) {
            try StoredExtraction(path: "/nonexistent/folder/x.db", extractor: Extractor(rules: try Self.rules.get()), toolVersion: "1", jobs: 1)
        }
    }
}
