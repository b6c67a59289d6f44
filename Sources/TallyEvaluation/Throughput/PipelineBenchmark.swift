import Dispatch
import Foundation
import TallyCore
import TallyExtract
import TallyIngest
import TallyNumerals
import TallyPipeline

/// Throughput and memory of the whole pipeline on a generated corpus of a chosen size: ingest, the
/// numerals layer alone (`tally quantities`), extraction (numerals + rules), and reconciliation.
///
/// Documents are generated on the fly from seed articles (figures re-drawn, hedges swapped), so input of
/// any size needs no disk and no memory beyond one window of documents; claims are kept for the reduce.
public struct PipelineBenchmark: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
        public var bytes: Int
        public var documents: Int
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0 }
        public var documentsPerSecond: Double { seconds > 0 ? Double(documents) / seconds : 0 }
    }

    public struct Result: Sendable {
        public var stages: [Stage]
        public var claims: Int
        public var findings: Int
        public var peakMemoryMB: Double
        /// Peak memory when the map (ingest, numerals, extract) had finished, before the reduce.
        public var mapPeakMemoryMB: Double
        public var quantities: Int
        public var jobs: Int
    }

    public var seeds: [Document]
    public var extractor: Extractor
    public var jobs: Int

    public init(seeds: [Document], extractor: Extractor, jobs: Int) {
        self.seeds = seeds
        self.extractor = extractor
        self.jobs = max(1, jobs)
    }

    /// Runs ingest → extract → reconcile over `megabytes` of generated text.
    public func run(megabytes: Int, progress: (Int, Int) -> Void = { _, _ in }) -> Result {
        run(bytes: megabytes << 20, progress: progress)
    }

    /// Runs ingest → extract → reconcile over `bytes` of generated text (whole articles: the last one
    /// may go past).
    public func run(bytes target: Int, progress: (Int, Int) -> Void = { _, _ in }) -> Result {
        precondition(!seeds.isEmpty)
        let ingestor = Ingestor()
        var ingestTime = 0.0, numeralsTime = 0.0, extractTime = 0.0, reconcileTime = 0.0
        var quantities = 0
        let scanner = NumeralScanner(vocabulary: extractor.rules.vocabulary)
        var bytes = 0, documents = 0
        // Claims are gathered for the reduce as `tally report` gathers them: compactly, reconciled subject by subject.
        var book = ClaimBook()
        // Each stage ends a window with a barrier; 256 articles per job (about 600 KB) keep the time
        // a worker waits there for the other's last article, and the wake-ups, well under 1%.
        let window = jobs * 256
        var generator = DocumentVariator(seeds: seeds)
        while bytes < target {
            var batch: [(String, [UInt8])] = []
            while batch.count < window, bytes < target {
                let (id, text) = generator.next()
                let raw = Array(text.utf8)
                bytes += raw.count
                batch.append((id, raw))
            }
            documents += batch.count
            let inputs = batch
            var docs: [Document] = []
            ingestTime += timed {
                docs = parallelMap(inputs.count, jobs: jobs) { i in try? ingestor.ingest(bytes: inputs[i].1, id: inputs[i].0).first }
                    .compactMap { $0 }
            }
            let ingested = docs
            numeralsTime += timed {
                quantities += parallelMap(ingested.count, jobs: jobs) { i in
                    scanner.scan(TextAnalysis(text: ingested[i].text), reference: ingested[i].published).count
                }.reduce(0, +)
            }
            var extracted: [[Claim]] = []
            extractTime += timed { extracted = parallelMap(ingested.count, jobs: jobs) { i in extractor.extract(ingested[i]) } }
            // Gathering the claims for the reduce is the reduce's work, not extraction's.
            reconcileTime += timed { for found in extracted { book.append(contentsOf: found) } }
            progress(bytes, target)
        }
        let mapPeak = ResourceUsage.peakMemoryMegabytes()
        var findings = 0
        // The benchmark's book keeps its claims in memory (the default budget is far above --size's claims),
        // so the reduce cannot fail to read them back; -1 findings would say it did.
        reconcileTime += timed { findings = (try? book.reconcile().count) ?? -1 }
        let claimBytes = book.count * 200
        return Result(
            stages: [
                Stage(name: "ingest", seconds: ingestTime, bytes: bytes, documents: documents),
                Stage(name: "numerals", seconds: numeralsTime, bytes: bytes, documents: documents),
                Stage(name: "extract", seconds: extractTime, bytes: bytes, documents: documents),
                Stage(name: "reconcile", seconds: reconcileTime, bytes: claimBytes, documents: documents),
                Stage(name: "total", seconds: ingestTime + numeralsTime + extractTime + reconcileTime, bytes: bytes, documents: documents),
            ],
            claims: book.count, findings: findings, peakMemoryMB: ResourceUsage.peakMemoryMegabytes(), mapPeakMemoryMB: mapPeak,
            quantities: quantities, jobs: jobs)
    }

    /// Writes `megabytes` of generated articles into `directory` (for timing `tally extract` or
    /// `tally report` end to end): numbered `.txt` files with front matter, or, with `bundle` > 0, JSON
    /// Lines files of that many articles each (as news crawls ship them). Returns the articles written.
    public func writeCorpus(megabytes: Int, to directory: String, bundle: Int = 0) throws -> Int {
        try writeCorpus(bytes: megabytes << 20, to: directory, bundle: bundle)
    }

    /// `writeCorpus(megabytes:to:bundle:)` for a size in bytes.
    public func writeCorpus(bytes target: Int, to directory: String, bundle: Int = 0) throws -> Int {
        precondition(!seeds.isEmpty)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = DocumentVariator(seeds: seeds)
        var bytes = 0, articles = 0, files = 0
        var lines = JSONBytes(capacity: 1 << 20)
        func flush() throws {
            guard !lines.bytes.isEmpty else { return }
            files += 1
            let path = (directory as NSString).appendingPathComponent(String(format: "%06d.jsonl", files))
            try Data(lines.bytes).write(to: URL(fileURLWithPath: path))
            lines = JSONBytes(capacity: 1 << 20)
        }
        while bytes < target {
            let article = generator.nextArticle()
            articles += 1
            bytes += article.text.utf8.count
            if bundle > 0 {
                lines.literal("{\"id\":")
                lines.string(article.id)
                lines.literal(",\"published\":")
                if let published = article.published { lines.date(published) } else { lines.literal("null") }
                lines.literal(",\"text\":")
                lines.string(article.text)
                lines.literal("}\n")
                if articles % bundle == 0 { try flush() }
            } else {
                let path = (directory as NSString).appendingPathComponent(String(format: "%07d.txt", articles))
                try Data(article.withFrontMatter.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        try flush()
        return articles
    }

    private func timed(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
