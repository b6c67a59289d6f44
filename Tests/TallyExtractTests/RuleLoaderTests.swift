import Foundation
import Testing
import TallyCore
@testable import TallyExtract

/// Loading reports every problem in a broken rules folder, located, and accepts the real one.
@Suite struct RuleLoaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theRepositoryRulesLoadWithoutProblems() throws {
        let result = RuleLoader.load(directory: Self.repository.appendingPathComponent("rules").path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.rules.count >= 20)
        #expect(result.ruleSet != nil)
    }

    @Test func everyProblemIsReportedWithFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lexicon"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "pow_noun: [prisoners, captives]\n".write(to: folder.appendingPathComponent("lexicon/nouns.yaml"), atomically: true, encoding: .utf8)
        try """
            kind: prisoners
            rules:
              - id: a
                pattern: "n:NUM @pow_nuon"
                emit: {value: $n}
                examples: ["[[5 prisoners]]"]
              - id: b
                pattern: "n:NUM prisoners"
                emit: {value: $count}
                colour: red
              - id: a
                pattern: "n:NUM /[/"
                emit: {value: $n}
                counterexamples: ["none"]
            """.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try "kind: bodies\nrules: [\n".write(to: folder.appendingPathComponent("syntax.yaml"), atomically: true, encoding: .utf8)

        let result = RuleLoader.load(directory: folder.path)
        let messages = result.diagnostics.map(\.description)
        let broken = folder.appendingPathComponent("broken.yaml").path
        #expect(messages.contains("\(broken):4:21: error: unknown lexicon class '@pow_nuon' (did you mean '@pow_noun'?)"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(broken):9:") && $0.contains("capture '$count' that the pattern never defines") })
        #expect(messages.contains { $0.hasPrefix("\(broken):10:") && $0.contains("unknown key 'colour'") })
        #expect(messages.contains { $0.hasPrefix("\(broken):7:") && $0.contains("has no examples or counterexamples") })
        #expect(messages.contains { $0.contains("duplicate rule id 'a'") })
        #expect(messages.contains { $0.contains("does not compile") })
        #expect(messages.contains { $0.contains("syntax.yaml:") && $0.contains("YAML syntax") })
        #expect(result.ruleSet == nil)
    }
}
