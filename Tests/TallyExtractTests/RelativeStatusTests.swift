import TallyCore
import Testing

@testable import TallyExtract

/// A part or an increment keeps its status only after a figure of its own subject.
@Suite struct RelativeStatusTests {
    func claim(_ subject: String, _ status: ClaimStatus?) -> Claim {
        Claim(
            doc: "a.txt", kind: "people", value: .number(1), low: .number(1), high: .number(1), qualifier: .exact, unit: nil, scope: nil,
            subject: subject, event: nil, speaker: nil, quote: "q", start: 0, end: 1, sentence: "s", rule: "r", status: status)
    }

    @Test func aPartOfAnotherSubjectIsAPlainCount() {
        var claims = [claim("hostage release", nil), claim("Israeli people freed", .subset)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil], markedBefore: [true, true])
        #expect(claims[1].status == nil)
    }

    @Test func anIncrementOfTheSameSubjectStaysOne() {
        var claims = [claim("bodies exchange", nil), claim("bodies exchange", .increment)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil], markedBefore: [true, true])
        #expect(claims[1].status == .increment)
    }

    @Test func theRuleDefaultReturnsAndEarlierSentencesAreLeftAlone() {
        var claims = [claim("x", .subset), claim("people missing", nil), claim("people killed", .increment)]
        RelativeStatus.settle(&claims, from: 1, defaults: [nil, .runningTotal], markedBefore: [true, true])
        #expect(claims[0].status == .subset)
        #expect(claims[2].status == .runningTotal)
    }

    @Test func aPartReadAfterTheFigureIsItsOwn() {
        // "… 10,100 missing, while an estimated 170 other people had been killed": "other" follows 170.
        var claims = [claim("people missing", nil), claim("people killed", .subset)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, .runningTotal], markedBefore: [false, false])
        #expect(claims[1].status == .subset)
    }
}
