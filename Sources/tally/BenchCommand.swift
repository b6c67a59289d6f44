import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyEvaluation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (MB/s, documents/s per stage) and peak memory on a generated corpus.",
        discussion: """
            Builds SIZE megabytes of articles from the seed folder (figures re-drawn, hedges varied), runs
            ingest → extract → reconcile, and prints one line per stage. Build with -c release to measure.

              swift build -c release && .build/release/tally bench --size 100 --jobs 1
            """)

    @Option(help: "Megabytes of text to generate.")
    var size: Int = 64

    @Option(help: "Seed articles (a folder or files).")
    var seeds: [String] = ["corpus"]

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("write-corpus"), help: ArgumentHelp(
        "Only write the generated articles into this folder (numbered .txt files), to time `tally extract` or `tally report` on it.",
        valueName: "folder"))
    var writeCorpus: String?

    @Option(help: ArgumentHelp(
        "With --write-corpus: write JSON Lines files of this many articles each instead of one .txt file per article.",
        valueName: "articles"))
    var bundle: Int = 0

    @Option(help: ArgumentHelp(
        "Run the benchmark this many times and print each stage's median, with the fastest and slowest run (shared machines vary from run to run).",
        valueName: "runs"))
    var `repeat`: Int = 1

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        guard size > 0 else { throw ValidationError("--size must be at least 1 (megabytes)") }
        guard `repeat` > 0 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let rules = try ruleOptions.load()
        var input = try InputOptions.parse(seeds + ["--quiet"])
        input.quiet = true
        var documents: [Document] = []
        _ = try runBatch(input, extractor: nil) { documents += $0.documents }
        guard !documents.isEmpty else { throw ValidationError("no seed articles found in \(seeds.joined(separator: ", "))") }
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let benchmark = PipelineBenchmark(seeds: documents, extractor: Extractor(rules: rules), jobs: jobs)
        if let folder = writeCorpus {
            let articles = try benchmark.writeCorpus(megabytes: size, to: folder, bundle: max(0, bundle))
            Console.output("tally bench: wrote \(articles) articles, \(size) MB, into \(folder)\n")
            return
        }
        var results: [PipelineBenchmark.Result] = []
        for run in 1...`repeat` {
            results.append(benchmark.run(megabytes: size) { done, total in
                if Console.isErrorTerminal {
                    let counter = `repeat` > 1 ? "run \(run)/\(`repeat`): " : ""
                    FileHandle.standardError.write(Data(String(format: "\r%@%.0f / %.0f MB ", counter, Double(done) / 1_048_576, Double(total) / 1_048_576).utf8))
                }
            })
        }
        if Console.isErrorTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let result = results[0]
        let runs = results.count > 1 ? ", median of \(results.count) runs" : ""
        var out = "tally bench: \(size) MB, \(result.stages[0].documents) documents, \(result.jobs) job\(result.jobs == 1 ? "" : "s")\(runs)\n"
        for (index, stage) in result.stages.enumerated() {
            let speeds = results.map { $0.stages[index] }.sorted { $0.seconds < $1.seconds }
            let median = speeds[speeds.count / 2]
            out += "  " + stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)
            out += String(format: " %8.2f s  %9.2f MB/s  %10.0f docs/s", median.seconds, median.megabytesPerSecond, median.documentsPerSecond)
            if speeds.count > 1 {
                out += String(format: "   (%.2f–%.2f MB/s)", speeds.last!.megabytesPerSecond, speeds.first!.megabytesPerSecond)
            }
            out += "\n"
        }
        out += "  quantities \(result.quantities), claims \(result.claims), findings \(result.findings)\n"
        out += String(format: "  peak memory %.1f MB after the map (ingest, numerals, extract), %.1f MB after the reduce\n",
                      results.map(\.mapPeakMemoryMB).max()!, results.map(\.peakMemoryMB).max()!)
        Console.output(out)
    }
}
