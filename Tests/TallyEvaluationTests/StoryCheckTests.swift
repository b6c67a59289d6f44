import Foundation
import Testing
import TallyCore
import TallyExtract
@testable import TallyEvaluation

/// `tally corpus check --corpus DIR` on a folder without baselines: the real pipeline, read only.
@Suite struct StoryCheckTests {
    /// A small story folder: two reports of one harbour fire, gold and expected findings.
    static func story(expected: Bool = true) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-story-\(UUID().uuidString)").path
        for folder in ["articles", "gold"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        try "---\noutlet: Harbour Gazette\npublished: 2024-05-02\n---\nFire at the docks\n\nThe fire at the docks killed 14 people on Wednesday, the port authority said.\n"
            .write(toFile: root + "/articles/701_gazette_fire.txt", atomically: true, encoding: .utf8)
        try "---\noutlet: Coast Radio\npublished: 2024-05-02\n---\nDock fire toll\n\nThe fire at the docks killed 19 people on Wednesday, the fire brigade said.\n"
            .write(toFile: root + "/articles/702_radio_fire.txt", atomically: true, encoding: .utf8)
        try "article: 701_gazette_fire.txt\nclaims:\n- {id: 1, kind: casualties, quote: killed 14 people, value: 14, qualifier: exact, core: true}\n"
            .write(toFile: root + "/gold/701_gazette_fire.yaml", atomically: true, encoding: .utf8)
        try "article: 702_radio_fire.txt\nclaims:\n- {id: 1, kind: casualties, quote: killed 19 people, value: 19, qualifier: exact, core: true}\n- {id: 2, kind: date, quote: '2024', value: '2024', core: false}\n"
            .write(toFile: root + "/gold/702_radio_fire.yaml", atomically: true, encoding: .utf8)
        if expected {
            try "findings:\n  - {id: toll-14-vs-19, a: ['701#1'], b: ['702#1'], verdict: [conflict]}\nnot_conflicts:\n  - {id: nc-self, a: ['702#1'], b: ['702#2']}\n"
                .write(toFile: root + "/expected.yaml", atomically: true, encoding: .utf8)
        }
        return root
    }

    static func listing(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    static var check: StoryCheck {
        get throws { StoryCheck(extractor: Extractor(rules: try RuleSet.load(directory: repoRoot.appendingPathComponent("rules").path))) }
    }

    @Test func scoresClaimsAndFindingsWithoutWriting() throws {
        let root = try Self.story()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = Self.listing(root)
        let result = try Self.check.run(folder: root)
        #expect(Self.listing(root) == before, "the check must not write into the folder")
        #expect(result.problems == [])
        #expect(result.documents == 2)
        #expect(result.scores.total.gold == 2)
        let findings = try #require(result.findings)
        #expect(findings.lines.map(\.id) == ["toll-14-vs-19"])
        #expect(findings.notConflictCount == 1)
        let text = StoryCheckReport.text(result)
        #expect(text.contains("precision "))
        #expect(text.contains(findings.summary))
        let json = StoryCheckReport.json(result)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "JSON output must parse")
    }

    @Test func withoutExpectedFindingsOnlyClaimsAreScored() throws {
        let root = try Self.story(expected: false)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Self.check.run(folder: root)
        #expect(result.findings == nil)
        #expect(StoryCheckReport.text(result).contains("no expected.yaml"))
        #expect(try Self.check.checkFindings(root: root, claims: []).check == nil)
    }

    @Test func aFolderWithoutGoldIsAClearError() throws {
        let root = try Self.story()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: root + "/gold")
        let check = try Self.check
        #expect(throws: StoryFolderError.self) { try check.run(folder: root) }
        do {
            _ = try check.run(folder: root)
        } catch {
            #expect(error.description.contains("has no gold/ folder"))
        }
    }

    static let realNews = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/realnews").path

    /// Every shared story scores without a problem: its gold and expected findings parse, every claim
    /// reference names a gold claim. (The figures themselves are compared with `realnews.sh` by hand.)
    @Test(.enabled(if: FileManager.default.fileExists(atPath: realNews), "needs ../shared/realnews"))
    func sharedStoriesScoreWithoutProblems() throws {
        let stories = try FileManager.default.contentsOfDirectory(atPath: Self.realNews).filter {
            FileManager.default.fileExists(atPath: Self.realNews + "/" + $0 + "/expected.yaml")
        }
        let check = try Self.check
        for story in stories.sorted() {
            let result = try check.run(folder: Self.realNews + "/" + story)
            #expect(result.problems == [], "\(story)")
            #expect(result.scores.total.gold > 0 && result.findings != nil, "\(story)")
        }
    }
}
