import TallyMemory

/// Minimal JSON text writing for streaming output (claims in the contract's field order).
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped; U+2028/2029
    /// escaped too so the text is also safe inside a script.
    public static func string(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal (escaped by `JSONBytes.string` when it needs escapes).
    public static func append(_ text: String, to out: inout String) {
        if needsEscaping(text) {
            var bytes = JSONBytes(capacity: text.utf8.count + 16)
            bytes.string(text)
            out += bytes.text
        } else {
            out += "\""
            out += text
            out += "\""
        }
    }

    /// Whether any character needs an escape: quote, backslash, a control character, U+2028/2029
    /// (UTF-8 `E2 80 A8`/`E2 80 A9`).
    public static func needsEscaping(_ text: String) -> Bool {
        JSONEscaping.escapedCount(text) != text.utf8.count
    }

    public static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    /// A figure as the contract writes it: a plain number (no separators) or an ISO date string.
    public static func figure(_ figure: Figure?) -> String {
        guard let figure else { return "null" }
        switch figure {
        case .date(let date): return string(date.iso)
        case .number(let n): return number(n) ?? "null"
        }
    }

    /// `1000`, `2.5`; nil for infinities and NaN, which JSON cannot hold.
    public static func number(_ n: Double) -> String? {
        guard n.isFinite else { return nil }
        if n == n.rounded(), abs(n) < 9e15 { return String(Int64(n)) }
        return "\(n)"
    }
}
