import Foundation
import Testing
import TallyCore
import TallyExtract
@testable import TallyEvaluation

@Suite struct ExplainTraceTests {
    /// A throwaway rules folder: two rules that compete for one number, one with a veto, one with `requires`.
    static func rules() throws -> RuleSet {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-explain-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/lexicon", withIntermediateDirectories: true)
        try "pow_noun:\n  prisoners: [prisoners, captives]\nexchange_word:\n  swap: [swap, exchange]\n"
            .write(toFile: dir + "/lexicon/words.yaml", atomically: true, encoding: .utf8)
        try """
            kind: prisoners
            rules:
              - id: p.short
                pattern: "n:NUM @pow_noun"
                priority: 5
                emit: {value: $n}
                examples: ["[[20 prisoners]] were freed"]
              - id: p.long
                pattern: "n:NUM WORD{0,2} @pow_noun"
                veto: ["n:NUM years"]
                emit: {value: $n}
                examples: ["[[20 more prisoners]] were freed"]
              - id: p.swap
                pattern: "n:NUM WORD{0,2} @pow_noun"
                requires: ["@exchange_word"]
                emit: {value: $n}
                examples: ["a swap of [[20 prisoners]]"]
            """.write(toFile: dir + "/prisoners.yaml", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try RuleSet.load(directory: dir)
    }

    @Test func showsMatchesBlockedRulesAndTheWinner() throws {
        let extractor = Extractor(rules: try Self.rules())
        let document = Document(id: "t", text: "Officials said 20 Ukrainian prisoners were freed.")
        let trace = try #require(ExplainTrace(document: document, sentenceIndex: 0, extractor: extractor))
        #expect(trace.quantities.count == 1)
        #expect(trace.tags.contains { $0.className == "pow_noun" && $0.text == "prisoners" })
        let swap = try #require(trace.matches.first { $0.rule.id == "p.swap" })
        #expect(swap.blocked?.contains("requires @exchange_word") == true)
        // p.long spans 3 tokens and beats p.short (2 tokens) despite its lower priority.
        #expect(trace.ranked(quantity: 0).map(\.rule.id) == ["p.long"])
        #expect(trace.claims.map(\.rule) == ["p.long"])
        let text = ExplainReport.render(trace)
        #expect(text.contains("requires @exchange_word — not found in the sentence"))
        #expect(text.contains("#1 → p.long"))
    }

    @Test func vetoIsShownWithItsPattern() throws {
        let extractor = Extractor(rules: try Self.rules())
        let trace = try #require(ExplainTrace(document: Document(id: "t", text: "He spent 20 years prisoners of hope."), sentenceIndex: 0, extractor: extractor))
        let long = trace.matches.first { $0.rule.id == "p.long" }
        #expect(long?.blocked == "vetoed by n:NUM years")
        #expect(trace.claims.allSatisfy { $0.rule != "p.long" })
    }

    @Test func noSuchSentenceIsNil() throws {
        let extractor = Extractor(rules: try Self.rules())
        #expect(ExplainTrace(document: Document(id: "t", text: "One sentence."), sentenceIndex: 3, extractor: extractor) == nil)
    }
}
