import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyPipeline
import TallyReport

/// `--db FILE`: claims come from the SQLite store for documents whose text and rules are unchanged,
/// and are extracted (in parallel, in batches) and stored for the rest.
struct StoredExtraction {
    let store: ClaimStore
    let extractor: Extractor
    let rulesHash: String
    let jobs: Int
    private(set) var reused = 0
    private(set) var extracted = 0
    private var pending: [Document] = []

    static let batchSize = 64

    init(path: String, extractor: Extractor, jobs: Int?) throws {
        do {
            store = try ClaimStore(path: path)
        } catch {
            Console.error("tally: cannot open the store \(path): \(error)")
            throw Exit.cannotWrite
        }
        self.extractor = extractor
        self.rulesHash = extractor.rules.fingerprint + "/" + Tally.configuration.version
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Queues documents; every full batch is resolved against the store and handed to `deliver`.
    mutating func add(_ documents: [Document], deliver: (Document, [Claim]) -> Void) throws {
        pending += documents
        if pending.count >= StoredExtraction.batchSize { try flush(deliver: deliver) }
    }

    mutating func flush(deliver: (Document, [Claim]) -> Void) throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        let extractor = self.extractor
        let workers = jobs
        let run = try store.claims(for: batch, rulesHash: rulesHash) { changed in
            parallelMap(changed.count, jobs: workers) { extractor.extract(changed[$0]) }
        }
        reused += run.reused
        extracted += run.extracted
        for (document, claims) in zip(batch, run.claims) { deliver(document, claims) }
    }

    func saveFindings(_ findings: [Finding]) throws {
        try store.replaceFindings(findings)
    }
}
