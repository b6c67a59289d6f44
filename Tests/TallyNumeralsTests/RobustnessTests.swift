import Testing
import TallyCore
@testable import TallyNumerals

/// Random mixtures of the pieces the matchers look at: the scanner must never crash, and its
/// mentions must stay inside the text, in order and non-overlapping.
struct RobustnessTests {
    static let pieces = [
        "1,000", "-", "for", "all", "$", "₴", "US$", "A$", "%", "per", "cent", "between", "and", "to", "from", "May", "may", "June",
        "2nd", "16", "2025", "2014", "/", ".", ",", "the", "18th", "of", "Monday", "Mon", "last", "next", "week", "a", "an", "half",
        "hour", "hours", "days", "year", "old", "-year-old", "aged", "under", "age", "at", "least", "nearly", "about", "over",
        "hand", "twenty", "-", "three", "hundred", "million", "bn", "3bn", "two-thirds", "quarter", "dozen", "dozens", "thousands",
        "tens", "Tu-160", "F-16", "Boeing", "737", "10:30", "3", "pm", "a.m.", "½", "“", "”", "’s", "ago", "or", "more", "cents",
        "MUSD", "1/5", "10/1/2018", "2025-06-02", "+1-222-2222-2222", "http://x.y/1%20", "~", ">=", "<", "=", "\n", "…", "k", "m",
    ]

    struct Generator {
        var state: UInt64
        mutating func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func randomMixturesNeverCrash() {
        var g = Generator(state: 42)
        for _ in 0..<3000 {
            let count = 1 + g.next() % 12
            var text = ""
            for _ in 0..<count {
                let piece = Self.pieces[g.next() % Self.pieces.count]
                text += (g.next() % 3 == 0 ? "" : " ") + piece
            }
            let analysis = TextAnalysis(text: text)
            for reference in [nil, june2] {
                let quantities = scanner.scan(analysis, reference: reference)
                var last = 0
                for q in quantities {
                    #expect(q.start >= last && q.start < q.end && q.end <= analysis.scalars.count, "\(text)")
                    #expect(q.tokens.lowerBound >= 0 && q.tokens.upperBound <= analysis.tokens.count)
                    last = q.end
                }
            }
        }
    }
}
