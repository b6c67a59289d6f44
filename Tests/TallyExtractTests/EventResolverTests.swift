import TallyCore
import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct EventResolverTests {
    static let recalledEvents = try! RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path).recalledEvents

    static func events(_ text: String, published: String) -> (TextAnalysis, [Quantity], EventResolver.Events) {
        let analysis = TextAnalysis(text: text)
        let reference = CalendarDate(iso: published)
        let quantities = NumeralScanner().scan(analysis, reference: reference)
        return (analysis, quantities, EventResolver(probe: TokenLookup(analysis), quantities: quantities, published: reference, recalledEvents: recalledEvents).resolve())
    }

    @Test func anEarlierDateMovesOnlyItsClause() {
        let (analysis, quantities, events) = EventResolverTests.events(
            "The delegations met on Monday and swapped 500 prisoners (after 300 were swapped on May 16; more followed) since May 2.",
            published: "2025-06-03")
        #expect(events.main == "2025-06-02")
        let may16 = try! #require(quantities.first { $0.value?.date == CalendarDate(year: 2025, month: 5, day: 16) })
        #expect(events.event(at: may16.tokens.lowerBound) == "2025-05-16")
        let swapped = try! #require(analysis.tokens.firstIndex { $0.text == "300" })
        #expect(events.event(at: swapped) == "2025-05-16")
        let more = try! #require(analysis.tokens.firstIndex { $0.text == "more" })
        #expect(events.event(at: more) == "2025-06-02")
        #expect(events.dates.filter { $0.earlier != nil }.count == 1)  // "since May 2" marks no event
    }

    @Test func aFigureTakesItsNearestDateAndDatesAfterFollowingNameNoEvent() {
        let (analysis, _, events) = EventResolverTests.events(
            "Officials said 14 hostages taken following the attacks on Oct 7 would be freed on Nov 25, and 42 prisoners on May 3.",
            published: "2023-11-25")
        #expect(events.main == "2023-11-25")
        let hostages = try! #require(analysis.tokens.firstIndex { $0.text == "14" })
        #expect(events.event(at: hostages) == "2023-11-25")  // Oct 7 follows "following": no event
        let prisoners = try! #require(analysis.tokens.firstIndex { $0.text == "42" })
        #expect(events.event(at: prisoners) == "2023-05-03")  // nearer May 3 than Nov 25
    }

    @Test func anUndatedArticleIsAboutTheLatestDayItsOpeningNames() {
        let (_, _, events) = EventResolverTests.events(
            "The war began with the attacks of October 7, 2023. On January 19, 2025, three hostages were freed.", published: "")
        #expect(events.main == "2025-01-19")
    }

    @Test func anUndatedArticleTakesNoEventFromTheAttackItRecalls() {
        let (_, _, events) = EventResolverTests.events(
            "A ceasefire ended the war that was sparked by the Hamas-led attack on October 7, 2023. Under it, 33 hostages would be freed.",
            published: "")
        #expect(events.main == nil)
    }

    @Test func theNextDayIsTheMainEventWhenReportedAsDoneNotWhenPlanned() {
        let plan: (TextAnalysis) -> (Range<Int>) -> Bool = { analysis in
            { range in analysis.tokens[range].contains { $0.lower == "will" } }
        }
        func main(_ text: String) -> String? {
            let analysis = TextAnalysis(text: text)
            let reference = CalendarDate(iso: "2023-11-24")  // a Friday
            let quantities = NumeralScanner().scan(analysis, reference: reference)
            return EventResolver(probe: TokenLookup(analysis), quantities: quantities, published: reference, recalledEvents: EventResolverTests.recalledEvents, announcesPlan: plan(analysis)).mainEvent()?.iso
        }
        #expect(main("Hamas released 13 hostages on Saturday after a delay.") == "2023-11-25")
        #expect(main("The truce will take effect on Saturday, as agreed at talks on Wednesday.") == "2023-11-22")
        #expect(main("The truce will take effect on Saturday.") == "2023-11-24")
    }

    @Test func aDateBeforeTheNounOfAPastEventRecallsItToo() {
        let (_, _, events) = EventResolverTests.events(
            "The October 7, 2023, Hamas assault killed over 1,200 people. Three hostages will be freed on Thursday.", published: "")
        #expect(events.main == nil)
    }

    @Test func aTotalToDateIsNotReadOnTheDayOfAnEventItsSentenceRecalls() {
        let (analysis, _, events) = EventResolverTests.events(
            "Of the 251 people kidnapped during the attack on October 7, 2023, 87 remain, including at least 34 bodies.", published: "2025-01-27")
        let remaining = try! #require(analysis.tokens.firstIndex { $0.text == "34" })
        #expect(events.event(at: remaining) == "2023-10-07")
        #expect(events.event(at: remaining, total: true) == "2025-01-27")
    }

    @Test func aTotalToDateIsReadOnThePublicationDayNotOnTheEarlierNewsItReports() {
        let (analysis, _, events) = EventResolverTests.events(
            "Thursday's crash killed 270. DNA samples of 32 victims have matched so far, officials said.", published: "2025-06-15")
        #expect(events.main == "2025-06-12")
        let matched = try! #require(analysis.tokens.firstIndex { $0.text == "32" })
        #expect(events.event(at: matched) == "2025-06-12")
        #expect(events.event(at: matched, total: true) == "2025-06-15")
        // An article that gives no date of its own does not say on which day its totals were read.
        let (undated, _, noDay) = EventResolverTests.events("The toll rose on June 12, 2025. So far 32 victims have been identified.", published: "")
        let identified = try! #require(undated.tokens.firstIndex { $0.text == "32" })
        #expect(noDay.event(at: identified) == "2025-06-12")
        #expect(noDay.event(at: identified, total: true) == nil)
    }
}
