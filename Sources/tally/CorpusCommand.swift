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
        subcommands: [CorpusCheckCommand.self, CorpusPeersCommand.self])
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

            A folder with articles/ and gold/ but no baseline/ (such as ../shared/realnews/<story>) is only
            measured, never written to: claims scored as ../shared/eval/score_claims.py scores them (quote
            overlap in the article file, compatible values, people with prisoners, recall over core gold),
            and, when it has expected.yaml, the report's findings as check_findings.py checks them: OK, ~
            (grouped, other verdict) or MISS per expected finding, each false conflict, and
            "flagged X/N, verdict right Y/N, false conflicts Z/M". Exit status 0 whenever it could score.
            A corpus with baseline/ and expected.yaml gets the findings section after its diff.

              tally corpus check
              tally corpus check --rules /tmp/rules-experiment
              tally corpus check --update && git diff corpus/
              tally corpus check --corpus ../shared/realnews/floods-and-crash
            """)

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "The corpus folder (articles/, gold/, baseline/, scores.json).")
    var corpus: String = "corpus"

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "text or json.")
    var format: Format = .text

    @Flag(help: "Accept the current output: rewrite the baselines and scores.json (atomically).")
    var update = false

    @Flag(help: "For a folder without baseline/: also list each missed core gold claim and each false positive.")
    var verbose = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("corpus folder '\(corpus)' not found (use --corpus DIR)")
        }
        let extractor = Extractor(rules: try ruleOptions.load())
        if !update, !FileManager.default.fileExists(atPath: corpus + "/baseline") { return try measure(extractor) }
        let check = CorpusCheck(extractor: extractor)
        let result = check.run(corpus: corpus)
        // Expected findings, when the corpus has them, are reported after the diff; they never fail the check.
        let (findings, findingProblems) = update ? (nil, []) : StoryCheck(extractor: extractor).checkFindings(root: corpus, claims: result.articles.flatMap(\.claims))
        switch format {
        case .text:
            var text = update ? CorpusCheckReport.scoreTable(result.scores) : CorpusCheckReport.text(result)
            if let findings { text += "\nFindings against \(corpus)/expected.yaml\n" + StoryCheckReport.findingsText(findings) }
            for problem in findingProblems { text += "problem: \(problem)\n" }
            Console.output(text)
        case .json: Console.output(CorpusCheckReport.json(result, findings: findings))
        }
        for problem in result.problems + findingProblems where format == .json { Console.error("tally: \(problem)") }
        if update {
            try accept(result)
            return
        }
        if result.differs { throw Exit.findings }
    }

    /// A folder without baselines: scores and the findings check, read only; exit 0 once it could score.
    private func measure(_ extractor: Extractor) throws {
        let result: StoryCheckResult
        do {
            result = try StoryCheck(extractor: extractor).run(folder: corpus)
        } catch {
            throw ValidationError(error.description)
        }
        switch format {
        case .text: Console.output(StoryCheckReport.text(result, verbose: verbose))
        case .json:
            Console.output(StoryCheckReport.json(result))
            for problem in result.problems { Console.error("tally: \(problem)") }
        }
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
