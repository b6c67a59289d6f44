import TallyCore

/// Keeps large groups small before they are compared. Real groups hold a few dozen claims; a
/// pathological input (one page repeating "1,000 prisoners" forty thousand times) would make the
/// relation matrix billions of entries. In a group over `limit`, a document's repeats of the same
/// figure are merged (they relate identically to every other claim, so the verdict cannot change);
/// what is still too large is judged by `Reconciler.sweptFinding`, which needs no pairs.
enum GroupLimit {
    static let limit = Reconciler.pairwiseLimit

    static func mergingRepeats(_ claims: [Claim]) -> [Claim] {
        guard claims.count > limit else { return claims }
        var seen = Set<Repeat>()
        return claims.filter { seen.insert(Repeat($0)).inserted }
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
