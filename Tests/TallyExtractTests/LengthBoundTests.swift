import Testing

@testable import TallyExtract

@Suite struct LengthBoundTests {
    func bound(_ pattern: String) throws -> LengthBound {
        try PatternParser.parse(pattern).lengthBound { $0 == "pow_noun" ? 3 : 1 }
    }

    @Test func countsTheLongestWayThroughThePattern() throws {
        // NUM, up to three words, the longest pow_noun phrase ("prisoners of war").
        #expect(try bound("n:NUM WORD{0,3} @pow_noun") == LengthBound(fixed: 6, quantities: 1))
        // The longer word option, an optional word.
        #expect(try bound("{on each side|apiece} back?") == LengthBound(fixed: 4, quantities: 0))
        // Alternatives: the longest of each part.
        #expect(try bound("@pow_noun of n:NUM | n:NUM n:NUM WORD") == LengthBound(fixed: 4, quantities: 2))
    }

    @Test func aMatchNeverSpansMoreThanItsBound() throws {
        let m = PatternMatcherTests().matcher("They swapped 1,000 prisoners of war on Friday.", extraWords: ["on", "friday"])
        let pattern = try PatternParser.parse("n:NUM WORD{0,3} @pow_noun")
        let match = try #require(m.allMatches(pattern, in: 0..<m.input.tokens.count).first)
        let bound = pattern.lengthBound(phraseLength: m.input.lexicon.longestPhrase(of:))
        let longestMention = m.input.quantities.map(\.tokens.count).max() ?? 0
        #expect(match.end - match.start <= bound.fixed + bound.quantities * longestMention)
        #expect(bound == LengthBound(fixed: 6, quantities: 1))
    }
}
