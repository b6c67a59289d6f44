/// Escaping for HTML text and attributes, and the link schemes a report may point to.
enum HTMLText {
    /// Escapes `& < > " '`: safe in element content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The URL, escaped for an `href`, when it is an http(s) link; nil otherwise (so article
    /// metadata cannot smuggle a `javascript:` link into the page).
    static func href(_ url: String?) -> String? {
        guard let url = url?.trimmingWhitespace(), !url.isEmpty else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == " " }) else { return nil }
        return escape(url)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
