import Foundation
import Testing
import TallyCore
@testable import TallyExtract

@Suite struct RegexHazardTests {
    @Test(arguments: [
        "(a+)+$", "(a*)*", "(a|a)*", "(a|ab)+", "^(\\w+\\s?)*$", "(?:x(y+))+", "((a+))*", "(a{1,50}){2,}", "x|(b+)*c", "(?<n>a+)+",
    ])
    func exponentialShapesAreFound(pattern: String) {
        #expect(RegexHazard.check(pattern) != nil, "\(pattern) passed")
    }

    @Test(arguments: [
        "^[A-Z][A-Za-z]*$", "^[A-Z]{1,3}$", "(ab|cd)*", "(a{1,3}){1,3}", "(?>a+)+", "(a++)+", "[(a+)+]", "\\(a+\\)+", "(?i)abc+", "(?:,\\d{3})*",
        "(?=a+)b", "a+b+c*",
    ])
    func safeShapesPass(pattern: String) {
        #expect(RegexHazard.check(pattern) == nil, "\(pattern): \(RegexHazard.check(pattern) ?? "")")
    }

    /// The reproducer of issue 19: `/(a+)+$/` passed `rules lint` and then took 47 s on one token.
    /// Now the rule file is refused when it loads, with the rule's line.
    @Test func aRuleWithACatastrophicRegexIsRefusedAtLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-regex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lexicon"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "pow_noun: [prisoners]\n".write(to: folder.appendingPathComponent("lexicon/nouns.yaml"), atomically: true, encoding: .utf8)
        try """
            kind: prisoners
            rules:
              - id: slow
                pattern: "n:NUM /(a+)+$/ @pow_noun"
                emit: {value: $n}
                examples: ["[[5 aaa prisoners]]"]
            """.write(to: folder.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
        let result = RuleLoader.load(directory: folder.path)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("slow.yaml:4:") && $0.contains("/(a+)+$/ can take exponential time") }, "\(messages)")
        #expect(result.ruleSet == nil)
    }
}
