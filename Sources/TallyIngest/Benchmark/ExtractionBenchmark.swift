#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif
import TallyCore

/// Scores body-text extraction on the article-extraction-benchmark layout: `ground-truth.json`
/// (`{key: {"articleBody", "url"}}`) and `html/<key>.html.gz`.
///
/// Metric as the benchmark defines it: per page, precision and recall of 4-gram shingles
/// (`ShingleScore`); both averaged over pages (macro); F1 of the two averages.
public enum ExtractionBenchmark {
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
            let bytes = try FileReader.contents(of: truthPath, maxBytes: 256 << 20)
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
                let bytes = try FileReader.contents(of: path, maxBytes: ingestor.options.maxBytes)
                let start = monotonicSeconds(), cpuStart = threadCPUSeconds()
                let file = try ingestor.read(bytes: bytes, id: path)
                seconds += monotonicSeconds() - start
                cpuSeconds += threadCPUSeconds() - cpuStart
                extracted = file.documents.map(\.text).joined(separator: "\n")
                htmlBytes += Gzip.isGzip(bytes) ? ((try? Gzip.decompress(bytes, maxBytes: ingestor.options.maxBytes, id: path).bytes.count) ?? 0) : bytes.count
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
            megabytesPerSecond: seconds > 0 ? Double(htmlBytes) / 1_048_576 / seconds : 0, peakMemoryBytes: peakMemory())
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size (Linux reports kilobytes).
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}

extension Gzip {
    static func isGzip(_ bytes: [UInt8]) -> Bool { FormatSniffer.isGzip(bytes) }
}
