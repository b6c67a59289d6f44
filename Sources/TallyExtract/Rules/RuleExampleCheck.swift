import TallyCore

/// Runs a rule's examples, counterexamples and todo cases through the real extractor.
public struct RuleExampleCheck: Sendable {
    /// Claim fields an example's `expect` may name (all but the document, offsets, sentence and story).
    public static let fields: Set<ClaimField> = [
        .kind, .value, .low, .high, .qualifier, .unit, .scope, .subject, .event, .speaker, .quote, .rule, .status,
    ]

    /// One way an example went wrong.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var rule: String
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(rule): \(message)" }
    }

    public let extractor: Extractor

    public init(extractor: Extractor) { self.extractor = extractor }

    /// Problems with one positive example: missed, or a field that differs.
    public func check(example: RuleExample, of rule: Rule) -> [Problem] {
        let claims = extractor.extract(Document(id: "example", published: example.published, text: example.text))
        let ofKind = claims.filter { $0.kind == rule.kind }
        let target = example.marked
        let overlapping = ofKind.filter { claim in
            guard let target else { return true }
            return claim.start < target.upperBound && target.lowerBound < claim.end
        }
        // A claim whose quote begins inside the marked span is the one marked: a longer claim of another
        // figure may reach over the span ("29 persons, [[including five students]], were killed").
        let found = overlapping.first { claim in target.map { $0.contains(claim.start) } ?? true } ?? overlapping.first
        guard let claim = found else {
            let span = target.map { " [[\(slice(example.text, $0))]]" } ?? ""
            let others = claims.map { "\($0.kind) '\($0.quote)' (\($0.rule))" }.joined(separator: "; ")
            return [problem(rule, example, "missed: no \(rule.kind) claim\(span)" + (others.isEmpty ? "" : " — got \(others)"))]
        }
        var problems: [Problem] = []
        for (field, expected) in example.expect.sorted(by: { $0.key < $1.key }) {
            let actual = RuleExampleCheck.field(field, of: claim)
            if !RuleExampleCheck.same(actual, expected) {
                problems.append(problem(rule, example, "changed field '\(field)': expected \(expected), got \(actual ?? "null") in '\(claim.quote)'"))
            }
        }
        return problems
    }

    /// Problems with a counterexample: any claim of the rule's kind is unexpected.
    public func check(counterexample: RuleExample, of rule: Rule) -> [Problem] {
        let claims = extractor.extract(Document(id: "counterexample", published: counterexample.published, text: counterexample.text))
        return claims.filter { $0.kind == rule.kind }.map {
            problem(rule, counterexample, "unexpected \($0.kind) claim '\($0.quote)' (\($0.rule)) in a counterexample")
        }
    }

    /// Every problem with every case of a rule; todo cases are returned separately as (passes?).
    public func check(rule: Rule) -> (problems: [Problem], todoPassing: [RuleExample]) {
        var problems: [Problem] = []
        for example in rule.examples { problems += check(example: example, of: rule) }
        for counterexample in rule.counterexamples { problems += check(counterexample: counterexample, of: rule) }
        let passing = rule.todo.filter { check(example: $0, of: rule).isEmpty }
        return (problems, passing)
    }

    /// A claim field as text, for comparing with an example's `expect`; nil for null or a name that is
    /// not one of `fields`.
    public static func field(_ name: String, of claim: Claim) -> String? {
        guard let field = ClaimField(rawValue: name), fields.contains(field) else { return nil }
        switch field.value(in: claim) {
        case .text(let text), .keyword(let text): return text
        case .figure(let figure): return figure?.plain
        case .integer(let n): return n.map(String.init)
        case .words(let words): return words?.joined(separator: " ")
        }
    }

    /// Numbers compare numerically (1000 = 1000.0 = 1e3), `null`/`~` match a missing value.
    static func same(_ actual: String?, _ expected: String) -> Bool {
        let nullish: Set<String> = ["null", "~", ""]
        guard let actual else { return nullish.contains(expected) }
        if let a = Double(actual), let e = Double(expected.replacingOccurrences(of: ",", with: "")) { return abs(a - e) <= 1e-9 * max(1, abs(e)) }
        return actual == expected
    }

    private func problem(_ rule: Rule, _ example: RuleExample, _ message: String) -> Problem {
        Problem(rule: rule.id, file: rule.file, line: example.line, message: message)
    }

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(view)
    }
}

extension Figure {
    /// Plain text for comparisons: `1000`, `0.5`, `2025-06-02`.
    var plain: String {
        switch self {
        case .date(let date): return date.iso
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        }
    }
}
