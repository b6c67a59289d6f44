import Foundation
import TallyExtract

/// The `rules/` folder as it was when tally was built (copied in by the EmbedRules build plugin), used
/// when no rules folder is given or found: a `tally` binary installed or copied anywhere still runs.
public enum DefaultRules {
    /// Shown where a problem or a listing names the rules' origin.
    public static let origin = "built-in rules"

    /// Every embedded file as `RuleLoader` reads a folder: lexicon files (`lexicon/…`), then rule files,
    /// each list by name. Paths read `rules/NAME.yaml`, as in the source tree.
    public static let files: (lexicon: [RuleLoader.File], rules: [RuleLoader.File]) = {
        var lexicon: [RuleLoader.File] = []
        var rules: [RuleLoader.File] = []
        for (path, base64) in encoded {
            // The plugin wrote the base64 from the file's bytes, so it always decodes.
            let text = String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
            let file = RuleLoader.File(path: "rules/" + path, text: text)
            if path.hasPrefix("lexicon/") { lexicon.append(file) } else { rules.append(file) }
        }
        return (lexicon.sorted { $0.path < $1.path }, rules.sorted { $0.path < $1.path })
    }()

    /// Loads and validates the built-in rules (they were valid when built, but `rules lint` shows any problem).
    public static func load() -> RuleLoader.Result {
        RuleLoader.load(lexicon: files.lexicon, rules: files.rules, origin: origin)
    }
}
