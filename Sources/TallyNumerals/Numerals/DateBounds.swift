import TallyCore

/// Words that make a date a bound rather than the time itself (`date_bound` and
/// `date_bound_after` in `rules/lexicon/qualifiers.yaml`): "since 2010" is 2010 and after
/// (`at_least`), "after Feb 2018" the time past February (`more_than`), "before 2019" the time
/// before it (`less_than`), "no later than January 1" up to and including that day (`at_most`);
/// "2012 or later" says the same after the date, at the end of its clause.
///
/// The date keeps its own span and qualifier (a claim about "since 2010" states 2010); `bound`
/// says which side of it the text means, as the qualifier of "at least 1,000" does for a figure.
/// Only dates are annotated, once the scan is done, so the cost is a few dictionary probes per date.
struct DateBounds: Sendable {
    /// Lowercased phrase (words joined by spaces) written before the date → qualifier.
    var before: [String: Qualifier] = [:] { didSet { longestBefore = DateBounds.longest(before) } }
    /// Lowercased phrase written after the date → qualifier.
    var after: [String: Qualifier] = [:] { didSet { longestAfter = DateBounds.longest(after) } }
    private(set) var longestBefore = 0
    private(set) var longestAfter = 0

    private static func longest(_ map: [String: Qualifier]) -> Int {
        map.keys.map { $0.split(separator: " ").count }.max() ?? 0
    }

    /// The phrase of `map` that tokens `start..<end` spell, if they are words.
    private static func phrase(_ map: [String: Qualifier], _ tokens: [Token], from start: Int, to end: Int) -> Qualifier? {
        guard start >= 0, end <= tokens.count, start < end else { return nil }
        var words: [String] = []
        for k in start..<end {
            guard tokens[k].kind == .word else { return nil }
            words.append(tokens[k].lower)
        }
        return map[words.joined(separator: " ")]
    }

    /// Sets the bound of each date a bound phrase leads into or follows. A date after a span
    /// of time ("2 weeks before Christmas") is an offset from it, not a bound, and is left alone.
    func annotate(_ quantities: inout [Quantity], _ analysis: TextAnalysis) {
        guard !before.isEmpty || !after.isEmpty else { return }
        let tokens = analysis.tokens
        for index in quantities.indices where quantities[index].kind == .date {
            let span = quantities[index].tokens
            var first = span.lowerBound
            // "before the year 2019": the article may sit between the bound and the date.
            if first > 0, tokens[first - 1].lower == "the" { first -= 1 }
            var found: Qualifier?
            var n = min(longestBefore, first)
            while n > 0, found == nil {
                found = DateBounds.phrase(before, tokens, from: first - n, to: first)
                if found != nil, index > 0, quantities[index - 1].kind == .duration, quantities[index - 1].tokens.upperBound == first - n { found = nil; break }
                n -= 1
            }
            if found == nil {
                n = min(longestAfter, tokens.count - span.upperBound)
                while n > 0, found == nil {
                    // "2012 or later." ends its clause; "2016 and after my work is done" goes on to another time.
                    let end = span.upperBound + n
                    if end == tokens.count || tokens[end].kind == .punct {
                        found = DateBounds.phrase(after, tokens, from: span.upperBound, to: end)
                    }
                    n -= 1
                }
            }
            if let found { quantities[index].bound = found }
        }
    }
}
