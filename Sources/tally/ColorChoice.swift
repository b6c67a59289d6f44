import ArgumentParser
import Foundation

/// `--color auto|always|never`: ANSI colour in the text report.
///
/// `auto` colours only a terminal, and not when `NO_COLOR` is set to anything but the empty string or
/// `TERM` is `dumb` (see no-color.org); an explicit `always` or `never` wins over both.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour output that goes to stdout (`toFile`: `--output` was given, never coloured in `auto`).
    func enabled(toFile: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
                 isTerminal: Bool = Console.isOutputTerminal) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if toFile || !isTerminal { return false }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return environment["TERM"] != "dumb"
        }
    }
}
