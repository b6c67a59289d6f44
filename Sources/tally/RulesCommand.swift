import ArgumentParser
import Foundation
import TallyCore
import TallyExtract

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check the extraction rules: lint them, and run every rule's examples.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self])
}

struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load and validate every rule and lexicon file; report each problem as FILE:LINE:COL.",
        discussion: "Exit status 65 when any file has an error.")

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let result = ruleOptions.loadResult()
        for diagnostic in result.diagnostics {
            Console.error("\(lines: diagnostic.rendered(source: result.sources[diagnostic.file]))")
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let classes = result.lexicon.classes.count
        Console.error("\(ruleOptions.origin): \(result.rules.count) rules, \(classes) lexicon classes: \(errors) error\(errors == 1 ? "" : "s")")
        if errors > 0 { throw Exit.badInput }
    }
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples and counterexamples through the extractor.",
        discussion: """
            One line per problem (missed, unexpected, changed field) pointing at the example's line, then a
            summary. Todo cases that now pass are listed so they can be promoted to examples.
            Exit status 1 when any example fails.
            """)

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Only the rule with this id.")
    var rule: String?

    @Option(help: "Only rules of this kind.")
    var kind: String?

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let rules = try ruleOptions.load()
        let check = RuleExampleCheck(extractor: Extractor(rules: rules))
        let selected = rules.rules.filter { (rule == nil || $0.id == rule) && (kind == nil || $0.kind == kind) }
        if selected.isEmpty { throw ValidationError("no rule matches --rule/--kind") }
        var problems: [RuleExampleCheck.Problem] = []
        var promotable: [(Rule, RuleExample)] = []
        var cases = 0
        for rule in selected {
            let result = check.check(rule: rule)
            problems += result.problems
            promotable += result.todoPassing.map { (rule, $0) }
            cases += rule.examples.count + rule.counterexamples.count
        }
        switch format {
        case .text:
            var out = problems.map { "\($0)\n" }.joined()
            out += promotable.map { "\($0.0.file):\($0.1.line): \($0.0.id): todo now passes — promote me to an example\n" }.joined()
            out += "\(cases - Set(problems.map { "\($0.file):\($0.line)" }).count) passed, \(Set(problems.map { "\($0.file):\($0.line)" }).count) failed (\(selected.count) rules, \(promotable.count) todo passing)\n"
            Console.output(out)
        case .json:
            let records = problems.map { ["rule": $0.rule, "file": $0.file, "line": String($0.line), "message": $0.message] }
            let data = try JSONSerialization.data(withJSONObject: ["cases": cases, "problems": records, "promotable": promotable.map { "\($0.0.id):\($0.1.line)" }], options: [.sortedKeys, .prettyPrinted])
            Console.output(String(decoding: data, as: UTF8.self) + "\n")
        }
        if !problems.isEmpty { throw Exit.findings }
    }
}
