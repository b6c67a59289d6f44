import TallyCore

/// Counts of one subject and event that lie orders of magnitude apart count different things: one
/// strike's "two civilians were killed" beside a war's "an estimated 15,000", a day's six victims
/// beside the 13,300 of the whole war. Sources that contradict each other on one count differ by a few
/// times at most (6,000 or 12,000 bodies, 3,958 or 11,300 dead, 150 or 39 prisoners), so a group of
/// counts is split wherever a gap of more than `ratio` times opens between neighbouring figures, and
/// each scale is compared on its own. Lengths, dates and sums of money are not split: "six days" or
/// "six weeks", "$3 million" or "$3 billion" are the slips a fact-checker is looking for.
enum Scales {
    /// A figure more than this many times the highest figure below it starts another scale.
    static let ratio = 10.0

    /// `members` (indices into `claims`, of one group and so on one axis) split into scales, lowest first;
    /// one part, unchanged, when there is one scale or the axis is not a count.
    static func split(_ members: [Int], in claims: [Claim]) -> [[Int]] {
        guard members.count > 1, case let axis = Axis.of(claims[members[0]]), axis == .count else { return [members] }
        let intervals = members.compactMap { claims[$0].interval(on: axis) }
        guard intervals.count == members.count, let lowest = intervals.map(\.low).min(), let top = intervals.map(\.low).max(),
            top > max(lowest, 1) * ratio
        else { return [members] }  // every figure within `ratio` of the lowest: one scale, no sort
        let ordered = zip(members, intervals).map { (index: $0, interval: $1) }
            .sorted { ($0.interval.low, $0.interval.high, $0.index) < ($1.interval.low, $1.interval.high, $1.index) }
        var parts: [[Int]] = []
        var highest = -Double.infinity
        for item in ordered {
            if parts.isEmpty || item.interval.low > max(highest, 1) * ratio {
                parts.append([])
            }
            parts[parts.count - 1].append(item.index)
            highest = max(highest, item.interval.high)
        }
        // Each part in its members' own order, so a group reads as it did before the split.
        guard parts.count > 1 else { return [members] }
        let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element, $0.offset) })
        return parts.map { $0.sorted { position[$0]! < position[$1]! } }
    }
}
