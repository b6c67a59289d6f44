import TallyCore

extension ClaimStore {
    /// A hash of the rule set: every rule and lexicon file (path and contents, in path order) and
    /// the extractor's version, since new code can extract differently from the same rules.
    public static func rulesHash(files: [(path: String, contents: String)], version: String) -> String {
        var text = "tally " + version + "\u{0}"
        for file in files.sorted(by: { $0.path < $1.path }) {
            text += file.path + "\u{0}" + file.contents + "\u{0}"
        }
        return ContentHash.sha256(text)
    }

    /// What a run over the store did: every document's claims (in input order), and how many
    /// documents were taken from the store versus extracted afresh.
    public struct Run: Sendable {
        public var claims: [[Claim]]
        public var reused: Int
        public var extracted: Int
    }

    /// The claims of `documents`, extracting only those whose content or rules changed since the
    /// store last saw them (in any run). `extract` receives the changed documents in one batch (so it can
    /// work in parallel) and returns their claims in the same order. Every document is then stored in this
    /// store's run, the unchanged ones with the claims taken from the store, in one transaction: each run
    /// holds all of its documents, whatever the runs before it hold.
    public func claims(for documents: [Document], rulesHash: String, extract: ([Document]) throws -> [[Claim]]) throws -> Run {
        var result = [[Claim]](repeating: [], count: documents.count)
        var hashes: [String] = []
        var changed: [Int] = []
        for (index, document) in documents.enumerated() {
            let hash = Self.contentHash(of: document)
            hashes.append(hash)
            if let stored = try storedClaims(doc: document.id, contentHash: hash, rulesHash: rulesHash) {
                result[index] = stored
            } else {
                changed.append(index)
            }
        }
        if !changed.isEmpty {
            let fresh = try extract(changed.map { documents[$0] })
            guard fresh.count == changed.count else {
                throw StoreError(description: "extraction returned claims for \(fresh.count) of \(changed.count) documents")
            }
            for (index, claims) in zip(changed, fresh) { result[index] = claims }
        }
        try replace(documents.indices.map { Entry(document: documents[$0], contentHash: hashes[$0], rulesHash: rulesHash, claims: result[$0]) })
        return Run(claims: result, reused: documents.count - changed.count, extracted: changed.count)
    }
}
