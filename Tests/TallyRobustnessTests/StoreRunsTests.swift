import Foundation
import Testing

/// `tally report --db` over one folder, then another (issue 17): the second run is kept beside the first,
/// not in its place, and `sqlite3` finds each run's findings by `run_id` and the latest in `latest_findings`.
@Suite struct StoreRunsTests {
    @Test func runsOnTwoFoldersKeepBothSetsOfFindings() throws {
        guard TallyProcess.executable != nil, InterruptionTests.sqlite3 != nil else { return }
        let folder = try TallyProcess.scratch("db-runs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = TallyProcess.repository.appendingPathComponent("corpus/articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.sorted()
        for (subfolder, slice) in [("first", names.prefix(5)), ("second", names.dropFirst(5).prefix(5))] {
            let target = folder.appendingPathComponent(subfolder)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in slice { try FileManager.default.copyItem(at: articles.appendingPathComponent(name), to: target.appendingPathComponent(name)) }
        }
        let db = folder.appendingPathComponent("store.db")
        var findings: [String] = []
        for subfolder in ["first", "second"] {
            let run = try TallyProcess.run(["report", subfolder, "--db", db.path, "--format", "json"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            findings.append("\((report?["findings"] as? [Any])?.count ?? -1)")
        }
        #expect(findings.allSatisfy { $0 != "0" && $0 != "-1" }, "\(findings)")
        let sql = { (query: String) in try InterruptionTests.sql(db, query) }
        #expect(try sql("SELECT id || ' ' || inputs FROM runs") == ["1 [\"first\"]", "2 [\"second\"]"])
        #expect(try sql("SELECT count(*) FROM findings GROUP BY run_id ORDER BY run_id") == findings)
        #expect(try sql("SELECT count(*) FROM latest_findings") == [findings[1]])
        #expect(try sql("SELECT DISTINCT substr(doc, 1, instr(doc, '/')) FROM documents WHERE run_id = 1") == ["first/"])
        #expect(try sql("PRAGMA foreign_key_check").isEmpty)
    }
}
