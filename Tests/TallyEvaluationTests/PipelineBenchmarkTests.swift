import Foundation
import Testing
import TallyCore
import TallyExtract
import TallyIngest
@testable import TallyEvaluation

@Suite struct PipelineBenchmarkTests {
    static let seeds = [
        Document(
            id: "seed", title: "Swap agreed", outlet: "Wire", published: CalendarDate(iso: "2025-05-20"),
            text: "Swap agreed\nOfficials said at least 1,000 prisoners would be freed on each side.\nUp to 390 captives were exchanged on Friday, the ministry said.\n"),
    ]

    /// 192 KB: about 840 articles, more than one window (256 articles per job) for 1 and 2 jobs.
    static let size = 192 << 10

    static func benchmark(jobs: Int) throws -> PipelineBenchmark {
        PipelineBenchmark(seeds: seeds, extractor: Extractor(rules: try competingRules()), jobs: jobs)
    }

    @Test func measuresEveryStageOverTheRequestedSize() throws {
        let result = try Self.benchmark(jobs: 1).run(bytes: Self.size)
        #expect(result.stages.map(\.name) == ["ingest", "numerals", "extract", "reconcile", "total"])
        let ingest = result.stages[0]
        #expect(ingest.bytes >= Self.size && ingest.bytes < Self.size + 1_000, "generates the requested size, one article over at most")
        #expect(ingest.documents > 2 * 256)
        #expect(result.stages.allSatisfy { $0.seconds > 0 && $0.megabytesPerSecond > 0 })
        #expect(result.quantities >= ingest.documents * 2, "every article has at least its two figures")
        #expect(result.claims >= ingest.documents, "every article has at least one prisoner claim")
        #expect(result.mapPeakMemoryMB > 0 && result.peakMemoryMB >= result.mapPeakMemoryMB)
    }

    @Test func theWorkDoesNotDependOnTheNumberOfJobs() throws {
        let one = try Self.benchmark(jobs: 1).run(bytes: Self.size)
        let two = try Self.benchmark(jobs: 2).run(bytes: Self.size)
        #expect(one.jobs == 1 && two.jobs == 2)
        #expect(one.quantities == two.quantities)
        #expect(one.claims == two.claims)
        #expect(one.findings == two.findings)
    }

    @Test(arguments: [0, 3])
    func writesACorpusThatReadsBackAsTheSameArticles(bundle: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let articles = try Self.benchmark(jobs: 1).writeCorpus(bytes: Self.size, to: folder, bundle: bundle)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == (bundle == 0 ? articles : (articles + bundle - 1) / bundle))
        var read = 0
        for file in files {
            let documents = try Ingestor().read(file: folder + "/" + file).documents
            #expect(documents.allSatisfy { $0.text.contains("prisoners") && $0.published != nil })
            read += documents.count
        }
        #expect(read == articles)
    }
}
