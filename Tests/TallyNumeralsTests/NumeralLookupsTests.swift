import Testing
import TallyCore
@testable import TallyNumerals

/// The lookups the numerals layer exports for tools outside it (`Quantity+Seconds.swift`, `CardinalWords.swift`).
struct NumeralLookupsTests {
    @Test func durationsInSeconds() {
        let seconds = describeSeconds(["about an hour", "two weeks", "90 minutes", "a year", "400 children"])
        #expect(seconds == [3600, 1_209_600, 5400, 31_536_000, nil])
    }

    func describeSeconds(_ texts: [String]) -> [Double?] {
        texts.map { text in scanner.scan(TextAnalysis(text: text), reference: nil).first?.valueInSeconds }
    }

    @Test func cardinalWordsBelowAHundred() {
        #expect(CardinalWords.value(of: "nineteen") == 19)
        #expect(CardinalWords.value(of: "ninety") == 90)
        #expect(CardinalWords.value(of: "zero") == 0)
        #expect(CardinalWords.value(of: "hundred") == nil)
        #expect(CardinalWords.value(of: "twenty-one") == nil)
    }
}
