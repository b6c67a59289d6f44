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
        var out: [UInt8] = []
        let streaming = output == nil
        let format = format
        // Claims are turned into JSON or CSV bytes on the worker threads; here they are only copied out.
        let render: @Sendable (FileResult) -> [UInt8] = { result in
            let records = JSONBuffer(capacity: 1 << 14)
            for claims in result.claims { ClaimWriter.record(claims, format: format, to: records) }
            return records.bytes
        }
        let skipped = try runBatch(input, extractor: extractor, render: render) { result in
            writer.append(records: result.rendered, to: &out)
            if streaming, out.count > 1 << 16 {
                Console.output(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        writer.finish(to: &out)
        if let output { try Console.write(out, to: output) } else { Console.output(out) }
        if !skipped.isEmpty { throw Exit.skippedInputs }
    }
}

extension ClaimFormat: ExpressibleByArgument {}
