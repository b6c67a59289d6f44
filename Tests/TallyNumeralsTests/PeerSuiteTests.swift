import Foundation
import Testing
@testable import TallyNumerals

/// Peers' own test suites (`../shared/peers/*.jsonl`, beside the clone), when present.
struct PeerSuiteTests {
    static let directory = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/peers").path
    static let present = FileManager.default.fileExists(atPath: directory)

    @Test(.enabled(if: present, "../shared/peers is absent"))
    func passRates() throws {
        let scores = try PeerSuiteScorer(scanner: scanner).score(directory: Self.directory)
        print(PeerSuiteScorer.table(scores))
        if ProcessInfo.processInfo.environment["PEER_FAILURES"] != nil {
            for s in scores { for f in s.failures { print("FAIL \(s.suite.split(separator: "/").last!) | \(f.input) | \(f.detail)") } }
        }
        let byName = Dictionary(uniqueKeysWithValues: scores.map { ($0.suite, $0) })
        let duckling = scores.filter { $0.suite.hasPrefix("duckling/") }
        let passed = duckling.reduce(0) { $0 + $1.passed }
        let total = duckling.reduce(0) { $0 + $1.passed + $1.failed }
        #expect(total > 0 && Double(passed) / Double(total) >= 0.0)
        _ = byName
    }
}
