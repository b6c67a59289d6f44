import Testing
import TallyCore
@testable import TallyNumerals

/// Digit forms (issue 15).
struct ScanContextNumbersTests {
    @Test(arguments: [
        ("The survey counted 2e6 nests.", "number [2e6] 2,000,000 2,000,000..2,000,000 exact"),
        ("A dose of 4.5e-3 grams was found.", "measure [4.5e-3 grams] 0.0045 0.0045..0.0045 exact grams"),
        ("Registers hold 6.02E+23 entries.", "number [6.02E+23] 6.02e+23 6.02e+23..6.02e+23 exact"),
        ("Some 14 500 homes were flooded.", "number [Some 14 500] 14,500 14,500..14,500 approximate"),
        ("The fund holds 12,34,567 shares.", "number [12,34,567] 1,234,567 1,234,567..1,234,567 exact"),
        ("It measured two and fifty-four hundredths.", "number [two and fifty-four hundredths] 2.54 2.54..2.54 exact"),
        ("Growth of 1.5^2 follows.", "number [1.5^2] 2.25 2.25..2.25 exact"),
        ("It is 2^-2 of it.", "number [2^-2] 0.25 0.25..0.25 exact"),
        ("Some 1.3x10^6 cells.", "number [Some 1.3x10^6] 1,300,000 1,300,000..1,300,000 approximate"),
    ])
    func digitForms(_ text: String, _ expected: String) {
        #expect(describe(text) == [expected])
    }

    /// A day, a year or a labelled number then a count: two mentions, never one number grouped by the space.
    @Test func aDayOrYearBeforeACountStaysApart() {
        let may = describe("On May 5 200 prisoners were freed.")
        #expect(may == ["date [May 5] 2025-05-05 2025-05-05..2025-05-05 exact", "number [200] 200 200..200 exact"])
        let year = describe("In 2023 150 people died.")
        #expect(year.count == 2 && year[1] == "number [150] 150 150..150 exact")
        let sept = describe("On Sept. 11 300 firefighters died.")
        #expect(sept.count == 2 && sept[1] == "number [300] 300 300..300 exact")
        #expect(sept[0].hasPrefix("date [Sept. 11]"))
    }

    /// "and" joins the tail of a number, not a second number with a scale already passed, nor a zero.
    @Test func andJoinsOnlyATail() {
        let two = describe("3 hundred and 2 hundred are two numbers.")
        #expect(two.count == 3 && two[0].hasPrefix("number [3 hundred] 300 ") && two[1].hasPrefix("number [2 hundred] 200 "))
        let zero = describe("4 thousand 3 hundred and 0 remain.")
        #expect(zero.count == 2 && zero[0].hasPrefix("number [4 thousand 3 hundred] 4,300 ") && zero[1].hasPrefix("number [0] 0 "))
        #expect(describe("two hundred and three thousand people").first?.hasPrefix("number [two hundred and three thousand] 203,000") == true)
        #expect(describe("one thousand and two hundred people").first?.hasPrefix("number [one thousand and two hundred] 1,200") == true)
        #expect(describe("three hundred and twenty-one people").first?.hasPrefix("number [three hundred and twenty-one] 321") == true)
    }

    /// Billionths and trillionths are fractions as millionths are; "the billionth visitor" is an ordinal.
    @Test func scaleDenominators() {
        let q = scanner.scan(text: "It takes a trillionth of a second.")
        #expect(q.count == 1 && q[0].kind == .duration && q[0].value?.number == 1e-12)
        #expect(scanner.scan(text: "Two billionths remain.").first?.value?.number == 2e-9)
        #expect(scanner.scan(text: "She was the billionth visitor.").isEmpty)
        // A numerator with a scale takes a larger scale's plural, and no smaller denominator.
        #expect(scanner.scan(text: "It is a hundred trillionths.").first?.value?.number == 1e-10)
        #expect(scanner.scan(text: "It is a million fifths.").first?.value?.number == 1e6)
    }

    /// A caret not followed by a figure, or a code after it, is no power.
    @Test func aCaretWithoutAFigureIsNoPower() {
        #expect(describe("Score 5^ here.") == ["number [5] 5 5..5 exact"])
        #expect(describe("Code 7^2b ships.").allSatisfy { !$0.contains("49") })
    }

    /// A letter after digits that is no exponent leaves a code, not a number.
    @Test func codesAreNoExponents() {
        #expect(describe("Model 7e4x ships soon.").isEmpty)
    }
}
