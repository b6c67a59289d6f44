import Testing
import TallyCore
@testable import TallyExtract

/// A claim carries the move its figure states (issue 15): `change` and `from` from the numerals layer.
struct ExtractorChangeTests {
    @Test func claimsCarryChangeAndFrom() throws {
        let rules = try RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path)
        let text = "The cost of the new bridge fell from $410 million to $365 million, officials said."
        let claims = Extractor(rules: rules).extract(Document(id: "a.txt", published: nil, text: text))
        let money = try #require(claims.first { $0.kind == "money" && $0.value == .number(365_000_000) })
        #expect(money.change == .down)
        #expect(money.from == .number(410_000_000))
        #expect(claims.filter { $0.kind == "money" }.allSatisfy { $0.low != .number(365_000_000) || $0.high != .number(410_000_000) })
    }
}
