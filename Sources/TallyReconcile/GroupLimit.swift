import TallyCore

/// Keeps the pairwise comparison of a group (quadratic in its size) bounded. Real groups hold a few
/// dozen claims; a pathological input (one page repeating "1,000 prisoners" forty thousand times) made
/// the relation matrix billions of entries. Only groups over `limit` are touched: first a document's
/// repeats of the same figure are merged (they relate identically to every other claim, so the verdict
/// cannot change), then, if still over, the first `limit` claims in text order are kept.
enum GroupLimit {
    static let limit = 2000

    static func bounded(_ claims: [Claim]) -> [Claim] {
        guard claims.count > limit else { return claims }
        var seen = Set<Repeat>()
        let distinct = claims.filter { seen.insert(Repeat($0)).inserted }
        return distinct.count > limit ? Array(distinct.prefix(limit)) : distinct
    }

    /// What makes two claims of one document the same figure.
    private struct Repeat: Hashable {
        var doc: String
        var value: Figure?
        var low: Figure?
        var high: Figure?
        var qualifier: Qualifier
        var unit: String?
        var scope: Scope?
        var speaker: String?

        init(_ claim: Claim) {
            doc = claim.doc
            value = claim.value
            low = claim.low
            high = claim.high
            qualifier = claim.qualifier
            unit = claim.unit
            scope = claim.scope
            speaker = claim.speaker
        }
    }
}
