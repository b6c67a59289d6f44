import TallyCore
import TallyMemory

/// Words that make a date a bound rather than the time itself (`date_bound` and
/// `date_bound_after` in `rules/lexicon/qualifiers.yaml`): "since 2010" is 2010 and after
/// (`at_least`), "after Feb 2018" the time past February (`more_than`), "before 2019" the time
/// before it (`less_than`), "no later than January 1" up to and including that day (`at_most`);
/// "2012 or later" says the same after the date, at the end of its clause.
///
/// The date keeps its own span and qualifier (a claim about "since 2010" states 2010); `bound`
/// says which side of it the text means, as the qualifier of "at least 1,000" does for a figure.
/// Only dates are annotated, once the scan is done; words are probed by the tokens' hashes, so a
/// date with no bound beside it costs a probe or two and no string.
struct DateBounds: Sendable {
    /// Lowercased phrase (words joined by spaces) written before the date → qualifier.
    var before: [String: Qualifier] = [:] { didSet { beforeIndex = Index(before, fromEnd: true) } }
    /// Lowercased phrase written after the date → qualifier.
    var after: [String: Qualifier] = [:] { didSet { afterIndex = Index(after, fromEnd: false) } }
    private var beforeIndex = Index()
    private var afterIndex = Index()

    /// A phrase map by hashed words: one-word phrases directly, and for longer ones the words seen
    /// at each place counted from the date, so only a run of such words is joined and looked up.
    struct Index: Sendable {
        var single = WordHashTable<Qualifier>()
        var atPlace: [WordHashSet] = []

        init() {}

        init(_ map: [String: Qualifier], fromEnd: Bool) {
            var singles: [(String, Qualifier)] = []
            var places: [Set<String>] = []
            for (phrase, q) in map {
                var words = phrase.split(separator: " ").map(String.init)
                if words.count == 1 { singles.append((words[0], q)) }
                if fromEnd { words.reverse() }
                for (k, w) in words.enumerated() {
                    if places.count <= k { places.append([]) }
                    places[k].insert(w)
                }
            }
            single = WordHashTable(singles)
            atPlace = places.map { WordHashSet($0) }
        }
    }

    /// The qualifier of the longest phrase ending before token `edge` (`backward`) or starting at it.
    /// With `clauseEnd`, only a phrase followed by punctuation or the end of the text.
    private static func match(
        _ index: Index, _ map: [String: Qualifier], at edge: Int, backward: Bool, _ tokens: [Token], _ info: [TokenInfo], clauseEnd: Bool = false
    ) -> Qualifier? {
        // How many words from the edge could belong to a phrase.
        var run = 0
        while run < index.atPlace.count {
            let k = backward ? edge - 1 - run : edge + run
            guard k >= 0, k < tokens.count, tokens[k].kind == .word, index.atPlace[run].contains(hash: info[k].hash, tokens[k].lower) else { break }
            run += 1
        }
        func ends(_ n: Int) -> Bool { !clauseEnd || edge + n == tokens.count || tokens[edge + n].kind == .punct }
        var n = run
        while n > 1 {
            let range = backward ? (edge - n)..<edge : edge..<(edge + n)
            if ends(n), let q = map[range.map { tokens[$0].lower }.joined(separator: " ")] { return q }
            n -= 1
        }
        guard run >= 1, ends(1) else { return nil }
        let k = backward ? edge - 1 : edge
        return index.single.value(hash: info[k].hash, tokens[k].lower)
    }

    static let the = WordHash.of("the")

    /// Sets the bound of each date a bound phrase leads into or follows. A date after a span
    /// of time ("2 weeks before Christmas") is an offset from it, not a bound, and is left alone.
    func annotate(_ quantities: inout [Quantity], _ analysis: TextAnalysis) {
        guard !before.isEmpty || !after.isEmpty else { return }
        let tokens = analysis.tokens
        let info = analysis.info
        for index in quantities.indices where quantities[index].kind == .date {
            let span = quantities[index].tokens
            var first = span.lowerBound
            // "before the year 2019": the article may sit between the bound and the date.
            if first > 0, info[first - 1].hash == DateBounds.the, tokens[first - 1].lower == "the" { first -= 1 }
            if let found = DateBounds.match(beforeIndex, before, at: first, backward: true, tokens, info) {
                // "2 weeks before Christmas": counted from the date, no bound.
                let offset = index > 0 && quantities[index - 1].kind == .duration && quantities[index - 1].tokens.upperBound < first
                    && quantities[index - 1].tokens.upperBound >= first - 3
                if !offset { quantities[index].bound = found }
                continue
            }
            // "2012 or later." ends its clause; "2016 and after my work is done" goes on to another time.
            if let found = DateBounds.match(afterIndex, after, at: span.upperBound, backward: false, tokens, info, clauseEnd: true) {
                quantities[index].bound = found
            }
        }
    }
}
