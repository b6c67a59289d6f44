import TallyCore

extension UnpairedClaims {
    /// Counts the claims of `claims` that are in none of `findings`, by why (as `Reconciler` groups them:
    /// a claim needs a subject and a figure on its axis to be compared at all).
    public init(claims: [Claim], findings: [Finding]) {
        struct Key: Hashable {
            var doc: String
            var start: Int
            var end: Int
            var kind: String
        }
        func key(_ claim: Claim) -> Key { Key(doc: claim.doc, start: claim.start, end: claim.end, kind: claim.kind) }
        var paired: Set<Key> = []
        for finding in findings {
            for item in finding.claims { paired.insert(key(item.claim)) }
        }
        var comparable: [String: Int] = [:]
        for claim in claims where claim.subject != nil && claim.interval(on: Axis.of(claim)) != nil {
            comparable[claim.subject!, default: 0] += 1
        }
        self.init()
        for claim in claims where !paired.contains(key(claim)) {
            guard let subject = claim.subject, claim.interval(on: Axis.of(claim)) != nil else {
                noSubject += 1
                continue
            }
            if comparable[subject, default: 0] <= 1 { alone += 1 } else { otherEvent += 1 }
        }
    }
}
