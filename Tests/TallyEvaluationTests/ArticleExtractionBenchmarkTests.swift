import Foundation
import Testing
@testable import TallyEvaluation

@Suite struct ArticleExtractionBenchmarkTests {
    /// The benchmark folder beside the clone (`../shared/...` from the package root).
    static let directory = "../shared/datasets/article-extraction-benchmark"
    static var available: Bool { FileManager.default.isReadableFile(atPath: directory + "/ground-truth.json") }

    @Test func shingleMetricMatchesHandCounts() {
        let same = ShingleScore(expected: "One two three four five.", predicted: "one, TWO three four five")
        #expect(same.truePositives == 2 && same.falsePositives == 0 && same.falseNegatives == 0)
        let half = ShingleScore(expected: "a b c d e", predicted: "a b c d x y")
        #expect(half.truePositives == 1 && half.falsePositives == 2 && half.falseNegatives == 1)
        #expect(ShingleScore.tokens("Père-Noël's 2_000 €") == ["père", "noël", "s", "2_000"])
        let short = ShingleScore(expected: "two words", predicted: "two words")
        #expect(short.precision == 1 && short.recall == 1)
        #expect(ShingleScore(expected: "a b c d", predicted: "").precision == 0)
    }

    @Test(.enabled(if: available, "benchmark folder not present"))
    func benchmarkF1() throws {
        let keep = ProcessInfo.processInfo.environment["TALLY_BENCH_DUMP"] != nil
        let result = try ArticleExtractionBenchmark.run(directory: Self.directory, keepTexts: keep)
        let summary = "article-extraction-benchmark: F1 \(result.f1) P \(result.precision) R \(result.recall), \(result.pages.count) pages, "
            + "\(result.pagesPerSecond) pages/s wall, \(result.pagesPerCPUSecond) pages/CPU-s, \(result.megabytesPerSecond) MB/s, peak \(result.peakMemoryBytes >> 20) MB"
        // Printed on request only (`TALLY_TEST_PRINT=1`), so a plain `swift test` stays quiet; a failure shows it.
        if keep || ProcessInfo.processInfo.environment["TALLY_TEST_PRINT"] != nil { print(summary) }
        if keep { dump(result) }
        #expect(result.pages.count == 181, "\(summary)")
        #expect(result.failures.isEmpty, "\(summary)")
        #expect(result.f1 >= 0.90, "\(summary)")
    }

    /// Writes per-page texts and scores to /tmp/tally-bench for inspection.
    func dump(_ result: ArticleExtractionBenchmark.BenchmarkResult) {
        try? FileManager.default.createDirectory(atPath: "/tmp/tally-bench", withIntermediateDirectories: true)
        var summary = ""
        for page in result.pages.sorted(by: { $0.precision + $0.recall < $1.precision + $1.recall }) {
            summary += "\(page.key) P \(page.precision) R \(page.recall)\n"
            try? (page.extracted ?? "").write(toFile: "/tmp/tally-bench/\(page.key).got.txt", atomically: true, encoding: .utf8)
            try? (page.expected ?? "").write(toFile: "/tmp/tally-bench/\(page.key).want.txt", atomically: true, encoding: .utf8)
        }
        try? summary.write(toFile: "/tmp/tally-bench/summary.txt", atomically: true, encoding: .utf8)
    }
}
