import Foundation
import Testing

/// A `tally report --db --html` run killed mid-write (SIGKILL) or interrupted (SIGINT) leaves the
/// previous database and HTML report exactly as they were: the database opens, passes
/// `PRAGMA integrity_check` and still holds the previous findings; the report is byte-for-byte the same.
@Suite(.serialized) struct InterruptionTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs `sqlite3 db sql` and returns its output lines.
    static func sql(_ db: URL, _ query: String) throws -> [String] {
        guard let sqlite3 else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = [db.path, query]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A folder of `copies` variants of every sample article (each a distinct document).
    static func bigCorpus(in folder: URL, copies: Int) throws -> URL {
        let big = folder.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
        let articles = TallyProcess.repository.appendingPathComponent("corpus/articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let text = try String(contentsOf: articles.appendingPathComponent(name), encoding: .utf8)
            for copy in 0..<copies {
                try "Edition \(copy).\n\(text)".write(to: big.appendingPathComponent("\(copy)-\(name)"), atomically: false, encoding: .utf8)
            }
        }
        return big
    }

    struct Previous {
        var folder: URL
        var db: URL
        var html: URL
        var htmlBytes: Data
        var findings: String
    }

    /// A first, complete run over a few articles: the state a later interrupted run must not damage.
    static func previousRun() throws -> Previous {
        let folder = try TallyProcess.scratch("interrupt")
        let small = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let articles = TallyProcess.repository.appendingPathComponent("corpus/articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.sorted().prefix(5)
        for name in names {
            try FileManager.default.copyItem(at: articles.appendingPathComponent(name), to: small.appendingPathComponent(name))
        }
        let db = folder.appendingPathComponent("x.db")
        let html = folder.appendingPathComponent("r.html")
        let first = try TallyProcess.run(["report", small.path, "--db", db.path, "--html", html.path, "-q", "--format", "json"], in: folder)
        #expect(first.status == 0, "first run: \(first.status) \(first.stderr)")
        let findings = try sql(db, "SELECT count(*) FROM findings").joined()
        return Previous(folder: folder, db: db, html: html, htmlBytes: try Data(contentsOf: html), findings: findings)
    }

    /// Starts `tally report big --db --html`, waits until the store is mid-transaction (its rollback
    /// journal exists), then sends `signal`. Returns the process (already signalled) or nil if the run
    /// ended before a write was seen.
    static func startAndSignal(_ previous: Previous, big: URL, signal: Int32) throws -> (Process, URL)? {
        let err = previous.folder.appendingPathComponent("stderr-\(signal)")
        let process = try TallyProcess.process(
            ["report", big.path, "--db", previous.db.path, "--html", previous.html.path, "-q", "--jobs", "2", "--output",
             previous.folder.appendingPathComponent("report.txt").path],
            stdout: previous.folder.appendingPathComponent("stdout-\(signal)"), stderr: err)
        try process.run()
        let journal = previous.db.path + "-journal"
        let deadline = Date().addingTimeInterval(240)
        while process.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: journal) {
                kill(process.processIdentifier, signal)
                return (process, err)
            }
            usleep(2000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return nil
    }

    static func expectIntact(_ previous: Previous) throws {
        #expect(try Data(contentsOf: previous.html) == previous.htmlBytes, "the previous HTML report changed")
        guard sqlite3 != nil else { return }
        #expect(try sql(previous.db, "PRAGMA integrity_check") == ["ok"])
        #expect(try sql(previous.db, "SELECT count(*) FROM findings").joined() == previous.findings, "previous findings lost")
        #expect(try Int(sql(previous.db, "SELECT count(*) FROM documents").joined()) ?? 0 >= 5)
    }

    @Test(.timeLimit(.minutes(10)))
    func sigkillMidWriteLeavesPreviousOutputsIntact() throws {
        guard TallyProcess.executable != nil else { return }
        let previous = try Self.previousRun()
        defer { try? FileManager.default.removeItem(at: previous.folder) }
        #expect(Int(previous.findings) ?? 0 > 0, "the first run should find something to compare")
        let big = try Self.bigCorpus(in: previous.folder, copies: 12)
        let started = try Self.startAndSignal(previous, big: big, signal: SIGKILL)
        try #require(started != nil, "the run ended before the store was written")
        started!.0.waitUntilExit()
        #expect(started!.0.terminationReason == .uncaughtSignal && started!.0.terminationStatus == SIGKILL)
        try Self.expectIntact(previous)
    }

    @Test(.timeLimit(.minutes(10)))
    func ctrlCStopsPromptlyAndSaysWhatWasDone() throws {
        guard TallyProcess.executable != nil else { return }
        let previous = try Self.previousRun()
        defer { try? FileManager.default.removeItem(at: previous.folder) }
        let big = try Self.bigCorpus(in: previous.folder, copies: 12)
        let started = try Self.startAndSignal(previous, big: big, signal: SIGINT)
        try #require(started != nil, "the run ended before the store was written")
        let (process, err) = started!
        let signalled = Date()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(signalled)
        #expect(seconds < 60, "took \(seconds) s to stop after Ctrl-C")
        #expect(process.terminationStatus == 130)
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        #expect(stderr.contains("interrupted after reading"), "stderr: \(stderr)")
        #expect(!FileManager.default.fileExists(atPath: previous.folder.appendingPathComponent("report.txt").path))
        try Self.expectIntact(previous)
    }
}
