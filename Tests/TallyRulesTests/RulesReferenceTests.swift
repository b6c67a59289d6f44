import Foundation
import Testing
import TallyExtract
import TallyEvaluation

/// `docs/rules-reference.md` is generated from `rules/`: this test regenerates it and fails when the
/// committed file differs. `TALLY_UPDATE_DOCS=1 swift test --filter RulesReferenceTests` rewrites it.
@Suite struct RulesReferenceTests {
    static let path = RuleFixtures.root + "/docs/rules-reference.md"

    @Test func referenceIsUpToDate() throws {
        let rules = try #require(RuleFixtures.rules)
        let generated = RulesReference.render(rules, root: RuleFixtures.root)
        if ProcessInfo.processInfo.environment["TALLY_UPDATE_DOCS"] == "1" {
            try FileManager.default.createDirectory(atPath: RuleFixtures.root + "/docs", withIntermediateDirectories: true)
            try generated.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        let committed = (try? String(contentsOfFile: Self.path, encoding: .utf8)) ?? ""
        if committed != generated {
            let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(old, new)).firstIndex { $0 != $1 } ?? min(old.count, new.count)
            Issue.record("docs/rules-reference.md is out of date from line \(line + 1) (now: \(line < new.count ? String(new[line]) : "end of file")); run TALLY_UPDATE_DOCS=1 swift test --filter RulesReferenceTests")
        }
        for rule in rules.rules { #expect(generated.contains("### \(rule.id)\n")) }
    }
}
