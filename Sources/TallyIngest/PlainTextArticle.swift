import TallyCore

/// A plain-text article: optional front matter (see `FrontMatter`), then the headline on the first
/// non-empty line, then the body.
///
/// `Document.text` keeps the headline as its first line, followed by the body paragraphs, one per line:
/// blank lines are collapsed, trailing spaces trimmed, and page chrome (see `ChromeFilter`: bare counters,
/// "Image source: …", comment and share widgets) dropped. `Document.title` is the front matter title or
/// the headline. `published` comes from the front matter, else `IngestOptions.published`, else nil.
enum PlainTextArticle {
    static func document(text: String, id: String, options: IngestOptions) -> Document {
        var warnings: [String] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var bodyStart = 0
        var fields: [String: String] = [:]
        if let (matter, start) = FrontMatter.parse(lines) {
            fields = matter.fields
            warnings += matter.warnings
            bodyStart = start
        }
        var kept: [String] = []
        var dropped = 0
        for line in lines[bodyStart...] {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if ChromeFilter.isChrome(trimmed) {
                dropped += 1
                continue
            }
            kept.append(trimmed)
        }
        var published: String?
        if let raw = fields["published"] {
            if let date = DateNormalizer.isoDate(raw) {
                published = date
            } else {
                warnings.append("front matter: published '\(raw)' is not a date; ignored")
            }
        }
        if published == nil { published = options.published?.iso }
        if kept.isEmpty { warnings.append("no text after removing page chrome") }
        return Document(
            id: id, title: fields["title"] ?? kept.first, outlet: fields["outlet"], author: fields["author"], url: fields["url"],
            published: published, encoding: nil, text: kept.joined(separator: "\n"), warnings: warnings)
    }
}
