import Foundation
import Testing

/// `--db` from the command line (issue 19): runs started together on a new store all succeed, and a
/// SQLite file of another program is refused with a clear message and left byte for byte as it was.
@Suite struct StoreOpeningTests {
    static func article(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("a.txt")
        try "Swap\nAt least 1,000 prisoners were exchanged on Friday, officials said.\n".write(to: file, atomically: false, encoding: .utf8)
        return file
    }

    @Test(.timeLimit(.minutes(5)))
    func threeRunsAtOnceOnANewStoreAllSucceed() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("db-race")
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = try Self.article(in: folder)
        let db = folder.appendingPathComponent("new.db").path
        let runs = try (0..<3).map { i in
            let process = try TallyProcess.process(["report", article.path, "--db", db, "-q"],
                                                   stdout: folder.appendingPathComponent("out\(i)"), stderr: folder.appendingPathComponent("err\(i)"))
            try process.run()
            return process
        }
        for (i, process) in runs.enumerated() {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: folder.appendingPathComponent("err\(i)"), encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "run \(i): \(stderr)")
        }
    }

    @Test func aForeignSQLiteFileIsRefusedAndUnchanged() throws {
        guard TallyProcess.executable != nil, let sqlite3 = InterruptionTests.sqlite3 else { return }
        let folder = try TallyProcess.scratch("db-foreign")
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = try Self.article(in: folder)
        let db = folder.appendingPathComponent("other.db")
        let make = Process()
        make.executableURL = URL(fileURLWithPath: sqlite3)
        make.arguments = [db.path, "CREATE TABLE people(name TEXT); INSERT INTO people VALUES ('Ada');"]
        try make.run()
        make.waitUntilExit()
        let before = try Data(contentsOf: db)
        let run = try TallyProcess.run(["report", article.path, "--db", db.path, "-q"], in: folder)
        #expect(run.status == 73)
        #expect(run.stderr.contains("not a Tally store: it holds other tables (people); nothing was changed"), "stderr: \(run.stderr)")
        #expect(try Data(contentsOf: db) == before)
    }
}
