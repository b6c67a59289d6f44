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
