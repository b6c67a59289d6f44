import Foundation
import Testing

/// Issue 19 against the built `tally`: an output path that is a device, FIFO, symlink or
/// `/dev/stdout` is written into, never replaced; names and text from hostile articles reach
/// stderr, stdout and CSV only as inert text. Every attack input is made here, at test time.
@Suite struct HostileOutputTests {
    /// Two small articles that disagree (one finding), the first with an OSC title write and a
    /// screen clear in it, and an empty file whose name holds an escape and a forged line.
    static func hostileFolder() throws -> URL {
        let folder = try TallyProcess.scratch("hostile")
        let esc = "\u{1B}"
        try ("Prisoner swap " + esc + "]0;owned\u{07} title\n\nOfficials said 400 prisoners were freed " + esc
            + "[2J on Monday in the exchange.\n").write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Second\n\nThe ministry said 339 prisoners were freed on Monday in the exchange.\n"
            .write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("bad" + esc + "[31m\ntally: forged.txt").path, contents: Data())
        return folder
    }

    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func namesAndTextFromArticlesCannotDriveTheTerminalOrForgeLines() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TallyProcess.run(["report", "."], in: folder)
        #expect(run.status == 2)  // the empty file is skipped
        for output in [run.stdout, run.stderr] {
            #expect(!output.contains("\u{1B}") && !output.contains("\u{07}"))
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("tally: forged") })
        }
        #expect(run.stderr.contains("tally: skipped ./bad\\x1b[31m\\ntally: forged.txt: empty file"))
        #expect(run.stdout.contains("\\x1b]0;owned\\x07") && run.stdout.contains("\\x1b[2J"))
    }

    @Test func csvFromAnArticleCannotCarryAFormula() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("formula")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "=HYPERLINK(\"http://evil.example\",\"click\") said 400 prisoners were freed on Monday.\n"
            .write(to: folder.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let run = try TallyProcess.run(["extract", "c.txt", "--format", "csv"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(",\"'=HYPERLINK("))
        #expect(!run.stdout.contains(",=") && !run.stdout.contains(",\"=") && !run.stdout.contains("\n="))
    }

    @Test func aSymlinkedOutputIsWrittenThroughToItsTarget() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("report.md").path, withDestinationPath: "out/real.md")
        let run = try TallyProcess.run(["report", "a.txt", "b.txt", "--format", "markdown", "--output", "report.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.fileType(folder.appendingPathComponent("report.md").path) == S_IFLNK)
        let written = try String(contentsOf: folder.appendingPathComponent("out/real.md"), encoding: .utf8)
        #expect(written.hasPrefix("# Tally discrepancy report"))
    }

    /// `--output /dev/stdout` (with stdout a file, as `> file` makes it): the report lands in the file
    /// and `/dev/stdout` stays the symlink it was.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/stdout"), "no /dev/stdout here"))
    func devStdoutIsWrittenInto() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TallyProcess.run(["report", "a.txt", "b.txt", "--format", "json", "--output", "/dev/stdout"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"findings\""))
        #expect(Self.fileType("/dev/stdout") == S_IFLNK)
    }

    /// `/dev/full` as root became a regular file. A full device made here (root only) stands in for it.
    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aDeviceOutputIsAnErrorAndStaysADevice() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full").path
        guard mknod(full, S_IFCHR | 0o666, 1 << 8 | 7) == 0 else { return }  // no CAP_MKNOD in this container
        let run = try TallyProcess.run(["report", "a.txt", "b.txt", "--output", "full"], in: folder)
        #expect(run.status == 73)
        #expect(run.stderr.contains("tally: cannot write full: No space left on device"), "\(run.stderr)")
        #expect(Self.fileType(full) == S_IFCHR)
    }

    @Test func aFIFOOutputIsWrittenIntoAndStaysAFIFO() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        let run = try TallyProcess.run(["report", "a.txt", "b.txt", "--format", "json", "--output", "fifo"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(reader.text()?.contains("\"findings\"") == true)
        #expect(Self.fileType(fifo) == S_IFIFO)
    }
}

/// Reads a FIFO to its end on a thread of its own: a task would wait in the test's cooperative
/// pool, which the blocked `open` of the other end can starve (with 2 cores it did).
final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) {
        Thread.detachNewThread { [self] in
            data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
    }

    /// What was read, or nil when the writer never finished within 60 s.
    func text() -> String? {
        guard done.wait(timeout: .now() + 60) == .success else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
