import ArgumentParser
import TallyCore
import TallyPipeline
import TallyReport

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Build the discrepancy report from claims already extracted (JSON Lines from `tally extract`).",
        discussion: """
            The reduce half of a batch: extraction can run elsewhere (or in pieces) and the claims be
            reconciled here. Reads files or `-` for stdin.

              tally extract corpus > claims.jsonl
              tally reconcile claims.jsonl --format json
            """)

    @Argument(help: "Claims files in JSON Lines (`-` for stdin).")
    var claimFiles: [String] = []

    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var memory: MemoryOption

    @Option(help: "Output format: text, markdown, json or html.")
    var format: ReportFormat = .text

    @Option(help: "Colour in the text report: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Exit with status 1 when a finding at least this severe is found.")
    var failOn: Verdict?

    func run() throws {
        guard !claimFiles.isEmpty else { throw ValidationError("give at least one claims file (JSON Lines), or - for stdin") }
        var builder = ReportBuilder(memory: memory.bytes)
        var problems = 0
        for path in claimFiles {
            // Record by record: the file itself is never held, only the claims, compactly (`ClaimBook`).
            let read = ClaimsFile.read(path, claim: { builder.add(claim: $0) }) { badLine in
                problems += 1
                if problems <= 20 { Console.error("tally: \(badLine)") }
            }
            if !read {
                Console.error("tally: cannot read \(path)")
                builder.skip(SkippedInput(path: path, reason: "cannot read file"))
            }
        }
        if problems > 20 { Console.error("tally: … \(problems) bad lines in all") }
        let report: Report
        if format == .json {
            // The findings go to disk as their JSON bytes while they are made (see `tally report`).
            let encoded: EncodedFindings
            (report, encoded) = try builder.finishedEncodedReport()
            builder = ReportBuilder()
            try writeEncodedJSONReport(report, encoded, filter: filterOptions.filter, to: output)
        } else {
            report = try builder.finishedReport()
            builder = ReportBuilder()  // the claims are in the findings now: not held through the rendering
            try writeReport(to: output) { emit in
                ReportRenderer.render(report, format: format, color: color.enabled(toFile: output != nil), filter: filterOptions.filter, emit: emit)
            }
        }
        if let failOn, report.findings.contains(where: { $0.verdict <= failOn }) { throw Exit.findings }
        if problems > 0 || !report.skipped.isEmpty { throw Exit.skippedInputs }
    }
}
