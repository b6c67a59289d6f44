import Testing
@testable import TallyEvaluation

/// The shared scorer's folding and quote finding, which the figures of `corpus check --corpus` depend on.
@Suite struct FoldedTextTests {
    @Test func foldsTypographyCaseAndSpaceRuns() {
        let text = FoldedText("The Mayor said \u{201C}about  3\u{2009}000\u{201D} \u{2013} then\r\nmore.")
        #expect(String(String.UnicodeScalarView(text.scalars)) == "the mayor said \"about 3 000\" - then more.")
    }

    @Test func fileContentsReadWithUniversalNewlines() {
        let text = FoldedText(fileContents: Array("a\r\nb\rc".utf8))
        #expect(String(String.UnicodeScalarView(text.scalars)) == "a b c")
    }

    @Test func locateTakesTheOccurrenceNearestTheHint() {
        let text = FoldedText("12 boats left. Later 12 boats returned. Then 12 boats sank.")
        #expect(text.locate("12 boats") == 0..<8)
        #expect(text.locate("  12 Boats ", hint: 22) == 21..<29)
        #expect(text.locate("12 boats", hint: 60) == 45..<53)
        #expect(text.locate("   ") == nil)
        #expect(text.locate("13 boats") == nil)
    }

    @Test func placeFindsTheQuoteInsideItsOwnSentence() {
        let text = FoldedText("Crews found 40 cars. Crews found 40 cars and 3 vans.")
        // The quote stands twice; its sentence says which one.
        #expect(text.place(quote: "40 cars", sentence: "Crews found 40 cars and 3 vans.", hint: 0) == 33..<40)
        // A sentence not in the file: the quote nearest the offset.
        #expect(text.place(quote: "40 cars", sentence: "Not here.", hint: 30) == 33..<40)
        // A quote not in its sentence: the sentence itself.
        #expect(text.place(quote: "7 trucks", sentence: "Crews found 40 cars.", hint: 0) == 0..<20)
    }
}
