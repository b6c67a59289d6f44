import Foundation
import TallyExtract
import TallyNumerals

/// The package root, found from this file's path (`Tests/TallyEvaluationTests/Fixtures.swift`).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The numerals layer with the vocabulary of the repository's `rules/lexicon`, as the tool loads it.
let scanner: NumeralScanner = {
    do {
        return NumeralScanner(vocabulary: try RuleSet.load(directory: repoRoot.appendingPathComponent("rules").path).vocabulary)
    } catch {
        fatalError("the repository's rules do not load: \(error)")
    }
}()

/// A throwaway rules folder: three rules that compete for one number, one with a veto, one with `requires`.
func competingRules() throws -> RuleSet {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-explain-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir + "/lexicon", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
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
    return try RuleSet.load(directory: dir)
}
