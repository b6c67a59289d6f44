import TallyCore

/// The reduce one subject at a time, for a run that does not hold every claim as a `Claim` at once.
///
/// `reconcile(_:)` groups claims by subject before anything else, and compares nothing across subjects
/// but copies (documents that share claim sentences, `CopyClusters`), which are told from the whole run.
/// So the run's copies are built first, from each document's sentence fingerprints; then each subject's
/// claims, given in subject order, make exactly the findings `reconcile(_:)` makes of that subject, and
/// `ordered(_:)` sorts all of them as `reconcile(_:)` does.
extension Reconciler {
    /// The documents of a run that are copies of one another (one source however many sites carry it).
    public struct Sources: Sendable {
        let copies: CopyClusters

        /// From each document's set of claim-sentence fingerprints (`Reconciler.fingerprint`).
        public init(sentences: [String: Set<UInt64>]) { copies = CopyClusters(sentences: sentences) }
    }

    /// What a run keeps of a claim's sentence to tell copies apart.
    public static func fingerprint(_ sentence: String) -> UInt64 { CopyClusters.fingerprint(sentence) }

    /// Whether `claim` is compared at all: it has a subject and a figure on its axis.
    public static func isComparable(_ claim: Claim) -> Bool {
        claim.subject != nil && claim.interval(on: Axis.of(claim)) != nil
    }

    /// Hands `body` the findings of claims that all have one subject (in their input order), a group's at a
    /// time, unsorted; `sources` holds the copies of the whole run. A caller that writes findings away then
    /// holds one group's, not a whole subject's (hundreds of thousands of claims in a gigabyte of news).
    public func forEachFinding<Failure: Error>(
        ofSubject claims: [Claim], sources: Sources, _ body: ([Finding]) throws(Failure) -> Void
    ) throws(Failure) {
        try forEachGroup(claims) { (group: Group) throws(Failure) in
            let findings = findings(of: group, copies: sources.copies)
            if !findings.isEmpty { try body(findings) }
        }
    }

    /// Every subject's findings, gathered in subject order, sorted as `reconcile(_:)` sorts them.
    public static func ordered(findings: [Finding]) -> [Finding] { ordered(findings) }
}
