#if canImport(Glibc)
    import Glibc
#endif
import Testing
@testable import TallyIngest

@Suite struct ExtractionBenchmarkTests {
    /// The benchmark folder beside the clone (`../shared/...` from the package root).
    static let directory = "../shared/datasets/article-extraction-benchmark"
    static var available: Bool { access(directory + "/ground-truth.json", R_OK) == 0 }

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
        let keep = getenv("TALLY_BENCH_DUMP") != nil
        let result = try ExtractionBenchmark.run(directory: Self.directory, keepTexts: keep)
        print("article-extraction-benchmark: F1 \(result.f1) P \(result.precision) R \(result.recall), \(result.pages.count) pages, "
            + "\(result.pagesPerSecond) pages/s wall, \(result.pagesPerCPUSecond) pages/CPU-s, \(result.megabytesPerSecond) MB/s, peak \(result.peakMemoryBytes >> 20) MB")
        if keep { dump(result) }
        #expect(result.pages.count == 181)
        #expect(result.failures.isEmpty)
        #expect(result.f1 >= 0.90)
    }

    /// Writes per-page texts and scores to /tmp/tally-bench for inspection.
    func dump(_ result: ExtractionBenchmark.BenchmarkResult) {
        mkdir("/tmp/tally-bench", 0o755)
        var summary = ""
        for page in result.pages.sorted(by: { $0.precision + $0.recall < $1.precision + $1.recall }) {
            summary += "\(page.key) P \(page.precision) R \(page.recall)\n"
            Fixtures.write(page.extracted ?? "", to: "/tmp/tally-bench/\(page.key).got.txt")
            Fixtures.write(page.expected ?? "", to: "/tmp/tally-bench/\(page.key).want.txt")
        }
        Fixtures.write(summary, to: "/tmp/tally-bench/summary.txt")
    }
}

/// `TALLY_EXPLAIN=key:needle swift test --filter explainPage` prints why a benchmark page came out as it did.
@Test(.enabled(if: getenv("TALLY_EXPLAIN") != nil)) func explainPage() throws {
    let spec = String(cString: getenv("TALLY_EXPLAIN"))
    let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
    let path = ExtractionBenchmarkTests.directory + "/html/\(parts[0]).html.gz"
    let bytes = try FileReader.contents(of: path, maxBytes: 64 << 20)
    let html = try Gzip.decompress(bytes, maxBytes: 64 << 20, id: path).bytes
    let sniffed = EncodingSniffer.toUTF8(html)
    print("encoding:", sniffed.encoding, sniffed.parserEncoding, sniffed.warnings, EncodingSniffer.declaredCharset(html) ?? "-")
    let page = try #require(HTMLTree.parse(sniffed.bytes, encoding: sniffed.parserEncoding))
    for line in ContentExtractor.explain(page, needle: parts.count > 1 ? parts[1] : "") { print(line) }
}
