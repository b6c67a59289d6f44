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
            The layer rules are built on. Kinds: number, range, duration, date, money, percent, per_side, age.

              tally quantities --text "at least 1,000 on each side, a 90-minute session on Monday" --published 2025-06-02
              tally quantities article.txt
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Analyse this text instead of files.")
    var text: String?

    func run() throws {
        let rules = try ruleOptions.load()
        let scanner = NumeralScanner(vocabulary: rules.vocabulary)
        let out = JSONBuffer(capacity: 1 << 17)
        // Scanned in pieces cut at line breaks and written as it goes: memory stays flat for large files.
        func emit(_ document: Document) {
            let reference = document.published.flatMap(CalendarDate.init(iso:))
            QuantityRecord.forEach(doc: document.id, text: document.text, reference: reference, scanner: scanner) { record in
                QuantityWriter.jsonLine(record, to: out)
                if out.count > 1 << 16 {
                    Console.output(out)
                    out.removeAll()
                }
            }
        }
        if let text {
            emit(Document(id: "text", published: input.published, text: text))
            Console.output(out)
            return
        }
        let skipped = try runBatch(input, extractor: nil) { result in
            for document in result.documents { emit(document) }
            Console.output(out)
            out.removeAll()
        }
        if !skipped.isEmpty { throw Exit.skippedInputs }
    }
}
