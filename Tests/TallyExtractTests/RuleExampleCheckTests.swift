import Foundation
import TallyCore
import Testing

@testable import TallyExtract

/// Examples are judged on the claim they mark.
@Suite struct RuleExampleCheckTests {
    static let rules = Result { try RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path) }

    @Test func theClaimBeginningInsideTheMarkIsTheOneJudged() throws {
        let rules = try Self.rules.get()
        let check = RuleExampleCheck(extractor: Extractor(rules: rules))
        let rule = try #require(rules.rules.first { $0.id == "casualties.group-included" })
        // The claim of 29 reaches over the mark; the claim of five begins inside it.
        let (text, marked) = RuleExample.unmark("Another 29 persons, [[including five MBBS students]], on the ground were killed.")
        let example = RuleExample(text: text, marked: marked, expect: ["value": "5"], published: nil, line: 1)
        #expect(check.check(example: example, of: rule).isEmpty)
        let wrong = RuleExample(text: text, marked: marked, expect: ["value": "29"], published: nil, line: 1)
        #expect(!check.check(example: wrong, of: rule).isEmpty)
    }
}
