import Testing
@testable import TallyExtract

@Suite struct PatternParserTests {
    @Test func parsesCapturesClassesSetsAndRepetition() throws {
        let pattern = try PatternParser.parse("n:NUM WORD{0,3} {prisoner exchange|swap} @pow_noun? (a | b c)+")
        #expect(pattern.captureNames == ["n"])
        #expect(pattern.lexiconClasses == ["pow_noun"])
        guard case .sequence(let items) = pattern else {
            Issue.record("expected a sequence")
            return
        }
        #expect(items.count == 5)
        #expect(items[1] == .repeated(.word, min: 0, max: 3))
        #expect(items[2] == .words([["prisoner", "exchange"], ["swap"]]))
    }

    @Test(arguments: [
        ("n:NUM (a", 7, "unclosed '('"),
        ("{a|b", 1, "unclosed '{'"),
        ("FOO bar", 1, "unknown number type 'FOO'"),
        ("a | ) b", 5, "unexpected ')'"),
    ])
    func reportsProblemsWithTheirColumn(text: String, column: Int, message: String) {
        #expect(throws: PatternParser.Problem.self) { try PatternParser.parse(text) }
        do {
            _ = try PatternParser.parse(text)
        } catch {
            #expect(error.column == column)
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func quotedLiteralsMatchPunctuationAndReservedWords() throws {
        #expect(try PatternParser.parse("\"-\" 'NUM'") == .sequence([.literal("-"), .literal("num")]))
    }
}
