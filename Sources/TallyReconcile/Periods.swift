import TallyCore

/// The periods a story's totals to date were read in: their days, split wherever more than `gap` days
/// pass without a reading. A truce's week of swaps is one period; the same subject's ceasefire a year
/// later is another, and its totals never meet the first's.
enum Periods {
    /// More days than this without a reading start a new period.
    static let gap = 30

    /// The claims split by period, in time order. An undated claim joins the one period there is; where
    /// there are several it cannot be told which, and it is compared only within its article.
    static func split(_ claims: [Claim]) -> [[Claim]] {
        split(Array(claims.indices), in: claims).map { $0.map { claims[$0] } }
    }

    /// `split(_:)` of the claims at `members` in `claims`, as lists of those indices.
    static func split(_ members: [Int], in claims: [Claim]) -> [[Int]] {
        func day(_ index: Int) -> Int? { claims[index].event.flatMap { CalendarDate(iso: $0)?.dayRange.lowerBound } }
        let days = Set(members.compactMap(day)).sorted()
        var starts: [Int] = []
        for (index, day) in days.enumerated() where index == 0 || day - days[index - 1] > gap { starts.append(day) }
        guard starts.count > 1 else { return [members] }
        var periods = [[Int]](repeating: [], count: starts.count)
        var undated: [String: [Int]] = [:]
        for index in members {
            if let day = day(index) {
                periods[starts.lastIndex { $0 <= day } ?? 0].append(index)
            } else {
                undated[claims[index].doc, default: []].append(index)
            }
        }
        return periods + undated.keys.sorted().map { undated[$0]! }
    }
}
