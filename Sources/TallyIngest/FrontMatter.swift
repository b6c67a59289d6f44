import TallyMemory
/// Metadata at the very top of a plain-text article, between two `---` lines:
///
/// ```
/// ---
/// published: 2025-06-02
/// title: Istanbul talks end without a ceasefire
/// outlet: Example News
/// author: A. Reporter
/// url: https://example.com/story
/// ---
/// Headline line …
/// ```
///
/// Keys are case-insensitive; values may be quoted. Unknown keys are ignored with a warning.
/// `published` accepts ISO dates (`2025-06-02`, a timestamp) and written dates (`2 June 2025`).
struct FrontMatter {
    var fields: [String: String] = [:]
    var warnings: [String] = []

    static let knownKeys: Set<String> = ["published", "title", "outlet", "author", "url", "date"]

    /// Splits front matter off `lines`; returns nil when the text does not start with a `---` block.
    /// `bodyStart` is the index of the first line after the closing `---`.
    static func parse(_ lines: [Substring]) -> (frontMatter: FrontMatter, bodyStart: Int)? {
        guard let first = lines.first, first.trimmingSpaces() == "---" else { return nil }
        var matter = FrontMatter()
        var i = 1
        while i < lines.count && i <= 64 {
            let line = lines[i].trimmingSpaces()
            if line == "---" { return (matter, i + 1) }
            if line.isEmpty || line.hasPrefix("#") {
                i += 1
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { return nil }  // not key: value → not front matter
            let key = line[..<colon].trimmingSpaces().lowercased()
            var value = line[line.index(after: colon)...].trimmingSpaces()
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if knownKeys.contains(key) {
                if !value.isEmpty { matter.fields[key == "date" ? "published" : key] = value }
            } else {
                matter.warnings.append("front matter: unknown key '\(key)' ignored")
            }
            i += 1
        }
        return nil
    }
}

extension FrontMatter {
    /// `parse` for lines that are all ASCII, on the bytes: there spaces, case and `Character`s are plain bytes.
    static func parseASCII(_ buf: ByteView, lines: [Range<Int>]) -> (frontMatter: FrontMatter, bodyStart: Int)? {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        func trim(_ r: Range<Int>) -> Range<Int> {
            var a = r.lowerBound, z = r.upperBound
            while a < z, isSpace(buf[a]) { a += 1 }
            while z > a, isSpace(buf[z - 1]) { z -= 1 }
            return a..<z
        }
        func isDashes(_ r: Range<Int>) -> Bool {
            r.count == 3 && buf[r.lowerBound] == 0x2D && buf[r.lowerBound + 1] == 0x2D && buf[r.lowerBound + 2] == 0x2D
        }
        func string(_ r: Range<Int>) -> String { buf.string(r) }
        guard let first = lines.first, isDashes(trim(first)) else { return nil }
        var matter = FrontMatter()
        var i = 1
        while i < lines.count && i <= 64 {
            let line = trim(lines[i])
            if isDashes(line) { return (matter, i + 1) }
            if line.isEmpty || buf[line.lowerBound] == UInt8(ascii: "#") {
                i += 1
                continue
            }
            guard let colon = line.first(where: { buf[$0] == UInt8(ascii: ":") }) else { return nil }
            let keyRange = trim(line.lowerBound..<colon)
            let key = String(utf8Capacity: keyRange.count) { out in
                for j in keyRange {
                    let b = buf[j]
                    out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                }
            }
            var valueRange = trim((colon + 1)..<line.upperBound)
            if valueRange.count >= 2, buf[valueRange.lowerBound] == UInt8(ascii: "\"") || buf[valueRange.lowerBound] == UInt8(ascii: "'"),
                buf[valueRange.upperBound - 1] == buf[valueRange.lowerBound]
            {
                valueRange = (valueRange.lowerBound + 1)..<(valueRange.upperBound - 1)
            }
            if knownKeys.contains(key) {
                if !valueRange.isEmpty { matter.fields[key == "date" ? "published" : key] = string(valueRange) }
            } else {
                matter.warnings.append("front matter: unknown key '\(key)' ignored")
            }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (any Unicode whitespace, NBSP included).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        // A substring of the scalar range copies the bytes at once (building a scalar view copies one by one).
        return String(self[first...last])
    }
}
