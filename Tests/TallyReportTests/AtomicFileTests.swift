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
}
