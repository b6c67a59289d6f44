import Foundation
import Testing

/// Memory follows a budget, not the input (issue 19): the claim bomb (a small `.gz` of "and 1,000
/// prisoners " repeated, once 5.7 GB at its peak) and a long text file (once 13 GB in `tally extract`)
/// run in a few hundred megabytes, measured as the child's peak resident size.
@Suite(.serialized) struct MemoryBudgetTests {
    struct Run {
        var status: Int32
        var peakMB: Int
        var stderr: String
    }

    /// Runs `tally arguments` (stdout to /dev/null; paths absolute) and follows its peak resident size in
    /// `/proc/PID/status` (`VmHWM`) until it exits. Not `wait4`'s `ru_maxrss`: a child started by
    /// `posix_spawn` (a vfork) inherits the test runner's own peak at `exec`, hundreds of megabytes when
    /// the whole suite runs; `VmHWM` belongs to the memory the program itself mapped after `exec`.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        guard let executable = TallyProcess.executable else { throw CocoaError(.fileNoSuchFile) }
        let errPath = folder.appendingPathComponent(".stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let rules = "TALLY_RULES=" + TallyProcess.repository.appendingPathComponent("rules").path
        // A sanitizer's settings go to the child too (its leak suppressions, `scripts/lsan.supp`).
        let sanitizer = ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].compactMap { key in
            ProcessInfo.processInfo.environment[key].map { key + "=" + $0 }
        }
        let env: [UnsafeMutablePointer<CChar>?] = ([rules, "PATH=/usr/bin:/bin"] + sanitizer).map { strdup($0) } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, env)
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: ["posix_spawn": spawned]) }
        var status: Int32 = 0
        var peakKB = 0
        while true {
            peakKB = max(peakKB, highWaterKB(of: pid))
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            usleep(10_000)
        }
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Run(status: exit, peakMB: peakKB / 1024, stderr: stderr)
    }

    /// Under AddressSanitizer (`scripts/sanitizers.sh` sets `ASAN_OPTIONS`) the binary's shadow memory and
    /// quarantine are no measure of Tally's own: the runs are still made and checked, their peaks not.
    static let measuresPeak = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil

    /// `VmHWM` of a running process in kB (0 once it has exited or where /proc is missing).
    static func highWaterKB(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
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
        let run = try Self.run(["report", folder.path, "-q", "--format", "json", "--time-limit", "0"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("bomb.txt.gz: more than 10000 claims: only the first 10000 are kept"), "stderr: \(run.stderr)")
        if Self.measuresPeak { #expect(run.peakMB > 5 && run.peakMB < 1024, "peak \(run.peakMB) MB") }
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
        let run = try Self.run(["extract", folder.appendingPathComponent("long.txt").path, "-q", "--time-limit", "0"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        if Self.measuresPeak { #expect(run.peakMB > 5 && run.peakMB < 200, "peak \(run.peakMB) MB") }
    }
}
