import ArgumentParser

/// "Did you mean": a mistyped subcommand (`tally reprot`) is named with the closest command rather than
/// reported as an unexpected argument.
enum CommandSuggestion {
    /// The message for the first word of `arguments` that is not a subcommand where one is expected
    /// (`tally reprot`, `tally rules lnt`), or nil when every command word is known.
    static func problem(in arguments: [String], root: ParsableCommand.Type = Tally.self) -> String? {
        var subcommands = root.configuration.subcommands
        var path = [root.configuration.commandName ?? "tally"]
        for word in arguments {
            guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
            let names = subcommands.map { name(of: $0) }
            guard let index = names.firstIndex(of: word) else {
                let head = "\(path.joined(separator: " ")): unknown command '\(word)'"
                let known = names.joined(separator: ", ")
                if let close = closest(to: word, among: names) { return "\(head); did you mean '\(close)'? (commands: \(known))" }
                return "\(head) (commands: \(known))"
            }
            subcommands = subcommands[index].configuration.subcommands
            path.append(word)
        }
        return nil
    }

    private static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? ""
    }

    /// The name nearest `word` by edit distance (a swap of neighbours counts one), if within a third of its length
    /// (at least 1, at most 3), or a name `word` starts (`rep` for `report`).
    static func closest(to word: String, among names: [String]) -> String? {
        let lowered = word.lowercased()
        if lowered.count >= 2, let prefixed = names.first(where: { $0.hasPrefix(lowered) }) { return prefixed }
        let limit = min(3, max(1, lowered.count / 3))
        let scored = names.map { ($0, distance(Array(lowered), Array($0))) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
