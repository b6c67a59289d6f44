import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyEvaluation
import TallyReport

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Regression-test the rules over the annotated corpus.",
        subcommands: [CorpusCheckCommand.self])
}

struct CorpusCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Extract over corpus/, score against the gold annotations, and diff against the accepted baseline.",
        discussion: """
            Prints precision, recall and F1 per kind and per rule (detection = kind + span, strict = also value
            and qualifier), then every claim that appeared (+), disappeared (-) or changed (~) since the baseline
            in corpus/baseline/, each marked toward or away from the gold annotation. Never writes unless
            --update is given; exit status 1 when anything differs.

              tally corpus check
              tally corpus check --rules /tmp/rules-experiment
              tally corpus check --update && git diff corpus/
            """)

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "The corpus folder (articles/, gold/, baseline/, scores.json).")
    var corpus: String = "corpus"

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "text or json.")
    var format: Format = .text

    @Flag(help: "Accept the current output: rewrite the baselines and scores.json (atomically).")
    var update = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("corpus folder '\(corpus)' not found (use --corpus DIR)")
        }
        let check = CorpusCheck(extractor: Extractor(rules: try ruleOptions.load()))
        let result = check.run(corpus: corpus)
        switch format {
        case .text: Console.output(update ? CorpusCheckReport.scoreTable(result.scores) : CorpusCheckReport.text(result))
        case .json: Console.output(CorpusCheckReport.json(result))
        }
        for problem in result.problems where format == .json { Console.error("tally: \(problem)") }
        if update {
            try accept(result)
            return
        }
        if result.differs { throw Exit.findings }
    }

    /// Writes every baseline that changed, removes stale ones, and rewrites scores.json.
    private func accept(_ result: CorpusCheckResult) throws {
        try FileManager.default.createDirectory(atPath: result.layout.baselines, withIntermediateDirectories: true)
        var written = 0
        for article in result.articles where article.differs {
            try write(article.rendered, to: article.baselinePath)
            written += 1
        }
        for stale in result.staleBaselines {
            try FileManager.default.removeItem(atPath: stale)
            written += 1
        }
        if result.renderedScores != result.scoresOnDisk {
            try write(result.renderedScores, to: result.layout.scores)
            written += 1
        }
        Console.error("tally: \(written) file\(written == 1 ? "" : "s") updated under \(corpus); review with `git diff \(corpus)`")
    }
}
