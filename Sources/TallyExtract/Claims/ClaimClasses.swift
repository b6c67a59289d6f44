import TallyNumerals

/// The lexicon classes the claim layers look up, by id, so no figure looks a class up by name.
///
/// Worked out once per rule set from the lexicon's class names (`SpeakerVocabulary.classes`); each
/// document checks them against its `LexiconIndex` with one string compare apiece (`resolved(in:)`).
struct ClaimClasses: Sendable {
    /// `speech_verb`: reporting verbs (`SpeakerResolver`).
    var speechVerb: Int?
    /// `near_qualifier`: hedges of closeness ("nearly", "just over").
    var nearQualifier: Int?
    /// Scope markers read for `scope: auto`.
    var perSideMarker: Int?
    var totalMarker: Int?
    /// `total_before`: a total that names what follows ("a total of 81"), read before a figure only.
    var totalBefore: Int?
    var oneSideMarker: Int?
    /// `party`: who a `{party}` subject names.
    var party: Int?
    /// `status_marker` (before a figure) and `status_after` (after it): plan, projection, increment,
    /// subset or running total (`ClaimStatus`).
    var statusMarker: Int?
    var statusAfter: Int?
    /// `period_break`: a word between two counts that puts the second in another time (`RelativeStatus`).
    var periodBreak: Int?
    /// `list_joiner`, and what may follow a listed count: `list_follow` and the counted nouns (`ListParts`).
    var listJoiner: Int?
    var listFollowers: [Int] = []
    /// `place_part`: the part of a toll a place names ("on the ground": `PlacePart`).
    var placePart: Int?

    static let names = (
        speechVerb: "speech_verb", nearQualifier: "near_qualifier", perSideMarker: "per_side_marker", totalMarker: "total_marker", totalBefore: "total_before",
        oneSideMarker: "one_side_marker", party: "party", statusMarker: "status_marker",
        statusAfter: "status_after", periodBreak: "period_break", listJoiner: "list_joiner", placePart: "place_part",
        listFollowers: ["list_follow", "person_noun", "child_noun", "pow_noun", "body_noun", "soldier_noun", "nationality"])

    /// Each class's position among `lexicon.classNames` (the id `LexiconIndex` gives it).
    init(lexicon: Lexicon) {
        let classNames = lexicon.classNames
        func position(_ name: String) -> Int? { classNames.firstIndex(of: name) }
        let names = ClaimClasses.names
        speechVerb = position(names.speechVerb)
        nearQualifier = position(names.nearQualifier)
        perSideMarker = position(names.perSideMarker)
        totalMarker = position(names.totalMarker)
        totalBefore = position(names.totalBefore)
        oneSideMarker = position(names.oneSideMarker)
        party = position(names.party)
        statusMarker = position(names.statusMarker)
        statusAfter = position(names.statusAfter)
        periodBreak = position(names.periodBreak)
        listJoiner = position(names.listJoiner)
        listFollowers = names.listFollowers.compactMap(position)
        placePart = position(names.placePart)
    }

    /// The ids in `index`: each remembered one if the index names it so, else looked up.
    func resolved(in index: LexiconIndex) -> ClaimClasses {
        func id(_ known: Int?, _ name: String) -> Int? {
            if let known, known < index.classNames.count, index.classNames[known] == name { return known }
            return index.classID(name)
        }
        let names = ClaimClasses.names
        var classes = self
        classes.speechVerb = id(speechVerb, names.speechVerb)
        classes.nearQualifier = id(nearQualifier, names.nearQualifier)
        classes.perSideMarker = id(perSideMarker, names.perSideMarker)
        classes.totalMarker = id(totalMarker, names.totalMarker)
        classes.totalBefore = id(totalBefore, names.totalBefore)
        classes.oneSideMarker = id(oneSideMarker, names.oneSideMarker)
        classes.party = id(party, names.party)
        classes.statusMarker = id(statusMarker, names.statusMarker)
        classes.statusAfter = id(statusAfter, names.statusAfter)
        classes.periodBreak = id(periodBreak, names.periodBreak)
        classes.listJoiner = id(listJoiner, names.listJoiner)
        classes.listFollowers = names.listFollowers.compactMap { index.classID($0) }
        classes.placePart = id(placePart, names.placePart)
        return classes
    }
}
