import TallyCore

/// Title, outlet, author, URL and publication date by the cascade news extractors share:
/// JSON-LD `NewsArticle` (`headline`, `datePublished`, `author`, `publisher.name`) → `<meta>`
/// (`og:title`, `og:site_name`, `article:published_time`, `author`, `date` …) → `<time datetime>` and
/// byline elements → `<title>` / `<h1>`. The date is read by `DateNormalizer`.
enum MetadataExtractor {
    struct Metadata: Sendable {
        var title: String?
        var outlet: String?
        var author: String?
        var url: String?
        var published: CalendarDate?
    }

    /// `<meta>` names and properties that carry a publication date, most specific first.
    static let dateMetaNames = [
        "article:published_time", "og:article:published_time", "article.published", "datepublished", "date",
        "pubdate", "publish-date", "publish_date", "publishdate", "published_time", "dc.date.issued", "dc.date",
        "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
        "og:published_time", "article:modified_time",
    ]

    static let bylineClasses = NeedleSet(["byline", "author-name"])

    static func extract(_ page: HTMLTree) -> Metadata {
        var meta = Metadata()
        var metas: [String: String] = [:]
        var times: [(value: String, preferred: Bool)] = []
        var titleText: String?, h1Text: String?, canonical: String?
        var bylines: [String] = []
        for (i, node) in page.nodes.enumerated() where !node.isText {
            switch node.tag {
            case "script":
                if let type = node.attribute("type"), isJSONLD(type) {
                    applyJSONLD(page.text(of: i), to: &meta)
                }
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased()
                if let key, let content = node.attribute("content")?.trimmingSpaces(), !content.isEmpty, metas[key] == nil {
                    metas[key] = content
                }
            case "time":
                if let value = node.attribute("datetime") ?? (node.attribute("pubdate") != nil ? page.text(of: i) : nil) {
                    let preferred = node.attribute("pubdate") != nil || node.attribute("itemprop")?.lowercased() == "datepublished"
                    times.append((value, preferred))
                }
            case "title":
                if titleText == nil { titleText = page.text(of: i).collapsingSpaces() }
            case "h1":
                if h1Text == nil { h1Text = page.text(of: i).collapsingSpaces() }
            case "link":
                if node.attribute("rel")?.lowercased() == "canonical" { canonical = node.attribute("href") }
            default:
                if bylines.count < 3, let cls = node.attribute("class"), bylineClasses.occurs(inLowercased: cls) {
                    let text = page.text(of: i).collapsingSpaces()
                    if !text.isEmpty && text.count < 100 { bylines.append(text) }
                }
            }
        }
        meta.title = meta.title ?? metas["og:title"] ?? metas["twitter:title"] ?? h1Text.nonEmpty ?? titleText.nonEmpty
        meta.outlet = meta.outlet ?? metas["og:site_name"] ?? metas["application-name"] ?? metas["publisher"]
        if meta.author == nil {
            for key in ["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"] {
                if let a = metas[key], !a.hasPrefix("http") {
                    meta.author = a
                    break
                }
            }
        }
        if meta.author == nil, let byline = bylines.first { meta.author = cleanByline(byline) }
        meta.url = meta.url ?? metas["og:url"] ?? canonical
        if meta.published == nil {
            for key in dateMetaNames {
                if let raw = metas[key], let date = DateNormalizer.date(raw) {
                    meta.published = date
                    break
                }
            }
        }
        if meta.published == nil {
            let ordered = times.filter(\.preferred) + times.filter { !$0.preferred }
            meta.published = ordered.lazy.compactMap { DateNormalizer.date($0.value) }.first
        }
        return meta
    }

    /// Schema.org types whose `headline`/`datePublished` describe the article itself.
    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "blogposting",
        "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report",
    ]

    private static func applyJSONLD(_ text: String, to meta: inout Metadata) {
        guard let json = JSONValue.parse(text) else { return }
        var queue: [JSONValue] = json.list
        var seen = 0
        while !queue.isEmpty, seen < 200 {
            let item = queue.removeFirst()
            seen += 1
            if let graph = item["@graph"] { queue += graph.list }
            let types = (item["@type"]?.list ?? []).compactMap { $0.string?.lowercased() }
            guard types.contains(where: articleTypes.contains) else { continue }
            if meta.title == nil { meta.title = (item["headline"] ?? item["name"])?.string?.trimmingSpaces().nonEmpty }
            if meta.published == nil, let raw = (item["datePublished"] ?? item["dateCreated"])?.string {
                meta.published = DateNormalizer.date(raw)
            }
            if meta.author == nil {
                let names = (item["author"]?.list ?? []).compactMap(\.name).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                if !names.isEmpty { meta.author = names.joined(separator: ", ") }
            }
            if meta.outlet == nil { meta.outlet = item["publisher"]?.name?.trimmingSpaces().nonEmpty }
            if meta.url == nil { meta.url = (item["url"] ?? item["mainEntityOfPage"]?["@id"])?.string }
        }
    }

    static let jsonLDNeedle = NeedleSet(["ld+json"])

    /// Whether a `<script type>` names JSON-LD: `type.lowercased().contains("ld+json")`, on the bytes when ASCII.
    static func isJSONLD(_ type: String) -> Bool {
        guard type.utf8.allSatisfy({ $0 < 0x80 }) else { return type.lowercased().contains("ld+json") }
        return jsonLDNeedle.occurs(inLowercased: type)
    }

    /// "By Jane Doe and John Roe" → "Jane Doe and John Roe".
    private static func cleanByline(_ text: String) -> String {
        var t = Substring(text)
        if t.lowercased().hasPrefix("by ") { t = t.dropFirst(3) }
        return t.trimmingSpaces()
    }
}

extension Optional where Wrapped == String {
    /// nil for nil or an empty string.
    var nonEmpty: String? {
        guard let s = self, !s.isEmpty else { return nil }
        return s
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }

    /// Runs of whitespace (NBSP included) collapsed to one space, ends trimmed.
    func collapsingSpaces() -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }
}
