import Testing
import TallyCore
@testable import TallyNumerals

/// Money beyond the big three (issue 15): sub-units on their own, names after the figure, and the
/// wider set of currencies in `rules/lexicon/currencies.yaml`.
struct ScanContextUnitsTests {
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

    /// Bare "pounds" is weight, and a lone "p" needs digits glued to it.
    @Test func poundsAndPWithoutMoney() {
        #expect(describe("The parcel weighs 12 pounds.") == ["measure [12 pounds] 12 12..12 exact lb"])
        #expect(describe("See p 14 of the report.").allSatisfy { !$0.hasPrefix("money") })
    }

    /// A figure that ends the text has no unit after it to look at.
    @Test func aFigureAtTheEnd() {
        #expect(describe("The bill came to 12") == ["number [12] 12 12..12 exact"])
        #expect(describe("12") == ["number [12] 12 12..12 exact"])
    }

    /// Units of measure of general news (`rules/lexicon/measures.yaml`): a `measure` with its unit.
    @Test(arguments: [
        ("The phone ships with 256GB of storage.", "measure [256GB] 256 256..256 exact GB"),
        ("Home lines reach 300 Mbps in the capital.", "measure [300 Mbps] 300 300..300 exact Mbps"),
        ("The turbine produces 3.6 MW at full wind.", "measure [3.6 MW] 3.6 3.6..3.6 exact MW"),
        ("The country used 4.1 TWh last winter.", "measure [4.1 TWh] 4.1 4.1..4.1 exact TWh"),
        ("Gusts hit 95 km/h on the coast.", "measure [95 km/h] 95 95..95 exact km/h"),
        ("The limit is 20mph near schools.", "measure [20mph] 20 20..20 exact mph"),
        ("Rain of 18mm fell overnight.", "measure [18mm] 18 18..18 exact mm"),
        ("A 26-tonne lorry overturned.", "measure [26-tonne] 26 26..26 exact tonnes"),
        ("The relay covered 212 miles.", "measure [212 miles] 212 212..212 exact miles"),
        ("It reached 41.2°C in the shade.", "measure [41.2°C] 41.2 41.2..41.2 exact °C"),
        ("Chargers deliver 7-22 kW.", "measure [7-22 kW] nil 7..22 range kW"),
    ])
    func measuresAreRead(_ text: String, _ expected: String) {
        #expect(describe(text) == [expected])
    }

    /// "5G" is a network generation and a bare "m" is million, not metres.
    @Test func namesAndLettersAreNoUnits() {
        #expect(describe("The 5G rollout covers 40 towns.") == ["number [40] 40 40..40 exact"])
        #expect(describe("The budget is 3m this year.").allSatisfy { !$0.hasPrefix("measure") })
    }

    /// Sizes convert to a base unit, so 2 TB and 2,000 GB are the same figure.
    @Test func measuresConvertToABaseUnit() {
        let vocabulary = scanner.vocabulary
        #expect(vocabulary.baseValue(2, unit: "TB")?.value == vocabulary.baseValue(2000, unit: "GB")?.value)
        #expect(vocabulary.baseValue(2, unit: "TB")?.unit == "bytes")
        #expect(vocabulary.baseValue(1, unit: "°C") == nil)
    }

    /// A night is a day of a stay ("two nights in jail").
    @Test func nightsAreDays() {
        let q = scanner.scan(text: "He spent two nights in jail.")
        #expect(q.count == 1 && q[0].kind == .duration && q[0].unit == "days" && q[0].value?.number == 2)
    }
}
