import Testing

@testable import TallyExtract

@Suite struct RequiredTokensTests {
    typealias AnyOf = RequiredTokens.AnyOf

    func groups(_ pattern: String) throws -> [AnyOf] { try PatternParser.parse(pattern).requiredTokens.groups }

    @Test func aSequenceRequiresEachOfItsParts() throws {
        #expect(try groups("n:NUM WORD{0,3} @pow_noun") == [AnyOf(classes: ["pow_noun"])])
        #expect(try groups("at least n:NUM") == [AnyOf(words: ["at"]), AnyOf(words: ["least"])])
    }

    @Test func wordOptionsRequireOneOfTheirFirstWordsAndTheWordsTheyShare() throws {
        #expect(try groups("{people|protesters|marchers}") == [AnyOf(words: ["people", "protesters", "marchers"])])
        #expect(try groups("{on each side|on both sides}") == [AnyOf(words: ["on"])])
    }

    @Test func optionalPartsRequireNothing() throws {
        #expect(try groups("n:NUM @pow_noun? {held|kept}{0,2}") == [])
    }

    @Test func alternativesRequireWhatEveryOptionHasAndSomethingOfEachOption() throws {
        // Either a crowd noun and "of", or crowd words: each option gives its smallest (first smallest) group.
        #expect(try groups("@crowd_noun of n:NUM | n:NUM WORD{0,2} {people|protesters} {marched|rallied}")
            == [AnyOf(words: ["people", "protesters"], classes: ["crowd_noun"])])
        // A group every option has stays a group of its own.
        #expect(try groups("@swap_noun n:NUM | n:NUM WORD @swap_noun") == [AnyOf(classes: ["swap_noun"])])
        // An option that requires nothing makes the whole alternation require nothing.
        #expect(try groups("@swap_noun n:NUM | n:NUM") == [])
    }
}
