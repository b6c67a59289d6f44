import Foundation
import TallyCore
import TallyExtract
import TallyReport

/// `--db FILE`: claims come from the SQLite store for documents whose text and rules are unchanged,
/// and are extracted (in parallel, in batches) for the rest. Each `StoredExtraction` is a run of the
/// store: its documents, claims and findings are kept beside earlier runs', not in their place.
public struct StoredExtraction {
    public let store: ClaimStore
    public let extractor: Extractor
    /// The rules' fingerprint and the tool's version: stored claims count only for the same pair, since
    /// new code can extract differently from the same rules.
    public let rulesHash: String
    public let jobs: Int
    /// Documents whose claims came from the store, and documents extracted afresh, so far.
    public private(set) var reused = 0
    public private(set) var extracted = 0
    private var pending: [Document] = []

    static let batchSize = 64

    /// Opens (or creates) the store at `path` and begins a run reading `inputs` (the paths as given);
    /// throws the store's error when it cannot be used.
    public init(path: String, inputs: [String] = [], extractor: Extractor, toolVersion: String, jobs: Int?) throws(StoreError) {
        store = try ClaimStore(path: path)
        self.extractor = extractor
        self.rulesHash = extractor.rules.fingerprint + "/" + toolVersion
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        store.beginRun(inputs: inputs, toolVersion: toolVersion, rulesHash: rulesHash)
    }

    /// The id of this run in the store's `runs` table, once it has written something.
    public var run: Int64? { store.run }

    /// Queues documents; every full batch is resolved against the store and handed to `deliver`.
    public mutating func add(_ documents: [Document], deliver: (Document, [Claim]) -> Void) throws {
        pending += documents
        if pending.count >= StoredExtraction.batchSize { try flush(deliver: deliver) }
    }

    /// Resolves the documents still queued.
    public mutating func flush(deliver: (Document, [Claim]) -> Void) throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        let extractor = self.extractor
        let workers = jobs
        let run = try store.claims(for: batch, rulesHash: rulesHash) { changed in
            parallelMap(changed.count, jobs: workers) { extractor.extract(changed[$0], budget: .standard).claims }
        }
        reused += run.reused
        extracted += run.extracted
        for (document, claims) in zip(batch, run.claims) { deliver(document, claims) }
    }

    /// Saves this run's findings, which marks the run finished (earlier runs' findings stay).
    public func saveFindings(_ findings: [Finding]) throws {
        try store.replaceFindings(findings)
    }
}
