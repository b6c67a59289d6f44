/// Where a figure stands: a plan, a projection, an increment, a part of a whole, a total to date, a count
/// as it stands on a day, or an earlier reading the text says was replaced.
///
/// Part of what a claim counts: figures of different statuses are different quantities, so the
/// reconciler never sets a deal's 150 prisoners against one day's 39, a mayor's "could reach 20,000"
/// against a count, or "another 2,500" against a total. No status (`nil`) is a figure stated as done.
/// The words behind each case are the lexicon class `status_marker` (`rules/lexicon/status.yaml`).
public enum ClaimStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// A total to date ("so far", "bringing the total to", a death toll): a later, higher figure
    /// updates an earlier one rather than contradicting it.
    case runningTotal = "running_total"
    /// Agreed, proposed, offered or due, not (yet) done ("will release 150", "under the deal").
    case planned
    /// An estimate of what may come ("could reach 20,000", "is expected to rise to").
    case projected
    /// Added to a figure given before ("another 2,500", "500 more", "an additional 200").
    case increment
    /// Part of a larger figure ("including 4 children", "among them 400 foreigners").
    case subset
    /// An earlier reading the article itself reports as replaced ("had earlier said the toll was 150",
    /// "previously put at 11,300"): history, not a claim standing against today's figure.
    case superseded
    /// A count of people in a state as it stands when reported ("10,000 still missing", "43,000 displaced",
    /// "125 still held"): it rises and falls as people are found, return or are freed, so readings on
    /// different days update one another either way, and only readings of one day contradict. The
    /// subjects counted so are the lexicon class `standing_subject`.
    case standing

    /// Whether the figure is read on a day and compared across days (a total to date, a standing count).
    public var isReading: Bool { self == .runningTotal || self == .standing }
}
