import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyIngest
import TallyPipeline

/// Where the inputs are and how to read them: shared by every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: "Article files or folders (read recursively): plain text, HTML, JSON Lines, optionally gzipped.")
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Publication date for articles that carry none; relative dates (\"on Monday\") resolve against it.",
        valueName: CalendarDate.argumentValueName))
    var published: CalendarDate?

    @Option(help: "Skip files larger than this many megabytes.")
    var maxSize: Int = 64

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "No progress line on stderr.")
    var quiet = false

    @Option(help: "Seconds one document may take before its file is abandoned and listed as skipped (0: no limit).")
    var timeLimit: Double = BatchRunner.defaultTimeLimit

    @Flag(help: "Follow symbolic links out of the input folders (by default a file reached through a link leading outside its folder is skipped).")
    var followLinks = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeLimit >= 0) { throw ValidationError("--time-limit must be 0 (no limit) or more seconds") }
        if maxSize < 1 { throw ValidationError("--max-size must be at least 1 (megabytes)") }
    }

    var ingestor: Ingestor {
        Ingestor(options: IngestOptions(published: published, maxBytes: maxSize << 20))
    }
}

/// Which rules to use.
struct RuleOptions: ParsableArguments {
    @Option(help: "The rules folder (default: $TALLY_RULES, ./rules, or the one beside the executable).")
    var rules: String?

    var directory: String { rules ?? RulesLocator.defaultDirectory() }

    /// Loads the rules, or prints every problem and exits 65.
    func load() throws -> RuleSet {
        do {
            return try RuleSet.load(directory: directory)
        } catch {
            Console.error("\(lines: error.description)")
            Console.error("tally: the rules in \(directory) cannot be used (\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s")); run 'tally rules lint' for details")
            throw Exit.badInput
        }
    }
}
