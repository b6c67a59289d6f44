import ArgumentParser
import Foundation

/// `tally`: which figures do news sources disagree on, who said what, and is it a real contradiction?
@main
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Find the figures news sources disagree on — who said what, and whether it is a real contradiction.",
        discussion: """
            Point Tally at articles (plain text, HTML or JSON Lines; folders are read recursively) and it \
            extracts every numeric claim — prisoners, bodies, children, casualties, aircraft, money, durations, \
            dates — then compares the figures across sources and explains each disagreement.

            Examples:
              tally report corpus
              tally report articles/ --html report.html --db tally.db
              tally extract a.html b.txt --format csv
              tally extract corpus > claims.jsonl
              tally reconcile claims.jsonl
              tally quantities --text "at least 1,000 on each side"
              tally rules lint && tally rules test

            Extraction is driven by YAML rules: a rules folder given by --rules or $TALLY_RULES, else ./rules, \
            else one beside the executable, else the rules built into tally.

            \(Exit.help)
            """,
        version: "0.1.0",
        subcommands: [
            ReportCommand.self, ExtractCommand.self, ReconcileCommand.self, IngestCommand.self, QuantitiesCommand.self,
            RulesCommand.self, CorpusCommand.self, ExplainCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Parses and runs the command, after naming a mistyped subcommand with the closest one (exit 64).
    static func main() {
        if let problem = CommandSuggestion.problem(in: Array(CommandLine.arguments.dropFirst())) {
            Console.error("\(problem)")
            exit(withError: Exit.usage)
        }
        main(nil)
    }
}
