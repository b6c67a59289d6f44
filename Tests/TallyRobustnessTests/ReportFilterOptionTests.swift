import Foundation
import Testing

/// `--verdict`, `--kind` and `--top` on `report` and `reconcile`, and the report's last line on unpaired claims.
@Suite struct ReportFilterOptionTests {
    static let corpus = TallyProcess.repository.appendingPathComponent("corpus/articles").path

    static func findings(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]])
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func reportAndReconcileFilterAlike() throws {
        let folder = try TallyProcess.scratch("filters")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try TallyProcess.run(["report", Self.corpus, "--format", "json", "--verdict", "conflict", "--top", "3", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let shown = try Self.findings(report.stdout)
        #expect(shown.count == 3)
        #expect(shown.allSatisfy { $0["verdict"] as? String == "conflict" })
        let extract = try TallyProcess.run(["extract", Self.corpus, "--output", "claims.jsonl", "--quiet"], in: folder)
        #expect(extract.status == 0)
        let reconciled = try TallyProcess.run(["reconcile", "claims.jsonl", "--format", "json", "--verdict", "conflict", "--top", "3"], in: folder)
        #expect(try Self.findings(reconciled.stdout).map { $0["reason"] as? String } == shown.map { $0["reason"] as? String })
        let kind = try TallyProcess.run(["report", Self.corpus, "--kind", "children", "--quiet"], in: folder)
        #expect(kind.stdout.contains("Showing "))
        #expect(kind.stdout.contains("kind children."))
        #expect(kind.stdout.contains("found no partner:"))
        #expect(try TallyProcess.run(["report", Self.corpus, "--verdict", "conflicts"], in: folder).status == 64)
        #expect(try TallyProcess.run(["report", Self.corpus, "--top", "0"], in: folder).status == 64)
    }
}
