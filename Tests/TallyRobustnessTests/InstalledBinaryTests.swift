import Foundation
import Testing

/// A `tally` binary copied out of the checkout (as `install` does) runs from any folder: its default
/// rules are built in, and a rules folder, when one is given or found, still wins.
@Suite struct InstalledBinaryTests {
    /// Copies the built binary into a fresh folder with no `rules` anywhere above it, and two articles beside it.
    static func installed() throws -> (folder: URL, binary: URL) {
        let executable = try #require(TallyProcess.executable)
        let folder = try TallyProcess.scratch("installed")
        let binary = folder.appendingPathComponent("bin/tally")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: executable, to: binary)
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        for name in ["000_8defa8e41f7bd2f8.txt", "001_7cf5a6636f4c4c57.txt"] {
            try FileManager.default.copyItem(
                at: TallyProcess.repository.appendingPathComponent("corpus/articles/" + name),
                to: articles.appendingPathComponent(name))
        }
        return (folder, binary)
    }

    /// Runs `binary arguments` in `folder` without `TALLY_RULES`.
    static func run(_ binary: URL, _ arguments: [String], in folder: URL) throws -> TallyProcess.Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TALLY_RULES" }
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent(".out"), err = folder.appendingPathComponent(".err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        return try TallyProcess.finish(process, stdout: out, stderr: err)
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func copiedBinaryUsesItsBuiltInRules() throws {
        let (folder, binary) = try Self.installed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.run(binary, ["report", "articles", "--format", "json", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"verdict\" : \"conflict\"") || report.stdout.contains("\"verdict\":\"conflict\""))
        let lint = try Self.run(binary, ["rules", "lint"], in: folder)
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("built-in rules:"), "\(lint.stderr)")
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func aRulesFolderStillOverrides() throws {
        let (folder, binary) = try Self.installed()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A rules folder with one lexicon file and no rules: used instead of the built-in ones, so it fails.
        let rules = folder.appendingPathComponent("custom/lexicon")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("sample_marker: [sample]\n".utf8).write(to: rules.appendingPathComponent("empty.yaml"))
        let given = try Self.run(binary, ["rules", "lint", "--rules", "custom"], in: folder)
        #expect(given.status == 65, "\(given.stderr)")
        #expect(given.stderr.contains("no rule files"))
        // The same folder found as ./rules.
        try FileManager.default.moveItem(at: folder.appendingPathComponent("custom"), to: folder.appendingPathComponent("rules"))
        let found = try Self.run(binary, ["rules", "lint"], in: folder)
        #expect(found.status == 65)
        #expect(found.stderr.contains("rules: 0 rules"), "\(found.stderr)")
    }
}
