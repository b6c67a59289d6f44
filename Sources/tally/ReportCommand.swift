import ArgumentParser
import TallyCore
import TallyExtract
import TallyPipeline
import TallyReconcile
import TallyReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Extract claims from articles and report where the sources disagree.",
        discussion: """
            Findings come most severe first: conflict (the figures cannot all be right), framing (they agree
            once per-side vs total or mutual vs one-way is accounted for), variance (overlapping figures
            stated differently), agreement. Each finding quotes every source side by side.

              tally report corpus
              tally report articles/ --format markdown > report.md
              tally report articles/ --format json --output report.json
              tally report articles/ --html report.html --fail-on conflict
              tally report articles/ --format html --output report.html
              tally report articles/ --verdict conflict --top 10
              cat article.txt | tally report -
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var memory: MemoryOption

    @Option(help: "Output format: text (terminal), markdown, json or html (the page --html writes).")
    var format: ReportFormat = .text

    @Option(help: "Also write a self-contained HTML report to this file.")
    var html: String?

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Keep documents, claims and findings in this SQLite file, each run beside the earlier ones; a later run re-extracts only documents whose text or rules changed.")
    var db: String?

    @Option(help: "Exit with status 1 when a finding at least this severe is found: conflict, framing or variance.")
    var failOn: Verdict?

    @Option(help: "Colour in the text report: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        try input.requireInputs()
        let rules = try ruleOptions.load()
        let extractor = Extractor(rules: rules)
        var builder = ReportBuilder(memory: memory.bytes)
        var texts: [Document] = []
        let keepTexts = html != nil || format == .html
        var stored: StoredExtraction?
        if let db {
            do {
                stored = try StoredExtraction(path: db, inputs: input.paths, extractor: extractor, toolVersion: Tally.configuration.version, jobs: input.jobs)
            } catch {
                Console.error("tally: cannot open the store \(db): \(error)")
                throw Exit.cannotWrite
            }
        }
        var storeError: Error?
        let skipped = try runBatch(input, extractor: stored == nil ? extractor : nil) { result in
            if keepTexts { texts += result.documents }
            guard stored != nil else { return builder.add(result) }
            if let skip = result.skipped { builder.skip(skip) }
            for skip in result.skippedRecords { builder.skip(skip) }
            do {
                try stored!.add(result.documents) { builder.add($0, claims: $1) }
            } catch {
                storeError = error
            }
        }
        if stored != nil {
            do { try stored!.flush { builder.add($0, claims: $1) } } catch { storeError = error }
        }
        // What the folder walk passed over (a FIFO, a symlink loop, a folder that cannot be listed)
        // never reaches a file's result: the report's `skipped` lists it too.
        let delivered = Set(builder.skipped.map(\.path))
        for skip in skipped where !delivered.contains(skip.path) { builder.skip(skip) }
        if let storeError {
            Console.error("tally: the store \(db ?? ""): \(storeError)")
            throw Exit.cannotWrite
        }
        if format == .json, html == nil, stored == nil {
            // The findings go to disk as their JSON bytes while they are made: a gigabyte of news makes
            // findings citing millions of claims, too many to hold.
            let (report, encoded) = try builder.finishedEncodedReport()
            builder = ReportBuilder()
            try writeEncodedJSONReport(report, encoded, filter: filterOptions.filter, to: output)
            if let failOn, report.findings.contains(where: { $0.verdict <= failOn }) { throw Exit.findings }
            if !skipped.isEmpty { throw Exit.skippedInputs }
            return
        }
        let report = try builder.finishedReport()
        builder = ReportBuilder()  // the claims are in the findings now: not held through the rendering
        if let stored {
            try stored.saveFindings(report.findings)
            if !input.quiet {
                Console.error("tally: \(db ?? ""): run \(stored.run ?? 0): \(stored.reused) documents unchanged (claims from the store), \(stored.extracted) extracted")
            }
        }
        try writeReport(to: output) { emit in
            ReportRenderer.render(report, format: format, color: color.enabled(toFile: output != nil), documents: format == .html ? texts : [],
                                  filter: filterOptions.filter, emit: emit)
        }
        if let html { try write(ReportRenderer.render(report, format: .html, documents: texts, filter: filterOptions.filter), to: html) }
        if let failOn, report.findings.contains(where: { $0.verdict <= failOn }) { throw Exit.findings }
        if !skipped.isEmpty { throw Exit.skippedInputs }
    }
}

/// Writes to a file atomically, or to stdout when no path is given.
func write(_ text: String, to path: String?) throws {
    guard let path else {
        Console.output(text.hasSuffix("\n") ? text : text + "\n")
        return
    }
    do {
        try AtomicFile.write(text, to: path)
    } catch {
        Console.error("tally: \(error)")
        throw Exit.cannotWrite
    }
}

/// Writes a report rendered piece by piece (`ReportRenderer.render(…emit:)`) to a file atomically, or to
/// stdout when no path is given, ending in a line break as `write(_:to:)` does: a large report is
/// written as it is made, never held whole.
func writeReport(to path: String?, _ produce: (_ emit: ([UInt8]) -> Bool) -> Void) throws {
    guard let path else {
        var last: UInt8?
        produce { piece in
            Console.output(piece)
            last = piece.last ?? last
            return true
        }
        if last != 0x0A { Console.output([0x0A]) }
        return
    }
    do {
        try AtomicFile.write(to: path, produce)
    } catch {
        Console.error("tally: \(error)")
        throw Exit.cannotWrite
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension Verdict: ExpressibleByArgument {}
