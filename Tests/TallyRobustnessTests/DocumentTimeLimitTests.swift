import Foundation
import Testing

/// A file that takes too long is abandoned with a reason while the rest of the batch is reported, and a
/// Ctrl-C or SIGTERM ends the run within a second even while a worker is deep in one file (issue 19).
@Suite(.serialized) struct DocumentTimeLimitTests {
    /// A folder with `slow.txt` (about `megabytes` MB of article text in one document: seconds of
    /// extraction in a debug build) and `small.txt` (one claim).
    static func folder(megabytes: Int) throws -> URL {
        let folder = try TallyProcess.scratch("time-limit")
        let sentence = "Officials said at least 1,000 prisoners were exchanged on Friday, and 300 more would follow.\n"
        let slow = "Slow article\n" + String(repeating: sentence, count: megabytes * 1_000_000 / sentence.utf8.count)
        try slow.write(to: folder.appendingPathComponent("slow.txt"), atomically: false, encoding: .utf8)
        try "Small article\nAbout 1,200 prisoners were freed on Monday, officials said.\n"
            .write(to: folder.appendingPathComponent("small.txt"), atomically: false, encoding: .utf8)
        return folder
    }

    @Test(.timeLimit(.minutes(5)))
    func aFileOverTheTimeLimitIsSkippedAndTheRestReported() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.folder(megabytes: 4)
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Date()
        let run = try TallyProcess.run(["extract", ".", "-q", "--jobs", "2", "--time-limit", "0.2"], in: folder)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("skipped ./slow.txt: took longer than 0.2 s on one document"), "stderr: \(run.stderr)")
        #expect(run.stdout.contains("\"doc\":\"./small.txt\""))
    }

    @Test(.timeLimit(.minutes(5)), arguments: [SIGINT, SIGTERM])
    func aSignalStopsWithinASecondWhileAFileIsInFlight(signal: Int32) throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.folder(megabytes: 8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent(".out"), err = folder.appendingPathComponent(".err")  // hidden: not read
        let process = try TallyProcess.process(["extract", folder.path, "-q", "--jobs", "1", "--time-limit", "0"], stdout: out, stderr: err)
        try process.run()
        try #require(TallyProcess.waitUntilCatching(signal, process), "the run ended before it caught signals")
        usleep(500_000)  // into slow.txt (the first file), which takes seconds
        try #require(process.isRunning, "the run ended before the signal")
        let signalled = Date()
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(signalled)
        #expect(seconds < 1.5, "took \(seconds) s to stop")
        #expect(process.terminationStatus == 128 + signal)
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        #expect(stderr.contains("interrupted after reading 0 of 2 files"), "stderr: \(stderr)")
    }
}
