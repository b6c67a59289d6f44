import Foundation
import Testing

/// When stdout cannot take the results (a full disk: `/dev/full`), every command that writes results
/// there says so on stderr and exits 74 (EX_IOERR), without crashing or claiming success.
@Suite struct FullOutputTests {
    static let full = URL(fileURLWithPath: "/dev/full")

    @Test(arguments: [["extract"], ["quantities"], ["ingest"], ["report"], ["extract", "--format", "csv"]])
    func aFullDiskEndsTheRunWithAnErrorNotACrash(command: [String]) throws {
        guard TallyProcess.executable != nil, FileManager.default.isWritableFile(atPath: Self.full.path) else { return }
        let folder = try TallyProcess.scratch("full-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stderr = folder.appendingPathComponent("stderr")
        let corpus = TallyProcess.repository.appendingPathComponent("corpus/articles").path
        // Not `TallyProcess.process`: it creates its output files, and /dev/full must stay a device.
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = TallyProcess.executable
        process.arguments = [command[0], corpus, "--quiet"] + command.dropFirst()
        var environment = ProcessInfo.processInfo.environment
        environment["TALLY_RULES"] = TallyProcess.repository.appendingPathComponent("rules").path
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: Self.full)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        let message = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 74, "\(command): \(message)")
        #expect(message.contains("cannot write the output: No space left on device"), "\(command): \(message)")
        #expect(!message.contains("Fatal error"))
    }
}
