import TallyCore

/// Folds increments ("an additional 200", "a further 200") into the figure they add to.
///
/// "exchange 1,000 prisoners, with the potential to arrange an additional 200" asserts 1,000 to 1,200:
/// the earlier claim's interval widens to that, and the increment is kept as a claim of its own with the
/// same kind and the subject prefixed "additional".
enum IncrementMerger {
    static func merge(_ claims: [(claim: Claim, increment: Bool)], previous: Claim?) -> [Claim] {
        var merged: [Claim] = []
        merged.reserveCapacity(claims.count)
        for index in claims.indices {
            guard claims[index].increment else {
                merged.append(claims[index].claim)
                continue
            }
            let claim = claims[index].claim
            guard let baseIndex = merged.lastIndex(where: { $0.value?.number != nil }), let base = merged[baseIndex].value?.number,
                let added = claim.value?.number
            else {
                continue  // an increment with nothing to add to is not a claim
            }
            var widened = merged[baseIndex]
            let low = widened.low?.number ?? base
            let high = (widened.high?.number ?? base) + added
            widened.low = .number(low)
            widened.high = .number(high)
            if widened.qualifier == .exact { widened.qualifier = .range }
            merged[baseIndex] = widened
            var increment = claim
            increment.kind = widened.kind
            increment.subject = "additional " + (widened.subject ?? "")
            increment.unit = widened.unit
            merged.append(increment)
        }
        return merged
    }
}
