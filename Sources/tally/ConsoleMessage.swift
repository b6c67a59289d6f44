import TallyReport

/// A message for stderr whose literal parts are tally's own and whose interpolated values (file
/// names, article text, errors quoting either) are escaped with `TerminalText.escape`: a file named
/// `"a\ntally: all good"` or an article holding `ESC ]0;…` cannot forge a line or act on the terminal.
struct ConsoleMessage: ExpressibleByStringInterpolation {
    private(set) var text = ""

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// Any value, escaped.
        mutating func appendInterpolation(_ value: some Any) { text += TerminalText.escape(String(describing: value)) }

        /// Several lines (a list of problems): each escaped, the line breaks between them kept.
        mutating func appendInterpolation(lines: String) {
            text += lines.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TerminalText.escape(String($0)) }.joined(separator: "\n")
        }
    }
}
