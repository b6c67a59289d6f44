import Foundation
import TallyCore
import Testing

@testable import TallyExtract

/// Counts listed after a figure are parts of it, with its kind and no subject of their own.
@Suite struct ListPartsTests {
    static let rules = Result { try RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path) }

    func parts(_ text: String) throws -> [Claim] {
        let claims = Extractor(rules: try Self.rules.get()).extract(Document(id: "a.txt", published: nil, text: text))
        return claims.filter { $0.rule == ListParts.rule }
    }

    @Test func placesListedAfterACountArePartsOfIt() throws {
        let parts = try parts("A total of 97 prisoners were deported, five in East Jerusalem, 37 in the West Bank and 457 in the Gaza Strip.")
        #expect(parts.map { $0.value?.number } == [5, 37, 457])
        #expect(parts.allSatisfy { $0.kind == "prisoners" && $0.status == .subset && $0.subject == nil })
    }

    @Test func elidedNounsAndCountedNounsArePartsToo() throws {
        let parts = try parts("The impact killed 241 people on board and at least 29 on the ground.")
        #expect(parts.map { $0.low?.number } == [29])
        #expect(parts.first?.kind == "casualties")
        #expect(parts.first?.qualifier == .atLeast)
    }

    @Test func aPartQuotesTheWordAfterItsFigure() throws {
        // "5" alone would be found again inside "457" and "75" by anyone looking for the quote.
        let parts = try parts("A total of 575 prisoners were freed: 5 in Hebron, 75 in Jenin and 457 in Gaza.")
        #expect(parts.map(\.quote) == ["5 in", "75 in", "457 in"])
    }

    @Test func agesAfterNamesAndNumbersWithoutAListWordAreNot() throws {
        #expect(try parts("Hamas freed three hostages, Emily Damari, 28; Romi Gonen, 24; and Doron Steinbrecher, 31.").isEmpty)
        #expect(try parts("Israel freed 90 prisoners on Sunday in 2 buses.").isEmpty)
    }

    @Test func childrenAreNoListOfPeople() throws {
        #expect(try parts("Israel released 33 teenage boys and six women.").isEmpty)
    }
}
