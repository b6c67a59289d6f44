import Testing
import TallyCore
import TallyReconcile
@testable import TallyPipeline

/// The compact reduce gives what the reconciler gives on every claim at once.
@Suite struct ClaimBookTests {
    /// Claims drawn deterministically over a few documents, subjects (and none), events, stories and
    /// sentences, some sentences shared between documents so that copies are found.
    static func claims(count: Int, seed: UInt64) -> [Claim] {
        var state = seed
        func draw(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let subjects: [String?] = ["children deported", "prisoners exchanged", "bodies returned", "dead in the flood", nil]
        let events: [String?] = ["2025-06-02", "2025-06", "2025-06-03", nil]
        let kinds = ["children", "prisoners", "money", "duration"]
        let units: [String?] = [nil, "children", "hours", "minutes", "USD"]
        let qualifiers: [Qualifier] = [.exact, .approximate, .atLeast, .moreThan, .lessThan, .range]
        let statuses: [ClaimStatus?] = [nil, nil, nil, .runningTotal, .planned, .superseded]
        let stories: [[String]?] = [["Kyiv", "Moscow", "Istanbul"], ["Derna", "Libya"], nil, ["Kyiv", "Istanbul", "Umerov", "Medinsky", "Geneva", "Doha"]]
        var claims: [Claim] = []
        for index in 0..<count {
            let doc = "doc\(draw(12)).txt"
            let value = Double([339, 400, 1000, 1200, 6000, 12000, 2][draw(7)])
            let qualifier = qualifiers[draw(qualifiers.count)]
            let high: Figure? = qualifier == .range ? .number(value * 1.2) : (qualifier == .exact ? .number(value) : nil)
            let sentence = draw(3) == 0 ? "A shared wire sentence number \(draw(4)) about \(Int(value))." : "\(doc) says \(Int(value)) in sentence \(draw(5))."
            claims.append(Claim(
                doc: doc, kind: kinds[draw(kinds.count)], value: .number(value), low: .number(value), high: high, qualifier: qualifier,
                unit: units[draw(units.count)], scope: [nil, .perSide, .total][draw(3)], subject: subjects[draw(subjects.count)],
                event: events[draw(events.count)], speaker: ["Umerov", nil][draw(2)], quote: "\(Int(value)) children",
                start: index % 40, end: index % 40 + 12, sentence: sentence, rule: "rule.\(draw(3))", story: stories[draw(stories.count)],
                status: statuses[draw(statuses.count)], change: [nil, .up, .down][draw(3)], from: draw(4) == 0 ? .number(value / 2) : nil))
        }
        return claims
    }

    @Test(arguments: [(40, 1), (300, 2), (900, 3), (2_500, 4)] as [(Int, UInt64)])
    func findingsAndUnpairedAreTheReconcilersOnEveryClaim(count: Int, seed: UInt64) {
        let claims = Self.claims(count: count, seed: seed)
        var book = ClaimBook()
        book.append(contentsOf: claims)
        let findings = Reconciler().reconcile(claims)
        #expect(!findings.isEmpty)
        #expect(book.reconcile() == findings)
        #expect(book.unpaired(findings) == UnpairedClaims(claims: claims, findings: findings))
    }

    @Test func givesBackEveryClaimAsItWasAdded() {
        let claims = Self.claims(count: 200, seed: 9)
        var book = ClaimBook()
        book.append(contentsOf: claims)
        #expect(book.count == 200)
        #expect(book.claims == claims)
    }

    @Test func figuresComeBackExactly() {
        var day = CalendarDate(year: 2025, month: 6, day: 2)
        day.month = nil  // a day without its month: kept as it is, unpacked
        let figures: [Figure?] = [
            nil, .number(-0.0), .number(1e300), .number(.nan), .number(.infinity), .number(339),
            .date(CalendarDate(year: 2025)), .date(CalendarDate(year: 2025, month: 6)), .date(CalendarDate(year: 2025, month: 6, day: 2)),
            .date(CalendarDate(year: -44, month: 3, day: 15)), .date(CalendarDate(year: Int(Int32.max) + 1, month: 1, day: 1)), .date(day),
        ]
        var claims: [Claim] = []
        for (index, figure) in figures.enumerated() {
            var claim = Self.claims(count: 1, seed: UInt64(index))[0]
            (claim.value, claim.low, claim.high) = (figure, figures[(index + 1) % figures.count], figure)
            claims.append(claim)
        }
        var book = ClaimBook()
        book.append(contentsOf: claims)
        for (got, want) in zip(book.claims, claims) {
            #expect(got.low?.date == want.low?.date && got.low?.number?.bitPattern == want.low?.number?.bitPattern)
            #expect(got.value?.number?.bitPattern == want.value?.number?.bitPattern && got.value?.date == want.value?.date)
            #expect(got.high?.date == want.high?.date && got.high?.number?.bitPattern == want.high?.number?.bitPattern)
        }
    }

    @Test func anEmptyBookHasNoFindings() {
        let book = ClaimBook()
        #expect(book.isEmpty && book.reconcile().isEmpty)
        #expect(book.unpaired([]) == UnpairedClaims())
    }
}
