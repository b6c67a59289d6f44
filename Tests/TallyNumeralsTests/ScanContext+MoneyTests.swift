import Testing
import TallyCore
@testable import TallyNumerals

/// Money beyond the big three (issue 15): sub-units on their own, names after the figure, and the
/// wider set of currencies in `rules/lexicon/currencies.yaml`.
struct ScanContextMoneyTests {
    @Test(arguments: [
        ("The bus fare went up by 35 cents.", "money [35 cents] 0.35 0.35..0.35 exact USD"),
        ("Each share will pay a 15-cent dividend.", "money [15-cent] 0.15 0.15..0.15 exact USD"),
        ("The stock closed at 348 pence.", "money [348 pence] 3.48 3.48..3.48 exact GBP"),
        ("A loaf now costs 140p in most shops.", "money [140p] 1.4 1.4..1.4 exact GBP"),
        ("The ransom? Not one cent.", "money [one cent] 0 0..0 exact USD"),
        ("The bank lent 640 million francs to the canton.", "money [640 million francs] 640,000,000 640,000,000..640,000,000 exact CHF"),
        ("Profits reached 97 million pounds in total.", "money [97 million pounds] 97,000,000 97,000,000..97,000,000 exact GBP"),
        ("Tickets cost Rs 750 at the gate.", "money [Rs 750] 750 750..750 exact INR"),
        ("A meal costs RM18 in the capital.", "money [RM18] 18 18..18 exact MYR"),
        ("Exports rose to HK$ 3.2 billion.", "money [HK$ 3.2 billion] 3,200,000,000 3,200,000,000..3,200,000,000 exact HKD"),
        ("The deal was worth 80 million Dutch guilders.", "money [80 million Dutch guilders] 80,000,000 80,000,000..80,000,000 exact NLG"),
    ])
    func moneyIsRead(_ text: String, _ expected: String) {
        #expect(describe(text) == [expected])
    }

    /// Bare "pounds" is weight and a lone "p" needs digits glued to it.
    @Test func poundsAndPWithoutMoney() {
        #expect(describe("The parcel weighs 12 pounds.") == ["number [12] 12 12..12 exact"])
        #expect(describe("See p 14 of the report.").allSatisfy { !$0.hasPrefix("money") })
    }
}
