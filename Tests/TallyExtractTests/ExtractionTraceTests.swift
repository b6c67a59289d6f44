import Foundation
import Testing
import TallyCore
import TallyIngest
@testable import TallyExtract

/// The trace records what the extractor did, and recording it changes nothing the extractor does.
@Suite struct ExtractionTraceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = Result { try RuleSet.load(directory: repository.appendingPathComponent("rules").path) }

    func traced(_ text: String) throws -> (claims: [Claim], trace: ExtractionTrace, context: PreparedDocument) {
        let extractor = Extractor(rules: try Self.rules.get())
        let context = PreparedDocument(document: Document(id: "t", text: text), rules: extractor.rules)
        var trace = ExtractionTrace()
        let claims = extractor.extract(context, trace: &trace)
        return (claims, trace, context)
    }

    /// Every article of `corpus/`: the traced run finds exactly the claims of the untraced one.
    @Test func tracingChangesNoClaim() throws {
        let extractor = Extractor(rules: try Self.rules.get())
        let folder = Self.repository.appendingPathComponent("corpus/articles").path
        let files = Ingestor().inputFiles(for: [folder]).files
        #expect(files.count >= 20)
        for file in files {
            for document in try Ingestor().ingest(file: file) {
                let context = PreparedDocument(document: document, rules: extractor.rules)
                var trace = ExtractionTrace()
                let traced = extractor.extract(context, trace: &trace)
                #expect(traced == extractor.extract(document), "\(document.id)")
                // Each claim's rule is the recorded winner of its number (increments fold into the claim before
                // them), but for the parts of a list, which no rule claims (`ListParts`).
                let winners = Set(trace.winners.map(\.rule.id))
                #expect(traced.allSatisfy { winners.contains($0.rule) || $0.rule == ListParts.rule }, "\(document.id)")
            }
        }
    }

    @Test func recordsTheWinnerAndTheRulesItBeat() throws {
        let (claims, trace, _) = try traced("The two sides agreed to swap at least 1,000 prisoners on each side, Umerov said on Monday.")
        #expect(claims.map(\.rule) == ["prisoners.exchanged"])
        let matches = trace.matches(inSentence: 0)
        #expect(matches.map(\.rule.id) == ["prisoners.exchanged", "prisoners.held"])
        #expect(matches.allSatisfy { $0.blocked == nil && $0.tokens == 6..<10 })
        let winner = try #require(trace.winner(ofQuantity: matches[0].quantity))
        #expect(winner.rule.id == "prisoners.exchanged")
        // Same length: the higher priority wins.
        #expect(matches[0].outranks(matches[1]) && !matches[1].outranks(matches[0]))
    }

    /// A rule is recorded once per number, from its first start.
    @Test func eachRuleIsRecordedOncePerNumber() throws {
        let (_, trace, _) = try traced("Officials said that at least 1,000 prisoners and up to 390 captives were exchanged.")
        let pairs = trace.matches.map { "\($0.ruleIndex)/\($0.quantity)" }
        #expect(Set(pairs).count == pairs.count)
    }
}
