import Foundation

/// Runs the built `tally` executable (it sits beside the test bundle in the build folder).
struct TallyProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `tally` binary of this build, or nil when it was not built (the tests that need it then skip).
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tally"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tally"),
            Bundle.main.bundleURL.appendingPathComponent("tally"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A process set up to run `tally arguments` with the repository's rules; output goes to files
    /// (not pipes, so a chatty child never blocks on a full pipe).
    static func process(_ arguments: [String], stdout: URL, stderr: URL) throws -> Process {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TALLY_RULES"] = repository.appendingPathComponent("rules").path
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        return process
    }

    /// Runs `tally arguments` to completion in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> Output {
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = try process(arguments, stdout: out, stderr: err)
        process.currentDirectoryURL = directory
        return try finish(process, stdout: out, stderr: err)
    }

    /// Runs a process set up to write into `stdout` and `stderr` to completion, and reads what it wrote.
    static func finish(_ process: Process, stdout: URL, stderr: URL) throws -> Output {
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }

    /// Waits (up to `timeout` seconds) until the running `process` has installed its handler for `signal`,
    /// read from `/proc/PID/status` (`SigCgt`, a hex mask with bit `signal - 1`). A test that signals a
    /// freshly started process would otherwise kill it before its handler exists when the machine is
    /// loaded (a sanitizer build starts slowly). Returns false when the process ended or the time ran out.
    static func waitUntilCatching(_ signal: Int32, _ process: Process, timeout: TimeInterval = 60) -> Bool {
        let status = "/proc/\(process.processIdentifier)/status"
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            let lines = ((try? String(contentsOfFile: status, encoding: .utf8)) ?? "").split(separator: "\n")
            if let line = lines.first(where: { $0.hasPrefix("SigCgt:") }),
               let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16),
               mask & (1 << UInt64(signal - 1)) != 0 {
                return true
            }
            usleep(10_000)
        }
        return false
    }

    /// A fresh scratch folder.
    static func scratch(_ name: String) throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tally-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
