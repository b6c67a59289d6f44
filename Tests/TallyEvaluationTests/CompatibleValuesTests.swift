import Testing
import TallyCore
@testable import TallyEvaluation

/// Value compatibility as `score_claims.py` judges it.
@Suite struct CompatibleValuesTests {
    func gold(_ kind: String, _ value: GoldValue?, unit: String? = nil) -> GoldClaim {
        GoldClaim(id: "1", kind: kind, quote: "q", value: value, qualifier: nil, unit: unit, scope: nil, subject: nil, core: true, line: 1)
    }

    func claim(_ kind: String, value: Figure? = nil, low: Figure? = nil, high: Figure? = nil, unit: String? = nil) -> Claim {
        Claim(doc: "d", kind: kind, value: value, low: low, high: high, qualifier: .exact, unit: unit, scope: nil, subject: nil,
              event: nil, speaker: nil, quote: "q", start: 0, end: 1, sentence: "q", rule: "r")
    }

    func fits(_ g: GoldClaim, _ c: Claim) -> Bool {
        CompatibleValues.fit(gold: CompatibleValues.gold(g, kind: g.kind), predicted: CompatibleValues.predicted(c))
    }

    @Test func numbersWithinOnePercent() {
        #expect(fits(gold("bodies", .number(1000)), claim("bodies", value: .number(1009))))
        #expect(!fits(gold("bodies", .number(1000)), claim("bodies", value: .number(1020))))
        // An end of a gold interval is enough, and intervals that meet.
        #expect(fits(gold("people", .interval(low: .number(1000), high: .number(9999))), claim("people", low: .number(1000), high: .number(1500))))
        #expect(fits(gold("people", .interval(low: .number(1000), high: .number(9999))), claim("people", low: .number(2000), high: .number(3000))))
        #expect(!fits(gold("people", .interval(low: .number(1000), high: .number(9999))), claim("people", value: .number(2000))))
    }

    @Test func durationsInMinutes() {
        #expect(fits(gold("duration", .number(2), unit: "hours"), claim("duration", value: .number(120), unit: "minutes")))
        #expect(fits(gold("duration", .number(3), unit: "days"), claim("duration", value: .number(72), unit: "hours")))
        #expect(!fits(gold("duration", .number(3), unit: "days"), claim("duration", value: .number(3), unit: "hours")))
    }

    @Test func datesByPrefix() {
        let day = Figure.date(CalendarDate(year: 2024, month: 3, day: 9))
        #expect(fits(gold("date", .date("2024-03-09T18:30:00+01:00")), claim("date", value: day)))
        #expect(fits(gold("date", .number(2024)), claim("date", value: day)))
        #expect(!fits(gold("date", .date("2024-03-10")), claim("date", value: day)))
    }

    @Test func aNonNumericGoldValueMatchesNoNumber() {
        #expect(!fits(gold("money", .date("unknown")), claim("money", value: .number(5))))
        #expect(!fits(gold("money", nil), claim("money", value: .number(5))))
    }
}
