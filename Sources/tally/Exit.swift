import ArgumentParser
import Foundation

/// Every exit status tally ends with, so no command writes a number of its own; `tally --help` lists
/// them from `meanings`, and the README's table says the same.
enum Exit {
    /// Findings at or above `--fail-on`, failing rule examples, or a corpus that differs from its baseline.
    static let findings = ExitCode(1)
    /// Finished, but some inputs were skipped (each listed on stderr with its reason).
    static let skippedInputs = ExitCode(2)
    /// A usage error: ArgumentParser ends with it for every `ValidationError` a command throws.
    static let usage = ExitCode.validationFailure
    /// Rule, lexicon or input files that cannot be used (every problem listed as `FILE:LINE:COL`).
    static let badInput = ExitCode(65)
    /// An input path that does not exist or cannot be read, or inputs that hold no article file at all
    /// (`EX_NOINPUT`): nothing is written.
    static let noInput = ExitCode(66)
    /// An output file (or the `--db` store) could not be written (`EX_CANTCREAT`).
    static let cannotWrite = ExitCode(73)
    /// Standard output could not be written (`EX_IOERR`): a full disk or a closed file, so the results
    /// are incomplete.
    static let outputFailed = ExitCode(74)

    /// Stopped by `signal` (SIGINT, SIGTERM) between files: 128 + its number, as shells report it.
    static func interrupted(by signal: Int32) -> ExitCode { ExitCode(128 + signal) }

    /// Each status and what it means, in ascending order.
    static let meanings: [(status: ExitCode, meaning: String)] = [
        (.success, "success"),
        (findings, "findings at or above --fail-on, or failing rule examples"),
        (skippedInputs, "finished, but some inputs were skipped (listed on stderr)"),
        (usage, "usage error"),
        (badInput, "rule or input files that cannot be used"),
        (noInput, "an input path that does not exist, or no article file in the inputs (nothing written)"),
        (cannotWrite, "an output file could not be written"),
        (outputFailed, "standard output could not be written"),
        (interrupted(by: SIGINT), "interrupted (128 + the signal; nothing written, earlier outputs intact)"),
    ]

    /// The "Exit status" paragraph of `tally --help`.
    static var help: String {
        "Exit status: " + meanings.map { "\($0.status.rawValue) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}
