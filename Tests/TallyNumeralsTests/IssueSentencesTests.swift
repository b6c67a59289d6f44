import Testing
import TallyCore
@testable import TallyNumerals

/// The ten sentences issue 3 says must come out exactly right (value or interval, qualifier, unit,
/// kind), read against a publication date of Monday 2 June 2025.
struct IssueSentencesTests {
    static let cases: [(String, [String])] = [
        (
            "Medinsky said the swap would involve “at least 1,000” on each side – topping the 1,000 for 1,000 POW exchange agreed at talks in May.",
            ["number [at least 1,000] 1,000 1,000..nil at_least", "per_side [1,000 for 1,000] 1,000 1,000..1,000 exact", "date [May] 2025-05 2025-05..2025-05 exact"]
        ),
        (
            "While Umerov said the two sides agreed to a “6,000-for-6,000” exchange of fallen soldiers’ remains, Medinsky said Russia would “unilaterally” hand over 6,000 bodies.",
            ["number [two] 2 2..2 exact", "per_side [6,000-for-6,000] 6,000 6,000..6,000 exact", "number [6,000] 6,000 6,000..6,000 exact"]
        ),
        (
            "The Istanbul meeting, which lasted less than two hours, marked the second time the warring countries have convened for direct talks in less than a month.",
            ["duration [less than two hours] 2 nil..2 less_than hours", "duration [less than a month] 1 nil..1 less_than months"]
        ),
        (
            "The brief, roughly 90-minute session held on Monday, June 2nd, under Turkish mediation.",
            ["duration [roughly 90-minute] 90 90..90 approximate minutes", "date [Monday, June 2nd] 2025-06-02 2025-06-02..2025-06-02 exact"]
        ),
        (
            "Medinsky said the upcoming swap would involve between 1,000 and 1,200 prisoners.",
            ["range [between 1,000 and 1,200] nil 1,000..1,200 range"]
        ),
        (
            "A list of nearly 400 abducted Ukrainian children, of whom Russia agreed to work on returning only 10.",
            ["number [nearly 400] 400 nil..400 less_than", "number [10] 10 10..10 exact"]
        ),
        (
            "Ukrainian intelligence assessed the total loss at $7 billion to $52 billion.",
            ["money [$7 billion to $52 billion] nil 7,000,000,000..52,000,000,000 range USD"]
        ),
        (
            "We have proposed a specific ceasefire for two to three days in certain areas of the front line.",
            ["duration [two to three days] nil 2..3 range days"]
        ),
        (
            "Ukraine has proposed further talks on a date between June 20 and June 30.",
            ["date [between June 20 and June 30] nil 2025-06-20..2025-06-30 range"]
        ),
        (
            "Captives under age 25 and soldiers aged 18 to 25 will be exchanged, the ministry said, days after drones hit 41 planes, including Tu-160 and Tu-22 bombers.",
            ["age [under age 25] 25 nil..25 less_than years", "age [aged 18 to 25] nil 18..25 range years", "number [41] 41 41..41 exact"]
        ),
    ]

    @Test(arguments: cases.indices)
    func sentence(_ index: Int) {
        let (text, expected) = Self.cases[index]
        #expect(describe(text) == expected)
    }

    /// Offsets are exact scalar offsets into the original text, curly quotes and dashes included.
    @Test func offsetsPointIntoTheOriginalText() {
        let text = Self.cases[0].0
        let analysis = TextAnalysis(text: text)
        let quantities = scanner.scan(analysis, reference: june2)
        let scalars = Array(text.unicodeScalars)
        for q in quantities {
            #expect(q.start < q.end && q.end <= scalars.count)
        }
        #expect(analysis.slice(quantities[0].start, quantities[0].end) == "at least 1,000")
        #expect(quantities[0].tokens.count == 3)
    }
}
