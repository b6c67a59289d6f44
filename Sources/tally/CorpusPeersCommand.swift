import ArgumentParser
import Foundation
import TallyEvaluation
import TallyNumerals

/// `tally corpus peers`: the peers' own suites scored against the numerals layer.
struct CorpusPeersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peers",
        abstract: "Score the numerals layer on the peers' suites (../shared/peers/*.jsonl) and print the pass-rate table.",
        discussion: """
            The scoped reading (docs/numerals.md: out-of-scope cases and documented disagreements set aside) by
            default; --strict counts every case and passes it when each value the peer expects is found (only
            past-biased dates are set aside, and listed). --failures lists every failing case.

              tally corpus peers --strict
              tally corpus peers --strict --failures --peers ../shared/peers
            """)

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "The folder of peer suites.")
    var peers: String = "../shared/peers"

    @Flag(help: "Count every case; only past-biased dates are set aside.")
    var strict = false

    @Flag(help: "List every failing case (suite | input | detail), then every case set aside as a disagreement.")
    var failures = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: peers) else { throw ValidationError("peer suites '\(peers)' not found (use --peers DIR)") }
        let scanner = NumeralScanner(vocabulary: try ruleOptions.load().vocabulary)
        let scores = try PeerSuiteScorer(scanner: scanner).score(directory: peers, strict: strict)
        var out = PeerSuiteScorer.table(scores) + "\n"
        if failures {
            for s in scores {
                for f in s.failures { out += "FAIL \(s.suite.split(separator: "/").last ?? "") | \(f.input) | \(f.detail)\n" }
            }
            // The cases set aside (not counted), each with its reason: past-biased dates under --strict.
            for s in scores {
                for d in s.disagreementCases { out += "DISAGREE \(s.suite.split(separator: "/").last ?? "") | \(d.input) | \(d.detail)\n" }
            }
        }
        Console.output(out)
    }
}
