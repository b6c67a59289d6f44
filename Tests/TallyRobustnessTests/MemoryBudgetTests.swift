import Foundation
import Testing

/// Memory follows a budget, not the input (issue 19): the claim bomb (a small `.gz` of "and 1,000
/// prisoners " repeated, once 5.7 GB at its peak) and a long text file (once 13 GB in `tally extract`)
/// run in a few hundred megabytes, measured as the child's peak resident size (by GNU time, when installed).
@Suite(.serialized) struct MemoryBudgetTests {
    struct Run {
        var status: Int32
        var peakMB: Int
        var stderr: String
    }

    /// GNU time, which measures the peak of the process it forks. (`wait4` on a child this test spawns
    /// would not do: `posix_spawn` is a vfork, and Linux counts the spawning process's own peak, the
    /// test runner's, into the child's when it execs.)
    static let time = ["/usr/bin/time"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `tally arguments` under GNU time; nil when it is not installed.
    static func run(_ arguments: [String], in folder: URL) throws -> Run? {
        guard let time, let executable = TallyProcess.executable else { return nil }
        let peak = folder.appendingPathComponent(".peak"), err = folder.appendingPathComponent(".stderr")
        let process = try TallyProcess.process(["-f", "%M", "-o", peak.path, executable.path] + arguments,
                                               stdout: folder.appendingPathComponent(".stdout"), stderr: err)
        process.executableURL = URL(fileURLWithPath: time)
        try process.run()
        process.waitUntilExit()
        let kilobytes = (try? String(contentsOf: peak, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) } ?? 0
        return Run(status: process.terminationStatus, peakMB: kilobytes / 1024, stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test(.timeLimit(.minutes(5)))
    func theClaimBombStaysUnderAGigabyte() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("claim-bomb")
        defer { try? FileManager.default.removeItem(at: folder) }
        // 20 MB of "and 1,000 prisoners ": a million claims without the limit (the had 3 million).
        let bomb = Array("Bomb\n".utf8) + Array(String(repeating: "and 1,000 prisoners ", count: 1_000_000).utf8)
        try Data(try BadFiles.gzip(bomb)).write(to: folder.appendingPathComponent("bomb.txt.gz"))
        try "Small\nAbout 1,200 prisoners were freed on Monday, officials said.\n".write(
            to: folder.appendingPathComponent("small.txt"), atomically: false, encoding: .utf8)
        guard let run = try Self.run(["report", folder.path, "-q", "--format", "json", "--time-limit", "0"], in: folder) else { return }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("bomb.txt.gz: more than 10000 claims: only the first 10000 are kept"), "stderr: \(run.stderr)")
        #expect(run.peakMB > 0 && run.peakMB < 1024, "peak \(run.peakMB) MB")
    }

    @Test(.timeLimit(.minutes(5)))
    func aLongTextFileIsExtractedInBoundedMemory() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("long-text")
        defer { try? FileManager.default.removeItem(at: folder) }
        // 16 MB of prose with a figure now and then: read to the end, piece by piece (456 MB at once before, 70 MB now).
        let paragraph = "The talks went on late into the night, and the delegations met again in the morning to go over the lists once more.\n"
        var text = "Long file\n"
        for i in 0..<(16_000_000 / paragraph.utf8.count) {
            text += i % 400 == 0 ? "Officials said \(i % 900 + 100) prisoners were freed.\n" : paragraph
        }
        try text.write(to: folder.appendingPathComponent("long.txt"), atomically: false, encoding: .utf8)
        guard let run = try Self.run(["extract", folder.appendingPathComponent("long.txt").path, "-q", "--time-limit", "0"], in: folder) else { return }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.peakMB > 0 && run.peakMB < 200, "peak \(run.peakMB) MB")
    }
}
