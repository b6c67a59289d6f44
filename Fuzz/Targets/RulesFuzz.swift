import Foundation
import TallyCore
import TallyExtract
import TallyNumerals

/// Feeds fuzzed YAML to the lexicon parser (in memory) and to `RuleLoader` (through a scratch rules
/// folder holding only the fuzzed rule file and an empty lexicon folder: re-reading the project's
/// lexicon on every run would cost most of the time), then runs any rule set that loads over a fixed
/// sentence so fuzzed patterns reach the matcher.
final class RulesFuzz: @unchecked Sendable {
    static let shared = RulesFuzz()

    let folder: String
    let ruleFile: String
    static let sentence = Document(
        id: "fuzz", published: CalendarDate(year: 2024, month: 3, day: 1),
        text: "At least 1,200 prisoners, including 30 children, were freed on 2 March, officials said; 3 aircraft and $4.5 million followed.")

    private init() {
        folder = NSTemporaryDirectory() + "tally-fuzz-rules-\(getpid())"
        ruleFile = folder + "/fuzz.yaml"
        try? FileManager.default.createDirectory(atPath: folder + "/lexicon", withIntermediateDirectories: true)
    }

    func load(_ yaml: String) {
        let (_, problems) = Lexicon.parse(yaml: yaml, file: "fuzz.yaml")
        for problem in problems { precondition(!problem.message.isEmpty, "a diagnostic must say what is wrong") }
        guard FileManager.default.createFile(atPath: ruleFile, contents: Data(yaml.utf8)) else { return }
        let result = RuleLoader.load(directory: folder)
        for problem in result.diagnostics { precondition(!problem.message.isEmpty, "a diagnostic must say what is wrong") }
        if let ruleSet = result.ruleSet {
            _ = Extractor(rules: ruleSet).extract(RulesFuzz.sentence)
        }
    }
}
