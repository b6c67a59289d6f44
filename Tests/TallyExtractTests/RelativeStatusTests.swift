import TallyCore
import Testing

@testable import TallyExtract

/// A part or an increment keeps its status only after a figure of its own subject; a stated total to date
/// frames the counts after it in its sentence.
@Suite struct RelativeStatusTests {
    func claim(_ subject: String, _ status: ClaimStatus?) -> Claim {
        Claim(
            doc: "a.txt", kind: "people", value: .number(1), low: .number(1), high: .number(1), qualifier: .exact, unit: nil, scope: nil,
            subject: subject, event: nil, speaker: nil, quote: "q", start: 0, end: 1, sentence: "s", rule: "r", status: status)
    }

    @Test func aPartOfAnotherSubjectIsAPlainCount() {
        var claims = [claim("hostage release", nil), claim("Israeli people freed", .subset)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil], sources: [.unmarked, .before])
        #expect(claims[1].status == nil)
    }

    @Test func anIncrementOfTheSameSubjectStaysOne() {
        var claims = [claim("bodies exchange", nil), claim("bodies exchange", .increment)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil], sources: [.unmarked, .before])
        #expect(claims[1].status == .increment)
    }

    @Test func theRuleDefaultReturnsAndEarlierSentencesAreLeftAlone() {
        var claims = [claim("x", .subset), claim("people missing", nil), claim("people killed", .increment)]
        RelativeStatus.settle(&claims, from: 1, defaults: [nil, .runningTotal], sources: [.unmarked, .before])
        #expect(claims[0].status == .subset)
        #expect(claims[2].status == .runningTotal)
    }

    @Test func aPartReadAfterTheFigureIsItsOwn() {
        // "… 10,100 missing, while an estimated 170 other people had been killed": "other" follows 170.
        var claims = [claim("people missing", nil), claim("people killed", .subset)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, .runningTotal], sources: [.unmarked, .after])
        #expect(claims[1].status == .subset)
    }

    @Test func aStatedTotalFramesTheCountsAfterIt() {
        // "During this period, 110 hostages were released as well as 230 Palestinian prisoners."
        var claims = [claim("hostage release", .runningTotal), claim("Palestinian people freed", nil)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil], sources: [.before, .unmarked])
        #expect(claims[1].status == .runningTotal)
    }

    @Test func aPartOfATotalToDateIsATotalToDate() {
        // "105 civilians were released during which time, including 81 Israelis, in exchange for 210 prisoners".
        var claims = [claim("hostage release", .runningTotal), claim("Israeli people freed", .subset), claim("Palestinian people freed", nil)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil, nil], sources: [.before, .before, .unmarked])
        #expect(claims.map(\.status) == [.runningTotal, .runningTotal, .runningTotal])
    }

    @Test func aCountAfterAWordOfAnotherTimeKeepsItsOwnStatus() {
        // "The total number of hostages freed so far rose to 102, after 17 hostages were released on Sunday."
        var claims = [claim("hostage release", .runningTotal), claim("hostage release", nil)]
        RelativeStatus.settle(&claims, from: 0, defaults: [nil, nil], sources: [.before, .unmarked], breaks: [false, true])
        #expect(claims[1].status == nil)
        var joined = [claim("hostage release", .runningTotal), claim("prisoner exchange", nil)]
        RelativeStatus.settle(&joined, from: 0, defaults: [nil, nil], sources: [.before, .unmarked], breaks: [false, false])
        #expect(joined[1].status == .runningTotal)
    }

    @Test func aRuleFilesDefaultTotalFramesNothing() {
        // "killing 1,200 people and taking 240 hostages": the toll's file default is no phrase of the text.
        var claims = [claim("people killed", .runningTotal), claim("hostages held", nil)]
        RelativeStatus.settle(&claims, from: 0, defaults: [.runningTotal, nil], sources: [.unmarked, .unmarked])
        #expect(claims[1].status == nil)
    }

    @Test func anIncrementOfAnotherSubjectInTheSentenceBeforeIsAPlainCount() {
        // "The toll rose to 11,300. Another 10,100 people are reported missing." — "another" is beyond the dead.
        var claims = [claim("people killed", .runningTotal), claim("people missing", .increment)]
        RelativeStatus.settle(&claims, from: 1, defaults: [nil], sources: [.before])
        #expect(claims[1].status == nil)
        // "… with 9,000 more still missing": "more" read after the figure is relative too.
        var after = [claim("bodies recovered", nil), claim("people missing", .increment)]
        RelativeStatus.settle(&after, from: 1, defaults: [nil], sources: [.after])
        #expect(after[1].status == nil)
        // Another of the same subject stays an increment.
        var same = [claim("people missing", nil), claim("people missing", .increment)]
        RelativeStatus.settle(&same, from: 1, defaults: [nil], sources: [.before])
        #expect(same[1].status == .increment)
    }
}
