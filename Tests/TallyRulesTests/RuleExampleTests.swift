import Testing
import TallyCore
import TallyExtract

/// Every example, counterexample and todo case in `rules/*.yaml` as its own test, failing at its YAML line.
@Suite struct RuleExampleTests {
    @Test func rulesLoad() {
        guard case .failure(let error) = RuleFixtures.loaded else { return }
        for diagnostic in error.diagnostics {
            Issue.record(Comment(rawValue: diagnostic.message), sourceLocation: RuleFixtures.location(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column))
        }
    }

    @Test("example", arguments: RuleCase.examples)
    func example(_ test: RuleCase) throws {
        let check = try #require(RuleFixtures.check)
        for problem in check.check(example: test.example, of: test.rule) {
            Issue.record(Comment(rawValue: problem.message), sourceLocation: test.location)
        }
    }

    @Test("counterexample", arguments: RuleCase.counterexamples)
    func counterexample(_ test: RuleCase) throws {
        let check = try #require(RuleFixtures.check)
        for problem in check.check(counterexample: test.example, of: test.rule) {
            Issue.record(Comment(rawValue: problem.message), sourceLocation: test.location)
        }
    }

    /// A todo case is a known gap: it is expected to fail. One that passes is reported so it can be promoted.
    @Test("todo", arguments: RuleCase.todos)
    func todo(_ test: RuleCase) throws {
        let check = try #require(RuleFixtures.check)
        withKnownIssue("todo case — if this is reported as passing, promote me to an example (\(test.rule.file):\(test.example.line))") {
            let problems = check.check(example: test.example, of: test.rule)
            for problem in problems { Issue.record(Comment(rawValue: problem.message), sourceLocation: test.location) }
        }
    }

    /// The same positive examples rewritten (multibyte prefix, no-break/thin thousands separators, en dashes).
    @Test("example variant", arguments: RuleCase.variants)
    func variant(_ test: RuleCase) throws {
        let check = try #require(RuleFixtures.check)
        for problem in check.check(example: test.example, of: test.rule) {
            Issue.record(Comment(rawValue: "\(test.variant.rawValue): \(problem.message)"), sourceLocation: test.location)
        }
        guard test.variant == .multibytePrefix, let original = Self.target(check, test.rule, test.example, shift: ExampleVariant.shift) else { return }
        guard let shifted = Self.target(check, test.rule, test.example, shift: 0) else { return }
        // Offsets are Unicode-scalar offsets: a 7-scalar prefix moves the claim by exactly 7.
        #expect(shifted.start == original.start + ExampleVariant.shift, "start moved by \(shifted.start - original.start)", sourceLocation: test.location)
        #expect(shifted.end == original.end + ExampleVariant.shift, "end moved by \(shifted.end - original.end)", sourceLocation: test.location)
        #expect(shifted.quote == original.quote, sourceLocation: test.location)
    }

    /// The claim of the rule's kind over the marked span, extracted from the example with `shift`
    /// scalars of prefix removed (shift 7 → the original text).
    static func target(_ check: RuleExampleCheck, _ rule: Rule, _ example: RuleExample, shift: Int) -> Claim? {
        let text = String(String.UnicodeScalarView(example.text.unicodeScalars.dropFirst(shift)))
        let marked = example.marked.map { ($0.lowerBound - shift)..<($0.upperBound - shift) }
        let claims = check.extractor.extract(Document(id: "variant", published: example.published, text: text))
        return claims.first { claim in
            claim.kind == rule.kind && (marked.map { claim.start < $0.upperBound && $0.lowerBound < claim.end } ?? true)
        }
    }
}
