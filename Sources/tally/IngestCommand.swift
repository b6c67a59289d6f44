import ArgumentParser
import Foundation
import TallyCore
import TallyPipeline

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Show what ingestion makes of each input: title, outlet, date, encoding and the clean body text.",
        discussion: """
            Extraction reads exactly this text, and claim offsets index into it.

              tally ingest page.html --format text
              tally ingest corpus --format jsonl
            """)

    enum Format: String, ExpressibleByArgument { case jsonl, text }

    @OptionGroup var input: InputOptions

    @Option(help: "jsonl (one document per line) or text (readable).")
    var format: Format = .jsonl

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let skipped = try runBatch(input, extractor: nil) { result in
            var out = ""
            for document in result.documents {
                switch format {
                case .jsonl:
                    if let data = try? encoder.encode(document) { out += String(decoding: data, as: UTF8.self) + "\n" }
                case .text:
                    out += "== \(document.id)\n"
                    for (label, value) in [("title", document.title), ("outlet", document.outlet), ("author", document.author),
                        ("published", document.published?.iso), ("url", document.url), ("encoding", document.encoding)]
                    {
                        if let value { out += "\(label): \(value)\n" }
                    }
                    for warning in document.warnings { out += "warning: \(warning)\n" }
                    out += "\n" + document.text + "\n\n"
                }
            }
            Console.output(out)
        }
        if !skipped.isEmpty { throw Exit.skippedInputs }
    }
}
