import ArgumentParser
import TallyCore
import TallyExtract
import TallyPipeline
import TallyReport

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract every numeric claim from articles, one record per claim.",
        discussion: """
            JSON Lines (default) streams one claim per line in document order, with the fields of the
            output contract (doc, kind, value, low, high, qualifier, unit, scope, subject, event, speaker,
            quote, start, end, sentence, rule). Feed it to `tally reconcile` to get the report later or
            elsewhere.

              tally extract corpus > claims.jsonl
              tally extract article.html --format csv --output claims.csv
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "jsonl (one claim per line), json (an array) or csv.")
    var format: ClaimFormat = .jsonl

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        let extractor = Extractor(rules: try ruleOptions.load())
        var writer = ClaimStreamWriter(format: format)
        var buffer = ""
        let streaming = output == nil
        let format = format
        // Claims are turned into JSON or CSV records on the worker threads; here they are only written.
        let render: @Sendable (FileResult) -> [String] = { result in result.claims.joined().map { ClaimWriter.record($0, format: format) } }
        let skipped = try runBatch(input, extractor: extractor, render: render) { result in
            for record in result.rendered { writer.append(record: record, to: &buffer) }
            if streaming, buffer.utf8.count > 1 << 16 {
                Console.output(buffer)
                buffer = ""
            }
        }
        writer.finish(to: &buffer)
        if streaming { Console.output(buffer) } else { try write(buffer, to: output) }
        if !skipped.isEmpty { throw Exit.skippedInputs }
    }
}

extension ClaimFormat: ExpressibleByArgument {}
