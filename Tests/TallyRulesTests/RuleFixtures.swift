import Foundation
import Testing
import TallyCore
import TallyExtract

/// The repository's `rules/`, loaded once for every test in this target.
enum RuleFixtures {
    /// The package root: three levels above this file (`Tests/TallyRulesTests/RuleFixtures.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let rulesDirectory = root + "/rules"
    static let corpusDirectory = root + "/corpus"

    static let loaded: Result<RuleSet, RuleLoadError> = Result { () throws(RuleLoadError) in try RuleSet.load(directory: rulesDirectory) }
    static var rules: RuleSet? { try? loaded.get() }
    static let check: RuleExampleCheck? = rules.map { RuleExampleCheck(extractor: Extractor(rules: $0)) }

    /// Where a YAML line is, as Swift Testing reports it: failures show up at `rules/FILE.yaml:LINE`.
    static func location(file: String, line: Int, column: Int = 1) -> SourceLocation {
        let path = file.hasPrefix("/") ? file : root + "/" + file
        let name = (path as NSString).lastPathComponent
        return SourceLocation(fileID: "rules/\(name)", filePath: path, line: max(1, line), column: max(1, column))
    }
}

/// One rule example (or counterexample, or todo case), possibly rewritten by a variant.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var rule: Rule
    var example: RuleExample
    var variant: ExampleVariant

    var testDescription: String {
        let text = example.text.count > 60 ? String(example.text.prefix(57)) + "…" : example.text
        return "\(rule.id) line \(example.line)\(variant == .original ? "" : " [\(variant.rawValue)]"): \(text)"
    }

    var location: SourceLocation { RuleFixtures.location(file: rule.file, line: example.line) }

    static var examples: [RuleCase] { all(\.examples) }
    static var counterexamples: [RuleCase] { all(\.counterexamples) }
    static var todos: [RuleCase] { all(\.todo) }

    /// Every positive example under every variant that changes its text.
    static var variants: [RuleCase] {
        examples.flatMap { base in
            ExampleVariant.allCases.compactMap { variant in
                guard variant != .original, let rewritten = variant.apply(to: base.example) else { return nil }
                return RuleCase(rule: base.rule, example: rewritten, variant: variant)
            }
        }
    }

    private static func all(_ cases: KeyPath<Rule, [RuleExample]>) -> [RuleCase] {
        (RuleFixtures.rules?.rules ?? []).flatMap { rule in rule[keyPath: cases].map { RuleCase(rule: rule, example: $0, variant: .original) } }
    }
}
