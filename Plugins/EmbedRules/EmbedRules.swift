import Foundation
import PackagePlugin

/// Builds the package's `rules/` folder into the target it is applied to (`TallyDefaultRules`), so a
/// `tally` binary copied anywhere has its default rules and lexicons. The files are read at build time,
/// every build: an edited rule rebuilds the copy, and there is no generated file to keep in step.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("rules")
        let lexicon = rules.appendingPathComponent("lexicon")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRuleFiles.swift")
        // The folders are inputs too: SwiftPM may reuse this plan, so a file added later is noticed by
        // the folder's change, and the tool lists the folders itself rather than trusting this list.
        return [
            .buildCommand(
                displayName: "Embedding the rules and lexicons of rules/",
                executable: try context.tool(named: "tally-embed-rules").url,
                arguments: [output.path, rules.path],
                inputFiles: [rules, lexicon] + yamlFiles(in: rules) + yamlFiles(in: lexicon),
                outputFiles: [output]),
        ]
    }

    /// The YAML files directly in `folder`, as `RuleLoader` reads them.
    private func yamlFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
