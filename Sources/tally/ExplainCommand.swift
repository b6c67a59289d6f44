import ArgumentParser
import Foundation
import TallyCore
import TallyEvaluation
import TallyExtract
import TallyIngest

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how the rules read a sentence: tokens, numerals, lexicon tags, rule matches and vetoes, and why each claim won.",
        discussion: """
            For a rule author wondering why a figure was (or was not) extracted.

              tally explain --text "The swap would involve at least 1,000 prisoners on each side."
              tally explain --text "on Monday, talks lasted about an hour" --published 2025-06-02
              tally explain corpus/articles/001_7cf5a6636f4c4c57.txt --sentence 3
              tally explain corpus/articles/001_7cf5a6636f4c4c57.txt          (lists the sentences)
            """)

    @Argument(help: "An article file, or - for standard input (give --sentence N to explain its Nth sentence).")
    var file: String?

    @Option(help: "Explain this text instead of a file (every sentence of it).")
    var text: String?

    @Option(help: "The sentence of FILE to explain, counting from 1.")
    var sentence: Int?

    @Option(help: ArgumentHelp("Publication date relative dates resolve against.", valueName: CalendarDate.argumentValueName))
    var published: CalendarDate?

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if (file == nil) == (text == nil) { throw ValidationError("give either --text \"…\" or an article FILE") }
        if let sentence, sentence < 1 { throw ValidationError("--sentence counts from 1") }
    }

    func run() throws {
        let extractor = Extractor(rules: try ruleOptions.load())
        let document: Document
        if let text {
            document = Document(id: "text", published: published, text: text)
        } else {
            let options = IngestOptions(published: published)
            let ingestor = Ingestor(options: options)
            do {
                let documents: [Document]
                if file == StandardInput.path {
                    documents = try ingestor.ingest(bytes: try StandardInput.read(limit: options.maxBytes), id: StandardInput.documentID)
                } else {
                    if let reason = InputOptions.missing(file!) {
                        Console.error("tally: \(file!): \(reason)")
                        throw Exit.noInput
                    }
                    documents = try ingestor.ingest(file: file!)
                }
                guard let first = documents.first else {
                    throw ValidationError("\(file!): no document in this file")
                }
                document = first
            } catch let error as IngestError {
                Console.error("tally: \(error)")
                throw Exit.badInput
            }
        }
        // One tokenisation and one extraction run serve the listing and every sentence explained.
        let context = PreparedDocument(document: document, rules: extractor.rules)
        let sentences = context.analysis.sentences
        guard !sentences.isEmpty else { throw ValidationError("no sentences in the text") }
        if text == nil, sentence == nil {
            // Without --sentence, list the sentences so the author can pick one.
            var out = "\(sentences.count) sentences in \(file == StandardInput.path ? "standard input" : file!); explain one with --sentence N:\n"
            for (index, s) in sentences.enumerated() {
                let line = context.analysis.slice(s.start, s.end)
                out += String(format: "%4d  ", index + 1) + (line.count > 110 ? String(line.prefix(107)) + "…" : line) + "\n"
            }
            Console.output(out)
            return
        }
        let indices = sentence.map { [$0 - 1] } ?? Array(sentences.indices)
        guard indices.allSatisfy(sentences.indices.contains) else {
            throw ValidationError("--sentence \(sentence!) is past the end: the document has \(sentences.count) sentences")
        }
        let explained = SentenceExplanation.explain(context, sentences: indices, extractor: extractor)
        Console.output(explained.map(ExplainReport.render).joined(separator: "\n" + String(repeating: "─", count: 60) + "\n"))
    }
}
