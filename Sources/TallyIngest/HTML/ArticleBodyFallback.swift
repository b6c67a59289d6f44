/// The article text for pages whose DOM holds almost none of it: pages rendered by JavaScript ship the
/// text in JSON-LD `articleBody` or in their embedded state (`<script id="__NEXT_DATA__">`). Used only when
/// the DOM extraction came out starved, and only when it gives clearly more text.
enum ArticleBodyFallback {
    /// A string of the embedded state counts as article text from this length, with this many spaces.
    static let minimumStringLength = 120
    static let minimumSpaces = 12
    /// Bound on the embedded state read (bytes) and on the strings taken.
    static let maximumStateBytes = 4 << 20
    static let maximumStrings = 400

    /// The better fallback text, or nil when neither source has clearly more prose than `current`
    /// (`ContentExtractor.proseSize`).
    static func text(articleBody: String?, page: HTMLTree, current: Int) -> String? {
        let needed = 2 * current + 200
        if let body = articleBody.map(plainText), ContentExtractor.proseSize(body) >= needed { return body }
        guard let state = embeddedState(page) else { return nil }
        let text = stateText(state)
        return ContentExtractor.proseSize(text) >= needed ? text : nil
    }

    /// The JSON text of `<script id="__NEXT_DATA__">` (or another `application/json` state script named so).
    static func embeddedState(_ page: HTMLTree) -> String? {
        for (i, node) in page.nodes.enumerated() where node.tag == "script" {
            guard let id = node.attribute("id"), id == "__NEXT_DATA__" || id == "__NUXT_DATA__" else { continue }
            let text = page.text(of: i)
            return text.utf8.count <= maximumStateBytes ? text : nil
        }
        return nil
    }

    /// The long prose strings of a JSON text, in document order, one paragraph each (HTML inside them
    /// reduced to text). Object key order matters here, so the literals are read straight from the text.
    static func stateText(_ json: String) -> String {
        var paragraphs: [String] = []
        var seen = Set<String>()
        let bytes = Array(json.utf8)
        var i = 0
        while i < bytes.count, paragraphs.count < maximumStrings {
            guard bytes[i] == UInt8(ascii: "\"") else {
                i += 1
                continue
            }
            var j = i + 1
            var spaces = 0
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                if bytes[j] == UInt8(ascii: "\\") { j += 1 } else if bytes[j] == 0x20 { spaces += 1 }
                j += 1
            }
            guard j < bytes.count else { break }
            // A key is followed by `:`; prose is a value.
            var k = j + 1
            while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            let isKey = k < bytes.count && bytes[k] == UInt8(ascii: ":")
            if !isKey, j - i - 1 >= minimumStringLength, spaces >= minimumSpaces,
                let value = JSONValue.parse(String(decoding: bytes[i...j], as: UTF8.self))?.string,
                !value.hasPrefix("http")
            {
                for paragraph in plainText(value).split(separator: "\n") where seen.insert(String(paragraph)).inserted {
                    paragraphs.append(String(paragraph))
                }
            }
            i = j + 1
        }
        return paragraphs.joined(separator: "\n")
    }

    /// `text` with HTML tags taken out (block ends become line breaks), entities decoded, spaces collapsed.
    static func plainText(_ text: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        for c in text {
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tag.lowercased().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                    if ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"].contains(String(name)) { out.append("\n") }
                    tag = ""
                } else if tag.count < 20 {
                    tag.append(c)
                }
            } else if c == "<" {
                inTag = true
            } else {
                out.append(c)
            }
        }
        return HTMLEntities.decode(out).split(separator: "\n").map { String($0).collapsingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
