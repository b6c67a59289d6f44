import Foundation
import Testing
import TallyCore
@testable import TallyExtract

/// Loading reports every problem in a broken rules folder, located, and accepts the real one.
@Suite struct RuleLoaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theRepositoryRulesLoadWithoutProblems() throws {
        let result = RuleLoader.load(directory: Self.repository.appendingPathComponent("rules").path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.rules.count >= 20)
        #expect(result.ruleSet != nil)
    }

    @Test func everyProblemIsReportedWithFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lexicon"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "pow_noun: [prisoners, captives]\n".write(to: folder.appendingPathComponent("lexicon/nouns.yaml"), atomically: true, encoding: .utf8)
        try """
            kind: prisoners
            rules:
              - id: a
                pattern: "n:NUM @pow_nuon"
                emit: {value: $n}
                examples: ["[[5 prisoners]]"]
              - id: b
                pattern: "n:NUM prisoners"
                emit: {value: $count}
                colour: red
              - id: a
                pattern: "n:NUM /[/"
                emit: {value: $n}
                counterexamples: ["none"]
            """.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try "kind: bodies\nrules: [\n".write(to: folder.appendingPathComponent("syntax.yaml"), atomically: true, encoding: .utf8)

        let result = RuleLoader.load(directory: folder.path)
        let messages = result.diagnostics.map(\.description)
        let broken = folder.appendingPathComponent("broken.yaml").path
        #expect(messages.contains("\(broken):4:21: error: unknown lexicon class '@pow_nuon' (did you mean '@pow_noun'?)"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(broken):9:") && $0.contains("capture '$count' that the pattern never defines") })
        #expect(messages.contains { $0.hasPrefix("\(broken):10:") && $0.contains("unknown key 'colour'") })
        #expect(messages.contains { $0.hasPrefix("\(broken):7:") && $0.contains("has no examples or counterexamples") })
        #expect(messages.contains { $0.contains("duplicate rule id 'a'") })
        #expect(messages.contains { $0.contains("does not compile") })
        #expect(messages.contains { $0.contains("syntax.yaml:") && $0.contains("YAML syntax") })
        #expect(result.ruleSet == nil)
    }

    /// Classes the numerals layer reads have values of their own form; one it cannot read is a located
    /// error when the rules load (and in `tally rules lint`), not an entry dropped unsaid.
    @Test func numeralClassValuesItCannotReadAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lexicon"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "holiday:\n  13-45: [bogus day]\ntime_unit:\n  fortnights: [fortnight]\n".write(
            to: folder.appendingPathComponent("lexicon/numerals.yaml"), atomically: true, encoding: .utf8)
        try "kind: prisoners\nrules:\n  - id: a\n    pattern: \"n:NUM prisoners\"\n    emit: {value: $n}\n    examples: [\"[[5 prisoners]]\"]\n".write(
            to: folder.appendingPathComponent("prisoners.yaml"), atomically: true, encoding: .utf8)
        let result = RuleLoader.load(directory: folder.path)
        let messages = result.diagnostics.map(\.description)
        let lexicon = folder.appendingPathComponent("lexicon/numerals.yaml").path
        #expect(messages.contains { $0.hasPrefix("\(lexicon):2:") && $0.contains("holiday rule '13-45'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(lexicon):4:") && $0.contains("unknown time unit 'fortnights'") }, "\(messages)")
        #expect(result.ruleSet == nil)
    }

    /// An example's `published:` is read as a date when the rules load; one that is not a date is a
    /// located error, not an example silently run without a reference date.
    @Test func examplePublishedIsReadAsADate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            kind: prisoners
            rules:
              - id: dated
                pattern: "n:NUM prisoners"
                emit: {value: $n}
                examples:
                  - {text: "[[5 prisoners]] on Monday", published: "2025-06-03"}
                  - {text: "[[6 prisoners]]", published: "sometime"}
            """.write(to: folder.appendingPathComponent("dated.yaml"), atomically: true, encoding: .utf8)
        let result = RuleLoader.load(directory: folder.path)
        let file = folder.appendingPathComponent("dated.yaml").path
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("\(file):8:") && $0.contains("published must be a date") })
        #expect(result.rules.first?.examples.first?.published == CalendarDate(year: 2025, month: 6, day: 3))
    }

    /// Scalars read as Yams reads them with its default resolver: integers in every YAML form, booleans
    /// in every spelling, keys looked up whatever their quoting; and duplicate keys are still an error.
    @Test func valuesAndKeysReadAsYAMLReadsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func rule(_ id: String, _ extra: String) -> String {
            "  - {id: \(id), pattern: \"n:NUM prisoners\", emit: {value: $n}, examples: [\"[[5 prisoners]]\"], \(extra)}\n"
        }
        let text = "kind: prisoners\n\"rules\":\n" + rule("p12", "priority: 12") + rule("minus3", "priority: -3")
            + rule("octal", "priority: 010") + rule("underscored", "priority: 1_000") + rule("hex", "priority: 0x1F")
            + rule("quoted", "priority: \"5\"") + rule("minuszero", "priority: -0") + rule("zero", "priority: 0")
            + rule("yes", "emit2: 1, 'priority': 4") + "  - id: dup\n    id: dup2\n"
        try text.write(to: folder.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        try (text.replacingOccurrences(of: "  - id: dup\n    id: dup2\n", with: "") + "  - {id: inc, pattern: \"n:NUM\", emit: {value: $n, increment: yes}, examples: [\"[[5]]\"]}\n")
            .write(to: folder.appendingPathComponent("values2.yaml"), atomically: true, encoding: .utf8)

        let result = RuleLoader.load(directory: folder.path)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("values.yaml") && $0.contains("YAML") }, "\(messages)")  // the duplicate `id`
        let second = folder.appendingPathComponent("values2.yaml").path
        let priorities = Dictionary(result.rules.filter { $0.file == second }.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
        #expect(priorities["p12"] == 12 && priorities["minus3"] == -3 && priorities["octal"] == 8 && priorities["underscored"] == 1000)
        #expect(priorities["hex"] == 31 && priorities["zero"] == 0 && priorities["yes"] == 4)
        #expect(messages.filter { $0.hasPrefix(second) && $0.contains("priority must be an integer") }.count == 2, "\(messages)")  // "5", -0
        #expect(messages.contains { $0.hasPrefix(second) && $0.contains("unknown key 'emit2'") })
        #expect(result.rules.first { $0.id == "inc" }?.emit.increment == true)
    }

    /// `recent: DAYS` is read as a number of days; anything else is a located error.
    @Test func recentTakesANumberOfDays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "kind: date\nrules:\n"
            + "  - {id: kept, pattern: \"d:DATE\", recent: 45, emit: {value: $d}, examples: [\"[[May 2]]\"]}\n"
            + "  - {id: bad, pattern: \"d:DATE\", recent: soon, emit: {value: $d}, examples: [\"[[May 2]]\"]}\n"
        try text.write(to: folder.appendingPathComponent("dates.yaml"), atomically: true, encoding: .utf8)
        let result = RuleLoader.load(directory: folder.path)
        #expect(result.rules.first { $0.id == "kept" }?.recentDays == 45)
        #expect(result.diagnostics.contains { $0.description.contains("recent takes a number of days") }, "\(result.diagnostics)")
    }

    /// A file whose figures an article states once (`repeats: once`) keeps the first mention of each date;
    /// any other value of `repeats` is a located error.
    @Test func aFileStatedOnceKeepsTheFirstMentionOfEachFigure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rule = "rules:\n  - {id: day, pattern: \"n:DATE\", emit: {value: $n}, examples: [\"[[Saturday]]\"]}\n"
        try ("kind: date\nrepeats: once\n" + rule).write(to: folder.appendingPathComponent("date.yaml"), atomically: true, encoding: .utf8)
        let ruleSet = try RuleSet.load(directory: folder.path)
        let text = "Hamas freed 13 hostages on Saturday. The Red Cross said the convoy left late Saturday. Talks resume on Monday."
        let document = Document(id: "a.txt", published: CalendarDate(year: 2023, month: 11, day: 27), text: text)
        let dates = Extractor(rules: ruleSet).extract(document).map(\.quote)
        #expect(dates == ["Saturday", "Monday"])

        try ("kind: date\nrepeats: twice\n" + rule).write(to: folder.appendingPathComponent("date.yaml"), atomically: true, encoding: .utf8)
        let messages = RuleLoader.load(directory: folder.path).diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("date.yaml:2:") && $0.contains("'repeats' takes one value: once") }, "\(messages)")
    }
}
