import Testing
import TallyCore
@testable import TallyNumerals

/// Years and days written in words (issue 15), read against Thursday 15 August 2019.
struct ScanContextDatesTests {
    static let august15 = CalendarDate(year: 2019, month: 8, day: 15)

    func kinds(_ text: String) -> [String] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: Self.august15).map { q in
            "\(q.kind.rawValue) \(analysis.slice(q.start, q.end)): \(q.low.map(\.description) ?? "nil")..\(q.high.map(\.description) ?? "nil")"
        }
    }

    @Test(arguments: [
        ("They left in nineteen ninety six.", "date nineteen ninety six: 1996..1996"),
        ("It has grown since two thousand and fifteen.", "date two thousand and fifteen: 2015..2015"),
        ("She was born on January twenty five nineteen eighty six.", "date January twenty five nineteen eighty six: 1986-01-25..1986-01-25"),
        ("She was born on twenty five January nineteen eighty-six.", "date twenty five January nineteen eighty-six: 1986-01-25..1986-01-25"),
        ("On fifteen August nineteen hundred ninety three, the plant opened.", "date fifteen August nineteen hundred ninety three: 1993-08-15..1993-08-15"),
        ("They arrived 13 Sept nineteen seventy two.", "date 13 Sept nineteen seventy two: 1972-09-13..1972-09-13"),
        ("The conference was in October two thousand and five.", "date October two thousand and five: 2005-10..2005-10"),
        ("The vote is on May twenty nine.", "date May twenty nine: 2019-05-29..2019-05-29"),
        ("Prices fell in twenty twenty.", "date twenty twenty: 2020..2020"),
    ])
    func yearsAndDaysInWords(_ text: String, _ expected: String) {
        #expect(kinds(text) == [expected])
    }

    /// A cardinal before something it can count is a count, not a year or a day.
    @Test func countsStayCounts() {
        #expect(kinds("In May two thousand people marched.") == ["date May: 2019-05..2019-05", "number two thousand: 2,000..2,000"])
        #expect(kinds("In June twenty people died.") == ["date June: 2019-06..2019-06", "number twenty: 20..20"])
        #expect(kinds("They left in October two thousand and returned.") == ["date October two thousand: 2000-10..2000-10"])
    }
}
