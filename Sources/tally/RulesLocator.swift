import Foundation

/// Finds a `rules/` folder when `--rules` is not given; without one, tally uses the rules built into it.
enum RulesLocator {
    /// `$TALLY_RULES`, else `./rules`, else a `rules` folder beside the executable or in one of its
    /// parent folders (so a checkout's edited rules win under `swift run`), else nil: the built-in rules.
    static func defaultDirectory(executable: String = CommandLine.arguments.first ?? "") -> String? {
        if let fromEnvironment = ProcessInfo.processInfo.environment["TALLY_RULES"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        if isRulesFolder("rules") { return "rules" }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [folder.appendingPathComponent("rules"), folder.appendingPathComponent("share/tally/rules")] {
                if isRulesFolder(candidate.path) { return candidate.path }
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func isRulesFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/lexicon", isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
