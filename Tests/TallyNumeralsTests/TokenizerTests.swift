import Testing
import TallyCore
@testable import TallyNumerals

struct TokenizerTests {
    func texts(_ s: String) -> [String] { TextAnalysis(text: s).tokens.map(\.text) }

    @Test func hyphensSplitAndAdjacencyIsRecorded() {
        let tokens = TextAnalysis(text: "a 6,000-for-6,000 swap").tokens
        #expect(tokens.map(\.text) == ["a", "6,000", "-", "for", "-", "6,000", "swap"])
        #expect(tokens.map(\.spaceBefore) == [true, true, false, false, false, false, true])
        #expect(tokens[1].kind == .number && tokens[2].kind == .punct && tokens[3].kind == .word)
    }

    @Test func numbersKeepSeparatorsAndDecimals() {
        #expect(texts("1,000 and 2.5 and 1,200,000.75") == ["1,000", "and", "2.5", "and", "1,200,000.75"])
        #expect(texts("1,2,3") == ["1", ",", "2", ",", "3"])
        #expect(texts("in 2022.") == ["in", "2022", "."])
    }

    @Test func noBreakAndThinSpacesGroupDigits() {
        for space in ["\u{00A0}", "\u{202F}", "\u{2009}"] {
            let tokens = TextAnalysis(text: "1\(space)000 people").tokens
            #expect(tokens.count == 2)
            #expect(tokens[0].text == "1 000" && tokens[0].kind == .number)
            #expect(tokens[0].start == 0 && tokens[0].end == 5)
        }
    }

    @Test func anOrdinarySpaceGroupsThousandsOnlyInANumberGroupedNoOtherWay() {
        #expect(texts("2 500 for 2 500") == ["2 500", "for", "2 500"])
        #expect(texts("12 000 000") == ["12 000 000"])
        #expect(texts("2023 500") == ["2023", "500"])  // four digits before the space: two numbers
        #expect(texts("1,000 500") == ["1,000", "500"])  // grouped by commas already
        #expect(texts("3 50") == ["3", "50"])  // a group is three digits
        #expect(texts("1 0000") == ["1", "0000"])
    }

    @Test func aSpaceGroupsNoThousandsAfterDigitsBoundToWhatPrecedesThem() {
        // A day after its month, written out or abbreviated, then a count.
        #expect(texts("On May 5 200 prisoners") == ["On", "May", "5", "200", "prisoners"])
        #expect(texts("Sept. 11 300 firefighters") == ["Sept", ".", "11", "300", "firefighters"])
        #expect(texts("on 12 March 4 000 left") == ["on", "12", "March", "4 000", "left"])
        #expect(texts("on\u{00A0}May 5\u{00A0}200 prisoners").count == 5)
        // A number labelled by an abbreviation, or glued to a code, a time or a date.
        #expect(texts("No. 5 200") == ["No", ".", "5", "200"])
        #expect(texts("MH17 298 people") == ["MH", "17", "298", "people"])
        #expect(texts("Covid-19 300 deaths") == ["Covid", "-", "19", "300", "deaths"])
        #expect(texts("in 2023-24 500 died") == ["in", "2023", "-", "24", "500", "died"])
        // A hyphen inside a compound of words binds nothing.
        #expect(texts("a 2 000-for-2 000 swap") == ["a", "2 000", "-", "for", "-", "2 000", "swap"])
        #expect(texts("at 10:30 200 people") == ["at", "10", ":", "30", "200", "people"])
        // A year has four digits: never a first group.
        #expect(texts("in 2023 150 people") == ["in", "2023", "150", "people"])
        // Elsewhere the space still groups: "may" as a verb is no month, nor is a word ending in one.
        #expect(texts("some 4 000 people") == ["some", "4 000", "people"])
        #expect(texts("they may 5 000 times") == ["they", "may", "5 000", "times"])
        #expect(texts("Dismay 5 000") == ["Dismay", "5 000"])
        #expect(texts("($4 500)") == ["(", "$", "4 500", ")"])
    }

    @Test func indianGroupingIsOneNumber() {
        #expect(texts("12,34,567.89 rupees") == ["12,34,567.89", "rupees"])
        #expect(texts("1,00,000") == ["1,00,000"])
        #expect(texts("1,2,3 and 12,34") == ["1", ",", "2", ",", "3", "and", "12", ",", "34"])
        #expect(texts("12,34,5678") == ["12", ",", "34", ",", "5678"])
    }

    @Test func punctuationIsNormalisedButOffsetsAreExact() {
        let text = "“at least 1,000” – he said’s"
        let tokens = TextAnalysis(text: text).tokens
        #expect(tokens.map(\.text) == ["\"", "at", "least", "1,000", "\"", "-", "he", "said", "'s"])
        let scalars = Array(text.unicodeScalars)
        #expect(tokens[5].start == 17 && String(scalars[17]) == "–")
        #expect(tokens[8].start == 26 && tokens[8].end == 28)
    }

    @Test func wordsKeepInnerApostrophesAndUnicodeLetters() {
        #expect(texts("don't Kyiv’s Zelensky’s Чернігів café") == ["don't", "Kyiv", "'s", "Zelensky", "'s", "Чернігів", "café"])
        let tokens = TextAnalysis(text: "O’Brien").tokens
        #expect(tokens.count == 1 && tokens[0].text == "O'Brien" && tokens[0].lower == "o'brien")
    }

    @Test func modelNamesAreAdjacentTokenSequences() {
        #expect(texts("Tu-160 F-16 90-minute month-long") == ["Tu", "-", "160", "F", "-", "16", "90", "-", "minute", "month", "-", "long"])
    }

    @Test func emptyAndOddInputDoNotCrash() {
        #expect(TextAnalysis(text: "").tokens.isEmpty)
        #expect(TextAnalysis(text: "   \n\n ").sentences.isEmpty)
        #expect(TextAnalysis(text: "🙂 1,").tokens.map(\.text) == ["🙂", "1", ","])
    }
}

struct SentenceTests {
    func sentences(_ s: String) -> [String] {
        let analysis = TextAnalysis(text: s)
        return analysis.sentences.map { analysis.slice($0.start, $0.end) }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("Mr. Smith met Gen. Syrskyi in the U.S. on Jan. 5. They talked.") == [
            "Mr. Smith met Gen. Syrskyi in the U.S. on Jan. 5.", "They talked.",
        ])
        #expect(sentences("See No. 5 now. No. That is all.") == ["See No. 5 now.", "No.", "That is all."])
    }

    @Test func quotesAfterTheStopBelongToTheSentence() {
        #expect(sentences("He said: “We agreed.” Then he left!") == ["He said: “We agreed.”", "Then he left!"])
    }

    @Test func decimalsAndLowercaseContinuations() {
        #expect(sentences("It grew 2.5 per cent. e.g. this is one.") == ["It grew 2.5 per cent. e.g. this is one."])
    }

    @Test func newlinesEndSentencesAndCountParagraphs() {
        let analysis = TextAnalysis(text: "Headline without stop\n\nFirst para. Second sentence.\nNext para")
        #expect(analysis.sentences.map(\.paragraph) == [0, 1, 1, 2])
        #expect(analysis.sentences.map { analysis.slice($0.start, $0.end) } == ["Headline without stop", "First para.", "Second sentence.", "Next para"])
        #expect(analysis.sentences[1].tokens == 3..<6)
    }

    /// `slice` reads the UTF-8 bytes through a scalar→byte table: it must equal slicing the scalars,
    /// for every span, in ASCII and non-ASCII text (1–4 byte scalars, checkpoints every 32 scalars).
    @Test func sliceMatchesScalarSlicing() {
        let pieces = ["plain ascii text ", "Київ’s “30 000” ", "€5\u{00A0}000 ", "emoji 🇺🇦👍 ", "e\u{301}te\u{0301} ", "\r\n\u{2028}x "]
        var text = ""
        for k in 0..<40 { text += pieces[k % pieces.count] }
        for sample in [text, "abc", "", "ж", String(repeating: "ü", count: 70)] {
            let analysis = TextAnalysis(text: sample)
            let scalars = Array(sample.unicodeScalars)
            #expect(analysis.scalarCount == scalars.count)
            #expect(analysis.scalars == scalars)
            var starts = Array(stride(from: 0, through: scalars.count, by: 7))
            starts += [0, 1, 31, 32, 33, 63, 64, 65, scalars.count - 1, scalars.count, scalars.count + 3, -2]
            for a in starts {
                for b in starts {
                    let from = max(0, min(a, scalars.count))
                    let to = max(from, min(b, scalars.count))
                    let expected = String(String.UnicodeScalarView(scalars[from..<to]))
                    #expect(analysis.slice(a, b) == expected, "\(a)..<\(b)")
                }
            }
        }
    }

    @Test func lineBreaksOfEveryKindEndSentences() {
        for br in ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            let analysis = TextAnalysis(text: "One two\(br)three four \t five")
            #expect(analysis.sentences.count == 2, "\(br.unicodeScalars.map(\.value))")
            #expect(analysis.sentences.map(\.paragraph) == [0, 1])
        }
        #expect(TextAnalysis(text: "One two\u{00A0}three\u{2003}four").sentences.count == 1)
    }
}

/// The tokenizer fills arrays sized for one token per three bytes; denser text continues in
/// further pieces, with the same tokens and offsets.
struct TokenizerStorageTests {
    @Test func denseTextSpillsIntoFurtherPieces() {
        let dense = String(repeating: "a,", count: 500) + "Kyiv's 1,000 “x” " + String(repeating: ".", count: 300)
        var copy = dense
        let tokens = Tokenizer.analyse(&copy).tokens
        #expect(tokens.count == 1000 + 6 + 300)
        #expect(tokens[999].text == "," && tokens[1000].text == "Kyiv" && tokens[1001].text == "'s" && tokens[1001].kind == .word)
        #expect(tokens[1002].text == "1,000" && tokens[1003].text == "\"" && tokens.last!.text == ".")
        var s = 0
        for t in tokens {
            #expect(t.start >= s)
            s = t.end
        }
        let analysis = TextAnalysis(text: dense)
        for t in analysis.tokens.indices where analysis.tokens[t].kind != .punct || analysis.tokens[t].text != "\"" {
            #expect(analysis.slice(analysis.tokens[t].start, analysis.tokens[t].end) == analysis.tokens[t].text)
        }
    }
}
