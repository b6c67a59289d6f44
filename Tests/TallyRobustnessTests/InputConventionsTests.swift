import Foundation
import Testing

@testable import tally

/// The conventions of command-line tools: `-` is standard input, a missing path or an input with no
/// article is an error that writes nothing, a mistyped command gets a suggestion, colour obeys `NO_COLOR`.
@Suite struct InputConventionsTests {
    static let articles = TallyProcess.repository.appendingPathComponent("corpus/articles")
    static let first = articles.appendingPathComponent("000_8defa8e41f7bd2f8.txt")
    static let second = articles.appendingPathComponent("001_7cf5a6636f4c4c57.txt")

    /// Runs `tally arguments` in `directory` with `input` as standard input (an empty file if nil).
    static func run(_ arguments: [String], input: URL? = nil, environment extra: [String: String] = [:], in directory: URL) throws
        -> TallyProcess.Output
    {
        let out = directory.appendingPathComponent(".out"), err = directory.appendingPathComponent(".err")
        let process = try TallyProcess.process(arguments, stdout: out, stderr: err)
        process.currentDirectoryURL = directory
        process.environment = (process.environment ?? [:]).merging(extra) { $1 }
        let empty = directory.appendingPathComponent(".empty")
        _ = FileManager.default.createFile(atPath: empty.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: input ?? empty)
        return try TallyProcess.finish(process, stdout: out, stderr: err)
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func dashReadsStandardInputInEveryReadingCommand() throws {
        let folder = try TallyProcess.scratch("stdin")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.run(["report", "-", Self.second.path, "--format", "json", "--quiet"], input: Self.first, in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"doc\" : \"stdin\""))
        #expect(report.stdout.contains("\"verdict\" : \"conflict\""))
        let extract = try Self.run(["extract", "-", "--quiet"], input: Self.first, in: folder)
        #expect(extract.status == 0)
        #expect(extract.stdout.contains("\"doc\":\"stdin\""))
        let ingest = try Self.run(["ingest", "-", "--format", "text", "--quiet"], input: Self.first, in: folder)
        #expect(ingest.stdout.hasPrefix("== stdin\n"))
        let explain = try Self.run(["explain", "-", "--sentence", "1"], input: Self.first, in: folder)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(!explain.stdout.isEmpty)
        let twice = try Self.run(["extract", "-", "-"], in: folder)
        #expect(twice.status == 64)
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func aMissingPathWritesNothingAndExits66() throws {
        let folder = try TallyProcess.scratch("missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(
            ["report", Self.first.path, "no/such/folder", "--output", "report.txt", "--html", "report.html", "--db", "store.db"],
            in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("no/such/folder: no such file or folder"))
        for name in ["report.txt", "report.html", "store.db"] {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) was written")
        }
        for command in [["extract"], ["ingest"], ["explain"]] {
            #expect(try Self.run(command + ["nothing-here.txt"], in: folder).status == 66, "\(command)")
        }
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func aFolderWithoutArticlesIsAnError() throws {
        let folder = try TallyProcess.scratch("empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: empty.appendingPathComponent("notes.md"))
        let result = try Self.run(["report", "articles", "--output", "report.txt"], in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("no article files in articles"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.txt").path))
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func formatHTMLWritesThePage() throws {
        let folder = try TallyProcess.scratch("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["report", Self.first.path, Self.second.path, "--format", "html", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>") || result.stdout.hasPrefix("<!doctype html>"))
        #expect(result.stdout.contains("339"))
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func colorOptionAndNoColor() throws {
        let folder = try TallyProcess.scratch("color")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [Self.first.path, Self.second.path, "--quiet"]
        let always = try Self.run(["report"] + inputs + ["--color", "always"], environment: ["NO_COLOR": "1"], in: folder)
        #expect(always.stdout.contains("\u{1B}["))
        let never = try Self.run(["report"] + inputs + ["--color", "never"], in: folder)
        #expect(never.status == 0)
        #expect(!never.stdout.contains("\u{1B}["))
        #expect(try Self.run(["report"] + inputs + ["--color", "sometimes"], in: folder).status == 64)
    }

    @Test func autoColourFollowsTheTerminalNoColorAndDumbTerminals() {
        #expect(ColorChoice.auto.enabled(toFile: false, environment: [:], isTerminal: true))
        #expect(!ColorChoice.auto.enabled(toFile: false, environment: [:], isTerminal: false))
        #expect(!ColorChoice.auto.enabled(toFile: true, environment: [:], isTerminal: true))
        #expect(!ColorChoice.auto.enabled(toFile: false, environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(ColorChoice.auto.enabled(toFile: false, environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!ColorChoice.auto.enabled(toFile: false, environment: ["TERM": "dumb"], isTerminal: true))
        #expect(ColorChoice.always.enabled(toFile: true, environment: ["NO_COLOR": "1"], isTerminal: false))
        #expect(!ColorChoice.never.enabled(toFile: false, environment: [:], isTerminal: true))
    }

    @Test func mistypedCommandsAreNamedWithTheClosest() {
        #expect(CommandSuggestion.problem(in: ["reprot", "corpus"])?.contains("did you mean 'report'?") == true)
        #expect(CommandSuggestion.problem(in: ["extrcat"])?.contains("did you mean 'extract'?") == true)
        #expect(CommandSuggestion.problem(in: ["rules", "lnt"])?.hasPrefix("tally rules: unknown command 'lnt'; did you mean 'lint'?") == true)
        #expect(CommandSuggestion.problem(in: ["rep"])?.contains("did you mean 'report'?") == true)
        let unrelated = CommandSuggestion.problem(in: ["xyzzy"])
        #expect(unrelated?.contains("did you mean") == false)
        #expect(unrelated?.contains("commands: report, extract") == true)
        // Known commands, options and help pass through to the parser.
        for arguments in [["report", "corpus"], ["rules", "lint"], ["--help"], ["help", "report"], ["corpus", "check", "--update"], []] {
            #expect(CommandSuggestion.problem(in: arguments) == nil, "\(arguments)")
        }
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func mistypedCommandExits64WithASuggestion() throws {
        let folder = try TallyProcess.scratch("didyoumean")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["reprot", "corpus"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'report'?"))
    }
}
