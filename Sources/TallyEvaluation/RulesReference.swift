import Foundation
import TallyCore
import TallyExtract
import Yams

/// `docs/rules-reference.md`: every rule with its description, pattern, emit block and examples,
/// generated from `rules/` so the reference cannot drift from the rules (a test regenerates and compares).
public enum RulesReference {
    /// Renders the reference. `root` is stripped from file paths so the output is the same on every machine.
    public static func render(_ rules: RuleSet, root: String = "") -> String {
        var out = "# Rules reference\n\n"
        out += "Generated from `rules/*.yaml` — do not edit by hand. Regenerate with\n"
        out += "`TALLY_UPDATE_DOCS=1 swift test --filter RulesReferenceTests` (see `rules/README.md`).\n\n"
        let byFile = Dictionary(grouping: rules.rules, by: \.file)
        let files = byFile.keys.sorted()
        out += "| kind | file | rules |\n|---|---|---|\n"
        for file in files {
            let list = byFile[file]!
            out += "| \(list[0].kind) | `\(relative(file, root))` | " + list.map { "[`\($0.id)`](#\(anchor($0.id)))" }.joined(separator: ", ") + " |\n"
        }
        for file in files {
            let list = byFile[file]!
            out += "\n## \(kind(of: file) ?? list[0].kind) — `\(relative(file, root))`\n\n"
            if let description = fileDescription(file) { out += description + "\n" }
            for rule in list { out += "\n" + section(rule, root: root) }
        }
        return out
    }

    static func section(_ rule: Rule, root: String) -> String {
        var out = "### \(rule.id)\n\n"
        if !rule.description.isEmpty { out += rule.description + "\n\n" }
        out += "- pattern: `\(rule.patternText)`\n"
        out += "- emit: `\(emit(rule.emit))`" + (rule.emit.kind != nil ? "" : " (kind \(rule.kind))") + "\n"
        if rule.priority != 0 { out += "- priority: \(rule.priority)\n" }
        if !rule.requires.isEmpty { out += "- requires (in the \(rule.context.rawValue)): " + rule.requires.map { "`\($0.source)`" }.joined(separator: ", ") + "\n" }
        if !rule.vetoes.isEmpty { out += "- veto: " + rule.vetoes.map { "`\($0.source)`" }.joined(separator: ", ") + "\n" }
        out += "- defined at `\(relative(rule.file, root)):\(rule.line)`\n"
        if !rule.examples.isEmpty {
            out += "\nExamples (the bold span is the claim):\n\n"
            for example in rule.examples {
                out += "- " + marked(example) + (example.expect.isEmpty ? "" : " → " + expect(example)) + "\n"
            }
        }
        if !rule.counterexamples.isEmpty {
            out += "\nMust not match:\n\n" + rule.counterexamples.map { "- " + marked($0) + "\n" }.joined()
        }
        if !rule.todo.isEmpty {
            out += "\nKnown gaps (todo):\n\n" + rule.todo.map { "- " + marked($0) + (($0.expect.isEmpty) ? "" : " → " + expect($0)) + "\n" }.joined()
        }
        return out
    }

    static func emit(_ emit: Emit) -> String {
        var parts = ["value: $\(emit.value)"]
        if let kind = emit.kind { parts.append("kind: \(kind)") }
        if let subject = emit.subject { parts.append("subject: \(subject)") }
        for (name, value) in [("scope", emit.scope), ("unit", emit.unit), ("qualifier", emit.qualifier)] {
            switch value {
            case .literal(let text)?: parts.append("\(name): \(text)")
            case .capture(let capture)?: parts.append("\(name): $\(capture)")
            case nil: break
            }
        }
        if emit.increment { parts.append("increment: true") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// The example with its marked span in bold and markdown-sensitive characters escaped.
    static func marked(_ example: RuleExample) -> String {
        let scalars = Array(example.text.unicodeScalars)
        func piece(_ range: Range<Int>) -> String {
            escape(String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)])))
        }
        let published = example.published.map { " _(published \($0.iso))_" } ?? ""
        guard let span = example.marked else { return "“" + piece(0..<scalars.count) + "”" + published }
        return "“" + piece(0..<span.lowerBound) + "**" + piece(span) + "**" + piece(span.upperBound..<scalars.count) + "”" + published
    }

    static func expect(_ example: RuleExample) -> String {
        "`{" + example.expect.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}`"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "*_`[]<>|\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func anchor(_ id: String) -> String {
        id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    static func relative(_ path: String, _ root: String) -> String {
        guard !root.isEmpty, path.hasPrefix(root) else { return path }
        return String(path.dropFirst(root.count).drop { $0 == "/" })
    }

    /// A rule file's own `kind` and `description` keys.
    static func fileMapping(_ file: String) -> Node.Mapping? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return (try? Yams.compose(yaml: text))??.mapping
    }

    static func fileDescription(_ file: String) -> String? { fileMapping(file)?["description"]?.string }
    static func kind(of file: String) -> String? { fileMapping(file)?["kind"]?.string }
}
