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
            elsewhere. CSV adds the document's outlet and title to each row; --excel writes CSV that Excel
            opens as UTF-8.

              tally extract corpus > claims.jsonl
              tally extract article.html --format csv --output claims.csv
              tally extract articles/ --excel --output claims.csv
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "jsonl (one claim per line, the default), json (an array) or csv (with --excel, the default).")
    var format: ClaimFormat?

    @Flag(help: "CSV for Excel: a UTF-8 byte order mark first, so Excel reads accents and non-Latin text as written.")
    var excel = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        if excel, let format, format != .csv {
            throw ValidationError("--excel writes CSV; use it with --format csv (or without --format)")
        }
    }

    func run() throws {
        let extractor = Extractor(rules: try ruleOptions.load())
        let format = format ?? (excel ? .csv : .jsonl)
        var writer = ClaimStreamWriter(format: format, excel: excel)
        var out: [UInt8] = []
        let streaming = output == nil
        // Claims are turned into JSON or CSV bytes on the worker threads; here they are only copied out.
        let render: @Sendable (FileResult) -> [UInt8] = { result in
            let records = JSONBuffer(capacity: 1 << 14)
            for (document, claims) in zip(result.documents, result.claims) {
                ClaimWriter.record(claims, of: document, format: format, to: records)
            }
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
