import Foundation
import Testing
import TallyCore
import TallyExtract
@testable import TallyEvaluation

@Suite struct CorpusCheckTests {
    /// A throwaway corpus: one plain article and one JSON Lines file of two records, gold for each.
    static func corpus() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-corpus-\(UUID().uuidString)").path
        for folder in ["articles", "gold"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        try "Headline\nOfficials said 20 prisoners were freed.\n".write(toFile: root + "/articles/a.txt", atomically: true, encoding: .utf8)
        try """
            {"id": "r1", "text": "Another 30 prisoners were freed."}
            {"id": "r2", "text": "Only 5 prisoners were freed, aged 18."}
            """.write(toFile: root + "/articles/b.jsonl", atomically: true, encoding: .utf8)
        try "article: a.txt\nclaims:\n- {id: 1, kind: prisoners, quote: 20 prisoners, value: 20, qualifier: exact, core: true}\n"
            .write(toFile: root + "/gold/a.yaml", atomically: true, encoding: .utf8)
        try "article: b.jsonl\nrecord: r2\nclaims:\n- {id: 1, kind: prisoners, quote: 5 prisoners, value: 6, core: true}\n- {id: 2, kind: other, quote: not in text, core: false}\n"
            .write(toFile: root + "/gold/b-r2.yaml", atomically: true, encoding: .utf8)
        return root
    }

    @Test func firstRunDiffersThenAcceptedBaselinesPass() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let check = CorpusCheck(extractor: Extractor(rules: try competingRules()))
        let first = check.run(corpus: root)
        #expect(first.problems == [])
        #expect(first.differs)
        #expect(first.articles.map { $0.baselinePath.split(separator: "/").last! } == ["a.jsonl", "b.r1.jsonl", "b.r2.jsonl"])
        #expect(first.articles.flatMap(\.changes).allSatisfy { $0.kind == .added })
        // Gold per record: r2's claim is detected but its value is wrong; r1 has no gold.
        #expect(first.scores.articles == 2)
        #expect(first.scores.total.detected == 2 && first.scores.total.strict == 1)
        #expect(first.scores.unfound.map(\.claim.quote) == ["not in text"])
        let json = CorpusCheckReport.json(first)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "JSON output must parse")

        try FileManager.default.createDirectory(atPath: root + "/baseline", withIntermediateDirectories: true)
        for article in first.articles { try article.rendered.write(toFile: article.baselinePath, atomically: true, encoding: .utf8) }
        try first.renderedScores.write(toFile: root + "/scores.json", atomically: true, encoding: .utf8)
        let second = check.run(corpus: root)
        #expect(!second.differs)
        #expect(CorpusCheckReport.text(second).contains("corpus check passed"))

        // An edited baseline line is reported as a change of that field, not as a new and a lost claim.
        let path = second.articles[0].baselinePath
        try second.articles[0].rendered.replacingOccurrences(of: "\"value\":20", with: "\"value\":21").write(toFile: path, atomically: true, encoding: .utf8)
        let third = check.run(corpus: root)
        #expect(third.articles[0].changes.map(\.fields) == [["value 21 → 20"]])
        #expect(third.articles[0].changes.first?.direction == .toward)
    }

    @Test func missingCorpusFolderIsAProblemNotACrash() throws {
        let check = CorpusCheck(extractor: Extractor(rules: try competingRules()))
        let result = check.run(corpus: "/nonexistent/corpus")
        #expect(result.problems.contains { $0.contains("no articles found") })
    }
}
