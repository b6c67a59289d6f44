import Foundation
import Testing
@testable import TallyReport

@Suite struct AtomicFileTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "tally-atomic-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func writesAndReplacesLeavingNoTemporaryFiles() throws {
        let path = directory + "/report.html"
        try AtomicFile.write("first", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try AtomicFile.write("second, longer é", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer é")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.html"])
    }

    @Test func writesPiecesAsOneFileAndStopsAtAFailure() throws {
        let path = directory + "/pieces.json"
        try AtomicFile.write("old", to: path)
        try AtomicFile.write(to: path) { emit in
            for piece in ["{", "\"a\" : 1", "}\n"] { #expect(emit(Array(piece.utf8))) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\" : 1}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["pieces.json"])
        var emitted: [Bool] = []
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(to: "/dev/full") { emit in
                for _ in 0..<3 { emitted.append(emit(Array(repeating: 0x20, count: 1 << 16))) }
            }
        }
        #expect(emitted == [false, false, false])
    }

    @Test func keepsAnExistingFilesPermissions() throws {
        let path = directory + "/claims.csv"
        try AtomicFile.write("a", to: path)
        chmod(path, 0o600)
        try AtomicFile.write("b", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func failureLeavesThePreviousFileAndSaysWhy() throws {
        let path = directory + "/kept.txt"
        try AtomicFile.write("old", to: path)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory + "/missing/dir/f.txt") }
        do {
            try AtomicFile.write("x", to: directory + "/missing/f.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("missing/f.txt") && error.description.contains("No such file"))
        }
        // A directory in the way: the rename fails, the temp file is removed.
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: false)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory + "/sub") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["kept.txt", "sub"])
    }

    @Test func relativePathsWriteInTheCurrentDirectory() {
        #expect(AtomicFile.split("out.json") == (".", "out.json"))
        #expect(AtomicFile.split("/out.json") == ("/", "out.json"))
        #expect(AtomicFile.split("a/b/out.json") == ("a/b", "out.json"))
    }

    // MARK: What is not a regular file is written into, never replaced

    @Test func aSymlinkIsWrittenThroughAndStays() throws {
        let target = directory + "/real.md"
        try AtomicFile.write("old", to: target)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.md", withDestinationPath: "real.md")
        try AtomicFile.write("new", to: directory + "/link.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.md") == "real.md")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.md", "real.md"])
    }

    @Test func aDanglingSymlinkCreatesItsTarget() throws {
        try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: "out/new.json")
        try AtomicFile.write("{}", to: directory + "/link")
        #expect(try String(contentsOfFile: directory + "/out/new.json", encoding: .utf8) == "{}")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link") == "out/new.json")
    }

    @Test func aSymlinkLoopIsAClearError() throws {
        try FileManager.default.createSymbolicLink(atPath: directory + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: directory + "/b", withDestinationPath: "a")
        do {
            try AtomicFile.write("x", to: directory + "/a")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/a") && error.description.contains("symbolic links"))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/a") == "b")
    }

    @Test func aPipeNamedByDevFdIsWrittenInto() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try AtomicFile.write("through the pipe", to: "/dev/fd/\(ends[1])")
        close(ends[1])
        let read = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false).readDataToEndOfFile()
        #expect(String(decoding: read, as: UTF8.self) == "through the pipe")
    }

    @Test func aFileBehindProcFdIsAppendedToInPlace() throws {
        let path = directory + "/stdout.txt"
        try AtomicFile.write("", to: path)
        let fd = open(path, O_WRONLY | O_APPEND)
        try #require(fd >= 0)
        defer { close(fd) }
        var before = stat()
        stat(path, &before)
        try AtomicFile.write("one\n", to: "/proc/self/fd/\(fd)")
        try AtomicFile.write("two\n", to: "/dev/fd/\(fd)")
        var after = stat()
        stat(path, &after)
        #expect(after.st_ino == before.st_ino)  // the same file, not a replacement
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/stdout"), "no /dev/stdout here"))
    func devStdoutIsThisProcesssStandardOutput() {
        #expect(OutputTarget.resolve("/dev/stdout") == .success(.descriptor(1)))
        #expect(OutputTarget.resolve("/dev/fd/2") == .success(.descriptor(2)))
        #expect(OutputTarget.resolve("/proc/self/fd/7") != .success(.replace("/proc/self/fd/7")))
    }

    @Test func aFIFOIsWrittenIntoAndStaysAFIFO() throws {
        let path = directory + "/fifo"
        try #require(mkfifo(path, 0o600) == 0)
        let reader = FIFOReader(path)
        try AtomicFile.write("into the fifo", to: path)
        #expect(reader.text() == "into the fifo")
        #expect(Self.fileType(path) == S_IFIFO)
    }

    /// `/dev/full` as root used to become a regular file. A device node made here (root only) stands in.
    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aDeviceIsWrittenIntoAndNeverReplaced() throws {
        let full = directory + "/full", null = directory + "/null"
        defer { try? FileManager.default.removeItem(atPath: directory) }  // no device nodes left in /tmp
        guard mknod(full, S_IFCHR | 0o666, 1 << 8 | 7) == 0, mknod(null, S_IFCHR | 0o666, 1 << 8 | 3) == 0 else {
            return  // a container without CAP_MKNOD: nothing to test here
        }
        do {
            try AtomicFile.write("report", to: full)
            Issue.record("writing to a full device should fail")
        } catch {
            #expect(error.description.contains("No space left on device"))
        }
        try AtomicFile.write("report", to: null)
        try FileManager.default.createSymbolicLink(atPath: directory + "/to-full", withDestinationPath: full)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("report", to: directory + "/to-full") }
        #expect(Self.fileType(full) == S_IFCHR && Self.fileType(null) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["full", "null", "to-full"])
    }

    @Test func aDirectoryIsRefusedBeforeAnythingIsWritten() throws {
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory + "/") }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory + "/..") }
    }

    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
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
