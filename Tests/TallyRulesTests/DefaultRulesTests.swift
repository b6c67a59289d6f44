import Foundation
import Testing
import TallyCore
import TallyDefaultRules
import TallyExtract

/// The rules built into the binary are the repository's `rules/`, byte for byte: the build copies them,
/// and these tests fail if the copy and the folder ever part (a file added but not embedded, a stale build).
@Suite struct DefaultRulesTests {
    /// Every `*.yaml` file of `rules/` and `rules/lexicon/`, as paths inside the package (`rules/…`).
    static func folderFiles(_ subfolder: String) throws -> [RuleLoader.File] {
        let folder = RuleFixtures.rulesDirectory + subfolder
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { name in
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                return RuleLoader.File(path: "rules" + subfolder + "/" + name, text: text)
            }
    }

    @Test func embeddedFilesAreTheRulesFolder() throws {
        let lexicon = try Self.folderFiles("/lexicon")
        let rules = try Self.folderFiles("")
        #expect(!lexicon.isEmpty && !rules.isEmpty)
        #expect(DefaultRules.files.lexicon.map(\.path) == lexicon.map(\.path))
        #expect(DefaultRules.files.rules.map(\.path) == rules.map(\.path))
        for (embedded, file) in zip(DefaultRules.files.lexicon + DefaultRules.files.rules, lexicon + rules) {
            #expect(embedded.text == file.text, "\(file.path) differs from the copy built into tally: rebuild (after editing a rule file added since the last build plan, `touch Package.swift` first)")
        }
    }

    @Test func embeddedRulesLoadAsTheFolderDoes() throws {
        let builtIn = DefaultRules.load()
        #expect(builtIn.diagnostics.filter { $0.severity == .error }.isEmpty)
        let embedded = try #require(builtIn.ruleSet)
        let folder = try #require(RuleFixtures.rules)
        // Same names and bytes give the same fingerprint, so a `--db` store filled with either is reused.
        #expect(embedded.fingerprint == folder.fingerprint)
        #expect(embedded.rules.map(\.id) == folder.rules.map(\.id))
        #expect(embedded.lexicon.classes.count == folder.lexicon.classes.count)
    }

    @Test func problemsInEmbeddedFilesNameTheirPath() {
        let broken = RuleLoader.File(path: "rules/broken.yaml", text: "kind: people\nrules:\n  - id: x\n    pattern: [\n")
        let result = RuleLoader.load(lexicon: DefaultRules.files.lexicon, rules: [broken], origin: DefaultRules.origin)
        #expect(result.ruleSet == nil)
        #expect(result.diagnostics.contains { $0.file == "rules/broken.yaml" && $0.severity == .error })
    }
}
