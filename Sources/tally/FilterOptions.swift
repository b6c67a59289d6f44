import ArgumentParser
import Foundation
import TallyCore
import TallyReport

/// `--verdict`, `--kind` and `--top`: which findings a report shows, in every format.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Show only findings with these verdicts, comma-separated: conflict, framing, variance, agreement.",
        valueName: "verdict,..."))
    var verdict: [String] = []

    @Option(help: ArgumentHelp("Show only findings of these kinds (children, casualties, …), comma-separated or repeated.",
        valueName: "kind,..."))
    var kind: [String] = []

    @Option(help: "Show at most this many findings, the most severe first.")
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        for name in Self.split(verdict) where Verdict(rawValue: name) == nil {
            throw ValidationError("--verdict '\(name)' is not a verdict: use conflict, framing, variance or agreement")
        }
    }

    var filter: ReportFilter {
        ReportFilter(verdicts: Set(Self.split(verdict).compactMap(Verdict.init(rawValue:))), kinds: Set(Self.split(kind)), top: top)
    }

    /// "conflict,framing" and repeated options alike, lower-cased, blanks dropped.
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
}
