import Foundation
import Testing
import TallyNumerals
@testable import TallyEvaluation

/// Peers' own test suites (`../shared/peers/*.jsonl`, beside the clone), when present. The pass-rate
/// table is printed with `TALLY_TEST_PRINT=1` (a plain `swift test` stays quiet) and in every failure.
struct PeerSuiteTests {
    static let directory = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/peers").path
    static let present = FileManager.default.fileExists(atPath: directory)

    @Test(.enabled(if: present, "../shared/peers is absent"))
    func passRates() throws {
        let scores = try PeerSuiteScorer(scanner: scanner).score(directory: Self.directory)
        let table = PeerSuiteScorer.table(scores)
        if ProcessInfo.processInfo.environment["TALLY_TEST_PRINT"] != nil { print(table) }
        if ProcessInfo.processInfo.environment["PEER_FAILURES"] != nil {
            for s in scores { for f in s.failures { print("FAIL \(s.suite.split(separator: "/").last!) | \(f.input) | \(f.detail)") } }
        }
        // Duckling: at least 97% of all its cases, disagreements counted as failures.
        let duckling = scores.filter { $0.suite.hasPrefix("duckling/") }
        let passed = duckling.reduce(0) { $0 + $1.passed }
        let total = duckling.reduce(0) { $0 + $1.passed + $1.failed + $1.disagreements }
        #expect(total >= 180 && Double(passed) / Double(total) >= 0.97, "\(table)")
        // Recognizers-Text: in-scope cases after the documented disagreements.
        for s in scores where s.suite.hasPrefix("recognizers-text/") {
            let target = s.suite.hasSuffix("DateTimeModel.json") ? 0.85 : 0.90
            #expect(s.rate >= target, "\(s.suite): \(s.passed)/\(s.passed + s.failed)\n\(table)")
        }
    }

    /// The strict reading of issue 15: every case counts, each expected value must be found.
    @Test(.enabled(if: present, "../shared/peers is absent"))
    func strictPassRates() throws {
        let scores = try PeerSuiteScorer(scanner: scanner).score(directory: Self.directory, strict: true)
        let table = PeerSuiteScorer.table(scores)
        if ProcessInfo.processInfo.environment["TALLY_TEST_PRINT"] != nil { print("strict\n" + table) }
        if ProcessInfo.processInfo.environment["PEER_FAILURES"] != nil {
            for s in scores { for f in s.failures { print("STRICT \(s.suite.split(separator: "/").last!) | \(f.input) | \(f.detail)") } }
        }
        // Floors at what this branch reaches (issue 15's targets where met: NumberRange 0.95, Currency 0.92).
        let floors: [String: Double] = [
            "duckling/Duration/EN": 0.97, "duckling/Numeral/EN": 0.97,
            "recognizers-text/DateTime/English/DateTimeModel.json": 0.66,
            "recognizers-text/Number/English/NumberModel.json": 0.82,
            "recognizers-text/Number/English/NumberRangeModel.json": 0.95,
            "recognizers-text/Number/English/PercentModel.json": 0.85,
            "recognizers-text/NumberWithUnit/English/CurrencyModel.json": 0.92,
        ]
        for s in scores { if let floor = floors[s.suite] { #expect(s.rate >= floor, "\(s.suite)\n\(table)") } }
    }

    /// A documented disagreement only excuses a failing case; a passing one stays a pass.
    @Test func disagreementsApplyOnlyToFailures() throws {
        let scorer = try PeerSuiteScorer(scanner: scanner)
        let failing = PeerCase(suite: "recognizers-text/Number/English/NumberModel.json", input: "40 000", expect: .array([]), reference: nil, notSupportedIn: nil)
        #expect(scorer.outcome(failing) == .disagreement("ordinary spaces do not group digits"))
        let exact = PeerCase(suite: "recognizers-text/Number/English/NumberModel.json", input: "1,000", expect: .array([.object(["value": .string("1000")])]), reference: nil, notSupportedIn: nil)
        #expect(scorer.outcome(exact) == .pass)
    }

    /// A disagreement pattern that does not compile is an error naming it, not a crash.
    @Test func aBrokenDisagreementPatternIsReported() {
        #expect(throws: PeerError.self) { try PeerDisagreements.compile([PeerDisagreements.rule("unbalanced", "(")]) }
        do {
            _ = try PeerDisagreements.compile([PeerDisagreements.rule("unbalanced", "(")])
        } catch {
            #expect(error.description.contains("the pattern for 'unbalanced' does not compile"))
        }
        #expect(throws: Never.self) { try PeerDisagreements.numberRules() }
    }
}
