import Foundation

/// `tally-embed-rules OUTPUT RULES_FOLDER`: writes a Swift file holding the bytes of every rule file
/// (`RULES_FOLDER/*.yaml`) and lexicon file (`RULES_FOLDER/lexicon/*.yaml`), named by its path inside
/// the folder, in base64 so any text survives the trip through a string literal unchanged. Run by the
/// EmbedRules build plugin, not by hand.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: tally-embed-rules OUTPUT RULES_FOLDER\n".utf8))
    exit(64)
}
let output = arguments[1]
let root = arguments[2]

/// The YAML files directly in `folder`, by name (as `RuleLoader` reads a folder).
func yamlNames(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
}

var swift = """
    // Generated at build time from rules/ by the EmbedRules plugin (Plugins/EmbedRules); do not edit.

    extension DefaultRules {
        /// Path inside `rules/` and base64 of the bytes: lexicon files, then rule files, each by name.
        static let encoded: [(path: String, base64: String)] = [

    """
for relative in yamlNames(in: root + "/lexicon").map({ "lexicon/" + $0 }) + yamlNames(in: root) {
    guard let data = FileManager.default.contents(atPath: root + "/" + relative) else {
        FileHandle.standardError.write(Data("tally-embed-rules: cannot read \(root)/\(relative)\n".utf8))
        exit(66)
    }
    // File names are plain ASCII in practice; escape the two characters a string literal cannot hold as is.
    let literal = relative.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    swift += "        (\"\(literal)\", \"\(data.base64EncodedString())\"),\n"
}
swift += "    ]\n}\n"
do {
    try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("tally-embed-rules: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
