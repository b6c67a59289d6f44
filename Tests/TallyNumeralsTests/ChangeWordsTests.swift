import Testing
import TallyCore
@testable import TallyNumerals

/// Which way a figure moved (`rules/lexicon/changes.yaml`, issue 15).
struct ChangeWordsTests {
    /// Each quantity's text, change and from, in order.
    func changes(_ text: String) -> [String] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: june2).map { q in
            "\(analysis.slice(q.start, q.end)) \(q.change?.rawValue ?? "-") \(q.from?.description ?? "-")"
        }
    }

    @Test func aMoveAndItsNewLevelAreNoRange() {
        #expect(changes("The main index climbed 2.4 per cent to 7,215.30 by noon.") == ["2.4 per cent up -", "7,215.30 up -"])
        #expect(changes("Copper slid from $9,850 to $9,410 a tonne.") == ["$9,850 - -", "$9,410 down 9,850"])
        #expect(changes("Rents increased from 900 to 1,150 euros.").last == "1,150 euros up 900")
    }

    @Test func directionWordsBeforeAFigure() {
        #expect(changes("Turnout fell by 6 points.") == ["6 down -"])
        #expect(changes("The shares ended down 15 cents.") == ["15 cents down -"])
        #expect(changes("Output, up 3% on the quarter, beat forecasts.") == ["3% up -"])
        #expect(changes("Inflation eased sharply to 2.1 percent.") == ["2.1 percent down -"])
    }

    /// "X, up from Y": the first figure moved, from the second.
    @Test func aFigureUpFromAnEarlierOne() {
        #expect(changes("Arrivals reached 7,300, up from 5,900.") == ["7,300 up 5,900", "5,900 - -"])
        #expect(changes("Debt stood at $2.1bn, down from $2.6bn.").first == "$2.1bn down 2,600,000,000")
    }

    /// "down" and "up" as verb particles, and ranges without a change word, carry none.
    @Test func particlesAndPlainRangesCarryNone() {
        #expect(changes("Gunners brought down 4 drones and set up 2 checkpoints.") == ["4 - -", "2 - -"])
        #expect(changes("Between 300 and 400 people came, from 20 to 30 a day.").allSatisfy { $0.hasSuffix(" - -") })
        #expect(changes("Fees grew 5 to 8 percent.") == ["5 to 8 percent up -"])
    }
}
