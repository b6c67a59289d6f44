/// The lexicon classes the claim layers look up, by id: resolved once per document instead of a
/// class-name lookup per figure.
struct ClaimClasses {
    /// `speech_verb`: reporting verbs (`SpeakerResolver`).
    let speechVerb: Int?
    /// `near_qualifier`: hedges of closeness ("nearly", "just over").
    let nearQualifier: Int?
    /// Scope markers read for `scope: auto`.
    let perSideMarker: Int?
    let totalMarker: Int?
    let oneSideMarker: Int?
    /// `party`: who a `{party}` subject names.
    let party: Int?

    init(_ index: LexiconIndex) {
        speechVerb = index.classID("speech_verb")
        nearQualifier = index.classID("near_qualifier")
        perSideMarker = index.classID("per_side_marker")
        totalMarker = index.classID("total_marker")
        oneSideMarker = index.classID("one_side_marker")
        party = index.classID("party")
    }
}
