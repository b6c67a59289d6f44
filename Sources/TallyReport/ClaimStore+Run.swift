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
    /// store last saw them. `extract` receives the changed documents in one batch (so it can work
    /// in parallel) and returns their claims in the same order; they are stored in one transaction.
    public func claims(for documents: [Document], rulesHash: String, extract: ([Document]) throws -> [[Claim]]) throws -> Run {
        var result = [[Claim]](repeating: [], count: documents.count)
        var changed: [(index: Int, hash: String)] = []
        for (index, document) in documents.enumerated() {
            let hash = Self.contentHash(of: document)
            if let stored = try storedClaims(doc: document.id, contentHash: hash, rulesHash: rulesHash) {
                result[index] = stored
            } else {
                changed.append((index, hash))
            }
        }
        guard !changed.isEmpty else { return Run(claims: result, reused: documents.count, extracted: 0) }
        let fresh = try extract(changed.map { documents[$0.index] })
        guard fresh.count == changed.count else {
            throw StoreError(description: "extraction returned claims for \(fresh.count) of \(changed.count) documents")
        }
        var entries: [Entry] = []
        for (item, claims) in zip(changed, fresh) {
            result[item.index] = claims
            entries.append(Entry(document: documents[item.index], contentHash: item.hash, rulesHash: rulesHash, claims: claims))
        }
        try replace(entries)
        return Run(claims: result, reused: documents.count - changed.count, extracted: changed.count)
    }
}
