/// A problem found in a rule or lexicon file, located as `file:line:col` for editors and terminals.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var file: String
    /// 1-based line, or 0 when the whole file is meant.
    public var line: Int
    /// 1-based column, or 0 when the whole line is meant.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `rules/prisoners.yaml:12:5: error: unknown lexicon class '@pow_nuon' (did you mean '@pow_noun'?)`
    public var description: String {
        "\(file):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(message)"
    }

    /// The description followed by the offending source line and a caret under the column.
    public func rendered(source: String?) -> String {
        guard let source, line > 0 else { return description }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count else { return description }
        let text = lines[line - 1]
        let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
        return "\(description)\n    \(text)\n    \(caret)"
    }
}
