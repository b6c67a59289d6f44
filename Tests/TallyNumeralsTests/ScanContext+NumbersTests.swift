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
    ])
    func digitForms(_ text: String, _ expected: String) {
        #expect(describe(text) == [expected])
    }

    /// A letter after digits that is no exponent leaves a code, not a number.
    @Test func codesAreNoExponents() {
        #expect(describe("Model 7e4x ships soon.").isEmpty)
    }
}
