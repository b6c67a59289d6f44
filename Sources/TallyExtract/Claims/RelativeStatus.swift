import TallyCore

/// A part ("including 13 Israelis") or an increment ("an additional 10 Thai nationals") is relative to
/// the figure before it in the sentence. When that figure counts something else ("24 hostages,
/// including 13 Israelis"), the marker says how the two figures relate, not what this one is: it is a
/// plain count of its own subject and is compared as one.
enum RelativeStatus {
    /// Settles, among one sentence's claims `claims[first...]`, statuses that depend on the claim before:
    /// - a part or increment status read before a figure (`sources`, one per claim from `first`), or an
    ///   increment read after it ("9,000 more still missing"), whose previous claim — in the sentence, or
    ///   for its first count the document's last — has another subject is reset to its rule's default
    ///   (`defaults`), or to a total to date when that previous claim in the sentence is one: "105 freed so
    ///   far, including 81 Israelis" counts the Israelis freed so far. A part read after the figure ("170
    ///   other people") is the figure's own;
    /// - a count with no status phrase of its own that follows a total to date in the sentence shares the
    ///   period: "During this period, 110 hostages were released as well as 230 prisoners" — unless a word
    ///   of another time stands between them (`breaks`, one per claim: "rose to 102, after 17 hostages were
    ///   released on Sunday").
    static func settle(_ claims: inout [Claim], from first: Int, defaults: [ClaimStatus?], sources: [StatusSource], breaks: [Bool] = []) {
        // The last count before, and whether a phrase (not a rule file's default) made it a total to date
        // in this sentence (a period frames its own sentence only).
        var previous: (index: Int, statedTotal: Bool)? = claims[..<first].lastIndex(where: isCount).map { ($0, false) }
        for index in first..<claims.count where isCount(claims[index]) {
            let source = sources[index - first]
            if let previous {
                let status = claims[index].status
                let relative = (status == .subset && source == .before) || (status == .increment && (source == .before || source == .after))
                if relative, claims[previous.index].subject != claims[index].subject {
                    claims[index].status = previous.statedTotal ? .runningTotal : defaults[index - first]
                } else if source == .unmarked, previous.statedTotal, !(index - first < breaks.count && breaks[index - first]) {
                    claims[index].status = .runningTotal
                }
            }
            let stated = source != .unmarked || previous?.statedTotal == true
            previous = (index, stated && claims[index].status == .runningTotal)
        }
    }

    /// Dates and durations have no status and frame no count.
    private static func isCount(_ claim: Claim) -> Bool { claim.kind != "date" && claim.kind != "duration" }
}

/// Where a claim's status was read: fixed by its rule (or carried by none, as dates), a status phrase
/// before or after the figure, or no phrase (the rule file's default).
enum StatusSource: Sendable {
    case fixed
    case before
    case after
    case unmarked
}
