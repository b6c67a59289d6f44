#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import TallyCore
import TallyIngest

/// Scores body-text extraction on the article-extraction-benchmark layout: `ground-truth.json`
/// (`{key: {"articleBody", "url"}}`) and `html/<key>.html.gz`.
///
/// Metric as the benchmark defines it: per page, precision and recall of 4-gram shingles
/// (`ShingleScore`); both averaged over pages (macro); F1 of the two averages.
public enum ArticleExtractionBenchmark {
    /// The score of one page.
    public struct PageScore: Sendable, Hashable {
        public var key: String
        public var precision: Double
        public var recall: Double
        /// The extracted text, when the run was asked to keep it (for inspecting failures).
        public var extracted: String?
        public var expected: String?
    }

    public struct BenchmarkResult: Sendable {
        public var f1: Double
        public var precision: Double
        public var recall: Double
        public var pages: [PageScore]
        /// Pages that could not be read or ingested, with the reason (scored as zero).
        public var failures: [String]
        /// Ingestion time only (decompression, parsing, extraction), one thread, wall clock.
        public var seconds: Double
        /// The same span in CPU time of the thread: one core's work, whatever else the machine runs.
        public var cpuSeconds: Double
        public var pagesPerSecond: Double { seconds > 0 ? Double(pages.count) / seconds : 0 }
        public var pagesPerCPUSecond: Double { cpuSeconds > 0 ? Double(pages.count) / cpuSeconds : 0 }
        /// Megabytes of (decompressed) HTML per second.
        public var megabytesPerSecond: Double
        /// Peak resident memory of the process so far, in bytes.
        public var peakMemoryBytes: Int
    }

    public struct BenchmarkError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Runs the benchmark in `directory`; `keepTexts` stores extracted and expected text per page.
    public static func run(directory: String, ingestor: Ingestor = Ingestor(), keepTexts: Bool = false) throws(BenchmarkError) -> BenchmarkResult {
        let truthPath = directory + "/ground-truth.json"
        let truth: [String: [String: String?]]
        do {
            let bytes = try Ingestor(options: IngestOptions(maxBytes: 256 << 20)).rawBytes(ofFile: truthPath)
            truth = try JSONDecoder().decode([String: [String: String?]].self, from: Data(bytes))
        } catch {
            throw BenchmarkError(description: "\(truthPath): cannot read the ground truth (\(error))")
        }
        var pages: [PageScore] = []
        var failures: [String] = []
        var seconds = 0.0
        var cpuSeconds = 0.0
        var htmlBytes = 0
        for key in truth.keys.sorted() {
            let expected = (truth[key]?["articleBody"] ?? nil) ?? ""
            var extracted = ""
            let path = directory + "/html/\(key).html.gz"
            do {
                let bytes = try ingestor.rawBytes(ofFile: path)
                let start = ResourceUsage.monotonicSeconds(), cpuStart = ResourceUsage.threadCPUSeconds()
                let file = try ingestor.read(bytes: bytes, id: path)
                seconds += ResourceUsage.monotonicSeconds() - start
                cpuSeconds += ResourceUsage.threadCPUSeconds() - cpuStart
                extracted = file.documents.map(\.text).joined(separator: "\n")
                htmlBytes += (try? ingestor.decompressed(bytes, id: path).count) ?? 0
            } catch {
                failures.append(error.description)
            }
            let score = ShingleScore(expected: expected, predicted: extracted)
            pages.append(PageScore(key: key, precision: score.precision, recall: score.recall,
                extracted: keepTexts ? extracted : nil, expected: keepTexts ? expected : nil))
        }
        let count = Double(max(pages.count, 1))
        let precision = pages.reduce(0) { $0 + $1.precision } / count
        let recall = pages.reduce(0) { $0 + $1.recall } / count
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return BenchmarkResult(
            f1: f1, precision: precision, recall: recall, pages: pages, failures: failures, seconds: seconds, cpuSeconds: cpuSeconds,
            megabytesPerSecond: seconds > 0 ? Double(htmlBytes) / 1_048_576 / seconds : 0, peakMemoryBytes: ResourceUsage.peakMemoryBytes())
    }
}
