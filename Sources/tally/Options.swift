import ArgumentParser
import Foundation
import TallyCore
import TallyDefaultRules
import TallyExtract
import TallyIngest
import TallyPipeline

/// Where the inputs are and how to read them: shared by every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: "Article files or folders (read recursively): plain text, HTML, JSON Lines, optionally gzipped; - reads standard input.")
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Publication date for articles that carry none; relative dates (\"on Monday\") resolve against it.",
        valueName: CalendarDate.argumentValueName))
    var published: CalendarDate?

    @Option(help: "Skip files larger than this many megabytes; a JSON Lines file of any size is read record by record, and this limits each record.")
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

    /// Stops before anything is read or written when an input path does not exist (exit 66, each one
    /// named), or when `-` (standard input) is given twice.
    func requireInputs() throws {
        if paths.filter({ $0 == StandardInput.path }).count > 1 {
            throw ValidationError("- (standard input) can be given only once")
        }
        var missing = false
        for path in paths where path != StandardInput.path {
            if let reason = Self.missing(path) {
                Console.error("tally: \(path): \(reason)")
                missing = true
            }
        }
        if missing { throw Exit.noInput }
    }

    /// Why `path` cannot be found (it, or a folder on the way, does not exist), or nil when it exists.
    /// A path whose name was not UTF-8 (it holds U+FFFD) is left to the folder walk, which finds it by
    /// its raw bytes.
    static func missing(_ path: String) -> String? {
        var info = stat()
        guard !path.unicodeScalars.contains("\u{FFFD}"), stat(path, &info) != 0 else { return nil }
        return errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno))
    }

    var ingestor: Ingestor {
        Ingestor(options: IngestOptions(published: published, maxBytes: maxSize << 20))
    }
}

/// Which rules to use.
struct RuleOptions: ParsableArguments {
    @Option(help: "The rules folder (default: $TALLY_RULES, ./rules, the one beside the executable, else the rules built into tally).")
    var rules: String?

    /// The rules folder in use, or nil for the built-in rules.
    var directory: String? { rules ?? RulesLocator.defaultDirectory() }

    /// Where the rules come from, for messages.
    var origin: String { directory ?? DefaultRules.origin }

    /// Reads and validates the rules, keeping every problem (`rules lint` lists them).
    func loadResult() -> RuleLoader.Result {
        directory.map { RuleLoader.load(directory: $0) } ?? DefaultRules.load()
    }

    /// Loads the rules, or prints every problem and exits 65.
    func load() throws -> RuleSet {
        do {
            return try RuleSet.checked(loadResult())
        } catch {
            Console.error("\(lines: error.description)")
            Console.error("tally: the rules in \(origin) cannot be used (\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s")); run 'tally rules lint' for details")
            throw Exit.badInput
        }
    }
}
