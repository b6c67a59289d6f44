import ArgumentParser
import Foundation
import TallyCore
import TallyNumerals
import TallyPipeline
import TallyReport

struct QuantitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantities",
        abstract: "Show every number the numerals layer understands, claim or not: value or interval, qualifier, unit, kind.",
        discussion: """
            The layer rules are built on. Kinds: number, range, duration, date, money, percent, per_side, age, measure.

              tally quantities --text "at least 1,000 on each side, a 90-minute session on Monday" --published 2025-06-02
              tally quantities article.txt
              tally quantities articles/ --format csv > quantities.csv
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Analyse this text instead of files.")
    var text: String?

    @Option(help: "jsonl (one quantity per line, the default) or csv (a header line, then one row per quantity).")
    var format: QuantityFormat = .jsonl

    /// Files whose articles are all at most this long are scanned and rendered on the worker threads
    /// (in parallel, output kept until its turn); a longer article is scanned on the main thread in
    /// pieces and written as it goes, so its output is never held whole.
    static let renderedOnWorkers = 8 << 20

    /// Whether the workers rendered this file's quantities (see `renderedOnWorkers`).
    static func rendersOnWorker(_ documents: [Document]) -> Bool {
        documents.allSatisfy { $0.text.utf8.count <= renderedOnWorkers }
    }

    func run() throws {
        let rules = try ruleOptions.load()
        let scanner = NumeralScanner(vocabulary: rules.vocabulary)
        let format = format
        if format == .csv { Console.output(QuantityWriter.csvHeader) }
        // One document's quantities as JSON Lines into `out`; `flush` may empty `out` between records.
        @Sendable func emit(_ document: Document, to out: JSONBuffer, flush: (JSONBuffer) -> Void = { _ in }) {
            QuantityRecord.forEach(doc: document.id, text: document.text, reference: document.published, scanner: scanner) { record in
                if format == .csv { QuantityWriter.csvRecord(record, to: out) } else { QuantityWriter.jsonLine(record, to: out) }
                if out.count > 1 << 16 { flush(out) }
            }
        }
        let out = JSONBuffer(capacity: 1 << 17)
        func writeOut(_ buffer: JSONBuffer) {
            Console.output(buffer)
            buffer.removeAll()
        }
        if let text {
            emit(Document(id: "text", published: input.published, text: text), to: out, flush: writeOut)
            Console.output(out)
            return
        }
        let render: @Sendable (FileResult) -> [UInt8] = { result in
            guard QuantitiesCommand.rendersOnWorker(result.documents) else { return [] }
            let records = JSONBuffer(capacity: 1 << 14)
            for document in result.documents { emit(document, to: records) }
            return records.bytes
        }
        let skipped = try runBatch(input, extractor: nil, render: render) { result in
            if QuantitiesCommand.rendersOnWorker(result.documents) {
                Console.output(result.rendered)
            } else {
                for document in result.documents { emit(document, to: out, flush: writeOut) }
                writeOut(out)
            }
        }
        if !skipped.isEmpty { throw Exit.skippedInputs }
    }
}

extension QuantityFormat: ExpressibleByArgument {}
