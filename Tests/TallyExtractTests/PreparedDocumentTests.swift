import Foundation
import TallyCore
import Testing

@testable import TallyExtract

/// A prepared document resolves its dates against the document's own publication date, as ingestion typed it.
@Suite struct PreparedDocumentTests {
    static let rules = Result { try RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path) }

    @Test func relativeDatesResolveAgainstThePublicationDate() throws {
        let rules = try Self.rules.get()
        let text = "The delegations met on Monday and swapped 500 prisoners."
        let tuesday = PreparedDocument(document: Document(id: "a", published: CalendarDate(year: 2025, month: 6, day: 3), text: text), rules: rules)
        #expect(tuesday.events.main == "2025-06-02")
        #expect(tuesday.quantities.contains { $0.value?.date == CalendarDate(year: 2025, month: 6, day: 2) })
        let undated = PreparedDocument(document: Document(id: "b", text: text), rules: rules)
        #expect(undated.events.main == nil)
        #expect(!undated.quantities.contains { $0.value?.date != nil })
    }

    /// A month-precision publication date still anchors the relative dates it can ("last year").
    @Test func aCoarsePublicationDateIsUsedAsItIs() throws {
        let rules = try Self.rules.get()
        let text = "Last year 300 prisoners were swapped."
        let prepared = PreparedDocument(document: Document(id: "a", published: CalendarDate(year: 2025, month: 6), text: text), rules: rules)
        #expect(prepared.quantities.contains { $0.value?.date == CalendarDate(year: 2024) })
    }

    /// An undated article is read from the latest full date it writes: its weekdays and yearless days resolve.
    @Test func anUndatedArticleIsReadFromItsLatestFullDate() throws {
        let rules = try Self.rules.get()
        let text = "Storm Daniel hit the coast on Sunday. On September 12, 2023, officials said the dam broke on September 10."
        let prepared = PreparedDocument(document: Document(id: "a", text: text), rules: rules)
        let days = Set(prepared.quantities.compactMap { $0.value?.date })
        #expect(days == [CalendarDate(year: 2023, month: 9, day: 10), CalendarDate(year: 2023, month: 9, day: 12)])
    }

    /// A date the article recalls as background is no reference: read from it, "on Monday" would be a day
    /// of October 2023 in a report of January 2025.
    @Test func anUndatedArticleIsNotReadFromARecalledDate() throws {
        let rules = try Self.rules.get()
        for background in ["the attack on October 7, 2023", "hostages held since October 7, 2023"] {
            let text = "A spokesman said on Monday that eight of 33 hostages had died. They were taken in \(background)."
            let prepared = PreparedDocument(document: Document(id: "a", text: text), rules: rules)
            let days = prepared.quantities.compactMap { $0.value?.date }.filter { $0 != CalendarDate(year: 2023, month: 10, day: 7) }
            #expect(days.isEmpty, "\(background): \(days)")
        }
    }
}
