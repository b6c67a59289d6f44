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

/// `TALLY_PHASES=1 swift test -c release … --filter phaseTimings` prints CPU time per ingestion phase
/// (best of three rounds, since the machine is shared).
@Test(.enabled(if: getenv("TALLY_PHASES") != nil && ExtractionBenchmarkTests.available)) func phaseTimings() throws {
    var pages: [[UInt8]] = []
    let dir = ExtractionBenchmarkTests.directory + "/html"
    for file in Ingestor().inputFiles(for: [dir]).files {
        let gz = try FileReader.contents(of: file, maxBytes: 64 << 20)
        pages.append(try Gzip.decompress(gz, maxBytes: 64 << 20, id: file).bytes)
    }
    var best = [Double](repeating: .infinity, count: 5)
    for _ in 0..<3 {
        var t = [Double](repeating: 0, count: 5)
        var clock = ExtractionBenchmark.threadCPUSeconds()
        func lap(_ i: Int) {
            let now = ExtractionBenchmark.threadCPUSeconds()
            t[i] += now - clock
            clock = now
        }
        for html in pages {
            clock = ExtractionBenchmark.threadCPUSeconds()
            let sniffed = EncodingSniffer.toUTF8(html)
            lap(0)
            HTMLTree.parseOnly(sniffed.bytes, encoding: sniffed.parserEncoding)
            lap(1)
            let page = try #require(HTMLTree.parse(sniffed.bytes, encoding: sniffed.parserEncoding))
            lap(2)
            _ = MetadataExtractor.extract(page)
            lap(3)
            _ = ContentExtractor.extract(page)
            lap(4)
        }
        best = zip(best, t).map { min($0, $1) }
    }
    let total = best[0] + best[2] + best[3] + best[4]
    print("phases over \(pages.count) pages (CPU s): sniff \(best[0]) libxml2-only \(best[1]) parse+copy \(best[2]) metadata \(best[3]) content \(best[4]) → \(Double(pages.count) / total) pages/CPU-s without gunzip")
}
