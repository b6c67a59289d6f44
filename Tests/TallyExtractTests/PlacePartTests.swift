import Foundation
import TallyCore
import Testing

@testable import TallyExtract

/// A place phrase right after a toll's figure names the part of the toll it counts.
@Suite struct PlacePartTests {
    static let rules = Result { try RuleSet.load(directory: RuleLoaderTests.repository.appendingPathComponent("rules").path) }

    func tolls(_ text: String) throws -> [Claim] {
        try Extractor(rules: Self.rules.get()).extract(Document(id: "a.txt", published: nil, text: text)).filter { $0.kind == "casualties" }
    }

    @Test func onBoardAndOnTheGroundAreTwoPartsOfTheToll() throws {
        let claims = try tolls("The impact killed 241 people on board and at least 29 on the ground.")
        #expect(claims.map(\.subject) == ["people killed on board", "people killed on the ground"])
        // The listed part is the whole of the deaths on the ground, compared as a count, not as a part.
        #expect(claims.last?.status != .subset)
    }

    @Test func aTollWithoutAPlaceKeepsItsSubject() throws {
        #expect(try tolls("At least 24 people died in the crash.").map(\.subject) == ["people killed"])
        #expect(try tolls("At least 24 people died on the ground.").map(\.subject) == ["people killed on the ground"])
    }

    @Test func everyPartNamedTogetherIsTheWholeToll() throws {
        #expect(try tolls("The jet crashed, killing at least 265 people on board and on the ground.").map(\.subject) == ["people killed"])
    }
}
