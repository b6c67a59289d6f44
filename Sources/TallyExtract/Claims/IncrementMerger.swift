import TallyCore

/// Folds increments ("an additional 200", "a further 200") into the figure they add to.
///
/// "exchange 1,000 prisoners, with the potential to arrange an additional 200" asserts 1,000 to 1,200:
/// the earlier claim's interval widens to that, and the increment is kept as a claim of its own with the
/// same kind and the subject prefixed "additional". An increment with nothing before it to add to in
/// its sentence is no claim.
enum IncrementMerger {
    /// Folds, in place, the increments among `claims[first...]` — one sentence's claims, where
    /// `increments[i]` tells whether `claims[first + i]` is one — without copying the other claims.
    static func fold(_ claims: inout [Claim], from first: Int, increments: [Bool]) {
        guard increments.contains(true) else { return }
        var kept = first  // claims[first..<kept] are the sentence's claims kept so far
        for read in first..<claims.count {
            guard increments[read - first] else {
                if kept != read { claims.swapAt(kept, read) }
                kept += 1
                continue
            }
            guard let baseIndex = (first..<kept).last(where: { claims[$0].value?.number != nil }), let base = claims[baseIndex].value?.number,
                let added = claims[read].value?.number
            else {
                continue  // an increment with nothing to add to is not a claim
            }
            let low = claims[baseIndex].low?.number ?? base
            let high = (claims[baseIndex].high?.number ?? base) + added
            claims[baseIndex].low = .number(low)
            claims[baseIndex].high = .number(high)
            if claims[baseIndex].qualifier == .exact { claims[baseIndex].qualifier = .range }
            if kept != read { claims.swapAt(kept, read) }
            claims[kept].kind = claims[baseIndex].kind
            claims[kept].subject = "additional " + (claims[baseIndex].subject ?? "")
            claims[kept].unit = claims[baseIndex].unit
            kept += 1
        }
        claims.removeSubrange(kept...)
    }
}
