import Testing
import TallyMemory
@testable import TallyNumerals

/// The layout assumptions behind the scanner's fast paths, checked on this platform.
struct InterningTests {
    @Test func grammarWordIdsFollowDeclarationOrder() {
        #expect(GrammarWord.allCases.count <= 256)
        for (k, g) in GrammarWord.allCases.enumerated() { #expect(g.id == k) }
        let members: [GrammarWord] = [.and, .hyphen, .www, .other]
        let set = GrammarWordSet(members)
        for g in GrammarWord.allCases { #expect(set.contains(g) == members.contains(g)) }
        for g in GrammarWord.allCases where g != .other { #expect(GrammarWord.byText[g.rawValue] == g) }
    }

    @Test func shortWordsAreOrdinaryStrings() {
        #expect(SmallASCII.available)
        for word in ["a", "Kyiv", "abcdefgh", "Internationally", "ABCDEFGHIJKLMNO", "Counterintelligence"] {
            let token = TextAnalysis(text: word + " 5").tokens[0]
            #expect(token.text == word && token.lower == word.lowercased())
            #expect(Array(token.lower.utf8) == Array(word.lowercased().utf8) && token.lower.hashValue == word.lowercased().hashValue)
        }
    }

    @Test func smallStringsOfEveryLengthInsideAndAtTheEndOfTheText() {
        let letters = "aBcDeFgHiJkLmNoPq"
        for length in 1...17 {
            let word = String(letters.prefix(length))
            for text in [word + " " + String(repeating: "x", count: 20), "y " + word] {
                let tokens = TextAnalysis(text: text).tokens
                let token = tokens.first { $0.text.utf8.count == length && $0.text.first == "a" }!
                #expect(token.text == word && token.lower == word.lowercased())
                #expect(Array(token.text.utf8) == Array(word.utf8) && token.lower.hashValue == word.lowercased().hashValue)
            }
            let digits = String("12345678901234567".prefix(length))
            let number = TextAnalysis(text: "n " + digits + " m").tokens[1]
            #expect(number.text == digits && number.lower == digits && number.kind == .number)
        }
    }

    @Test func digitValuesMatchStringParsing() {
        for text in ["0", "007", "16", "2022", "1,000", "2.5", "0.1", "1 000", "3.14159", "123456789012345", "1234567890123456.5",
            "9223372036854775807", "99999999999999999999", "192.168.1.2"]
        {
            let parsed = NumberValue(text)
            #expect(parsed.value == parseDigitText(text)?.value, "\(text)")
            #expect(parsed.int == (parsed.plain ? Int(text) : nil), "\(text)")
        }
        for digits in ["5", "77", "125", "000001", "1234567890123456789"] {
            #expect(NumberValue.fraction(digits) == Double("0." + digits), "\(digits)")
        }
    }
}
