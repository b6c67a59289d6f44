import Testing
import TallyCore
@testable import TallyNumerals

/// Hedges that belong to the next figure, and shares after a comparison (issue 15).
struct ScanContextPhrasesTests {
    @Test(arguments: [
        ("Turnout was 48 or higher than 45 in most wards.", ["number [48] 48 48..48 exact", "number [higher than 45] 45 45..nil more_than"]),
        ("Bids of more than 700 or equal to 900 were refused.", ["number [more than 700] 700 700..nil more_than", "number [900] 900 900..900 exact"]),
        ("Fares of 30 or more were capped.", ["number [30 or more] 30 30..nil at_least"]),
        ("Fares of 30 or more than that were capped.", ["number [30 or more than that] 30 30..nil at_least"]),
        ("Less than half voters turned out.", ["number [Less than half] 0.5 nil..0.5 less_than fraction"]),
    ])
    func comparisonsAndShares(_ text: String, _ expected: [String]) {
        #expect(describe(text) == expected)
    }
}
