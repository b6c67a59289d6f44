import TallyCore
import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct PatternMatcherTests {
    static let lexicon = Lexicon.parse(
        yaml: """
            pow_noun: [prisoners, prisoners of war, pows]
            swap_noun: [swap, exchange, prisoner exchange]
            """, file: "test.yaml"
    ).0

    /// A matcher over `text`, with the numbers the numerals layer finds in it; `extraWords` stand for
    /// the literal words a rule set would add to the vocabulary.
    func matcher(_ text: String, extraWords: Set<String> = []) -> PatternMatcher {
        let analysis = TextAnalysis(text: text)
        let index = LexiconIndex(PatternMatcherTests.lexicon, extraWords: extraWords)
        let quantities = NumeralScanner(vocabulary: NumeralVocabulary(lexicon: PatternMatcherTests.lexicon)).scan(analysis, reference: nil)
        let input = MatchInput(tokens: analysis.tokens, quantities: quantities, lexicon: index, regexes: try! RegexCache(patterns: []))
        return PatternMatcher(input: input)
    }

    func longest(_ pattern: String, in text: String, at start: Int = 0, extraWords: Set<String> = []) throws -> PatternMatch? {
        let m = matcher(text, extraWords: extraWords)
        return m.longestMatch(try PatternParser.parse(pattern), at: start, limit: m.input.tokens.count)
    }

    @Test func takesTheLongestLexiconPhraseAndCapturesIt() throws {
        let hit = try #require(try longest("n:NUM p:@pow_noun", in: "1,000 prisoners of war were freed"))
        #expect(hit.end == 4)
        #expect(hit.captures["n"] == 0..<1)
        #expect(hit.captures["p"] == 1..<4)
    }

    @Test func backsOffAShorterPhraseWhenTheLongerOneCannotContinue() throws {
        // "prisoners of war" would leave "of" unmatched; "prisoners" lets "of war" follow.
        let hit = try #require(try longest("NUM @pow_noun of war", in: "1,000 prisoners of war", extraWords: ["of", "war"]))
        #expect(hit.end == 4)
    }

    @Test func repetitionIsGreedyButGivesBack() throws {
        let hit = try #require(try longest("_{0,5} n:NUM", in: "a b c 200 d"))
        #expect(hit.end == 4)
        #expect(hit.captures["n"] == 3..<4)
        #expect(try longest("_{0,2} NUM", in: "a b c 200") == nil)
    }

    @Test func theFirstWayToReachTheLongestEndSetsTheCaptures() throws {
        // Both alternatives end at the same place; the first one in the pattern wins.
        let hit = try #require(try longest("(x:WORD WORD | WORD y:WORD)", in: "alpha beta"))
        #expect(hit.captures["x"] == 0..<1)
        #expect(hit.captures["y"] == nil)
    }

    @Test func wordsOutsideTheVocabularyStillMatchAsText() throws {
        // "freed" is neither a lexicon word nor among the extra words: it is compared as text.
        let hit = try #require(try longest("NUM {were freed|freed}", in: "200 were freed"))
        #expect(hit.end == 3)
    }

    @Test func occursFindsAMatchAnywhereInTheRange() throws {
        let m = matcher("talks on a prisoner exchange went on")
        let pattern = try PatternParser.parse("@swap_noun")
        #expect(m.occurs(pattern, in: 0..<m.input.tokens.count))
        #expect(!m.occurs(pattern, in: 0..<3))
        #expect(m.allMatches(pattern, in: 0..<m.input.tokens.count).map { $0.start..<$0.end } == [3..<5])
    }

    @Test func aPathologicalPatternStaysBounded() throws {
        // Nested optional repetition over a long sentence: exponential for a naive backtracker.
        let text = Array(repeating: "word", count: 60).joined(separator: " ")
        let m = matcher(text)
        let pattern = try PatternParser.parse("(WORD? WORD?){0,16} NUM")
        #expect(m.longestMatch(pattern, at: 0, limit: m.input.tokens.count) == nil)
    }
}
