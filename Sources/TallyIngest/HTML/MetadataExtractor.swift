import TallyCore

/// Title, outlet, author, URL and publication date. The signals are gathered here in one pass over the page
/// (JSON-LD `NewsArticle`, `<meta>`, `<time>`, `<h1>`, `<title>`, byline elements); `TitleCascade` and
/// `PublishedDateCascade` weigh them. JSON-LD also gives `articleBody`, for `ArticleBodyFallback`.
enum MetadataExtractor {
    struct Metadata: Sendable {
        var title: String?
        var outlet: String?
        var author: String?
        var url: String?
        var published: CalendarDate?
        /// JSON-LD `articleBody`, when the page has one.
        var articleBody: String?
    }

    /// What the JSON-LD of the page says about the article.
    struct JSONLD {
        var headline: String?
        var published: String?
        var modified: String?
        var author: String?
        var publisher: String?
        var url: String?
        var articleBody: String?
        /// Whether `published` came from an article item (a `WebPage`'s date gives way to it).
        var articlePublished = false
    }

    static let bylineClasses = NeedleSet(["byline", "author-name"])

    /// Everything the page says about itself, before the cascades weigh it.
    struct Signals {
        var title = TitleCascade.Candidates()
        /// Without the headline anchor (the title cascade picks the headline).
        var dates = PublishedDateCascade.Signals()
        var outlet: String?
        var author: String?
        var articleBody: String?
    }

    static func extract(_ page: HTMLTree) -> Metadata {
        var signals = gather(page)
        var meta = Metadata()
        meta.outlet = signals.outlet
        meta.author = signals.author
        meta.url = signals.dates.url
        let choice = TitleCascade.choose(signals.title)
        meta.title = choice.title.map(repairingMojibake)
        signals.dates.anchor = choice.h1Node
        meta.published = PublishedDateCascade.choose(signals.dates, page: page)
        meta.articleBody = signals.articleBody
        return meta
    }

    /// One pass over the page collecting the title and date candidates, outlet, author and `articleBody`.
    static func gather(_ page: HTMLTree) -> Signals {
        var ld = JSONLD()
        var metas: [String: String] = [:]
        var times: [(value: String, preferred: Bool)] = []
        var titleText: String?, canonical: String?
        var h1s: [(text: String, node: Int)] = []
        var h2s: [(text: String, node: Int)] = []
        var bylines: [String] = []
        var marked: [(date: CalendarDate, updated: Bool)] = []
        var markedRead = 0
        let today = CalendarDate.today
        for (i, node) in page.nodes.enumerated() where !node.isText {
            switch node.tag {
            case "script":
                if let type = node.attribute("type"), isJSONLD(type) {
                    applyJSONLD(page.text(of: i), to: &ld)
                }
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased()
                if let key, let content = node.attribute("content")?.trimmingSpaces(), !content.isEmpty, metas[key] == nil {
                    // Some frameworks carry the JSON-LD in a `<meta name="…ld+json">` instead of a script.
                    if isJSONLD(key) { applyJSONLD(content, to: &ld) } else { metas[key] = content }
                }
            case "time":
                if let value = node.attribute("datetime") ?? (node.attribute("pubdate") != nil ? page.text(of: i) : nil) {
                    let preferred = node.attribute("pubdate") != nil || node.attribute("itemprop")?.lowercased() == "datepublished"
                    times.append((value, preferred))
                }
            case "title":
                if titleText == nil { titleText = page.text(of: i).collapsingSpaces() }
            case "h1":
                if h1s.count < 5 { h1s.append((page.spacedText(of: i), i)) }
            case "link":
                if node.attribute("rel")?.lowercased() == "canonical" { canonical = node.attribute("href") }
            case "h2":
                if h2s.count < 3 { h2s.append((page.spacedText(of: i), i)) }
                fallthrough  // an `<h2>` may be a byline or a marked date too
            default:
                if bylines.count < 3, let cls = node.attribute("class"), bylineClasses.occurs(inLowercased: cls) {
                    let text = page.text(of: i).collapsingSpaces()
                    if !text.isEmpty && text.count < 100 { bylines.append(text) }
                }
                if markedRead < MarkedDates.maximumElements, marked.count < MarkedDates.maximumDates, MarkedDates.isMarked(node) {
                    markedRead += 1
                    if let found = MarkedDates.read(i, in: page, today: today) { marked.append(found) }
                }
            }
        }
        var signals = Signals()
        signals.outlet = (ld.publisher ?? metas["og:site_name"] ?? metas["application-name"] ?? metas["publisher"]).map(HTMLEntities.decode)
        signals.author = ld.author
        if signals.author == nil {
            for key in ["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"] {
                if let a = metas[key], !a.hasPrefix("http") {
                    signals.author = HTMLEntities.decode(a)
                    break
                }
            }
        }
        if signals.author == nil, let byline = bylines.first { signals.author = cleanByline(byline) }
        let url = ld.url ?? metas["og:url"] ?? canonical
        let siteNames = [metas["og:site_name"], metas["application-name"], ld.publisher].compactMap { $0.map(HTMLEntities.decode) }
        signals.title = TitleCascade.Candidates(
            ogTitle: metas["og:title"], twitterTitle: metas["twitter:title"], headline: ld.headline, titleTag: titleText,
            h1s: h1s, h2s: h2s, siteNames: siteNames, url: url)
        signals.dates = PublishedDateCascade.Signals(
            jsonLDPublished: ld.published, jsonLDModified: ld.modified, metas: metas, times: times, marked: marked, anchor: nil, url: url)
        signals.articleBody = ld.articleBody
        return signals
    }

    /// Schema.org types whose `headline`/`datePublished` describe the article itself.
    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "blogposting",
        "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report",
        "webpage", "posting", "socialmediaposting", "medicalwebpage", "aboutpage", "faqpage", "howto", "recipe", "review",
    ]

    private static func applyJSONLD(_ text: String, to ld: inout JSONLD) {
        guard let json = JSONValue.parse(text) else { return }
        var queue: [JSONValue] = json.list
        var seen = 0
        while !queue.isEmpty, seen < 200 {
            let item = queue.removeFirst()
            seen += 1
            if let graph = item["@graph"] { queue += graph.list }
            let types = (item["@type"]?.list ?? []).compactMap { $0.string?.lowercased() }
            guard types.contains(where: articleTypes.contains) else { continue }
            // A WebPage describes the page around the article: it fills only what no article item gives.
            let isPage = !types.contains { $0 != "webpage" && articleTypes.contains($0) }
            func fill(_ field: inout String?, _ value: String?) {
                guard let value = value.map({ HTMLEntities.decode($0).trimmingSpaces() }), !value.isEmpty else { return }
                if field == nil { field = value }
            }
            if isPage {
                if ld.published == nil { ld.published = item["datePublished"]?.string }
                if ld.modified == nil { ld.modified = item["dateModified"]?.string }
                continue
            }
            fill(&ld.headline, item["headline"]?.string ?? item["name"]?.string)
            if !ld.articlePublished, let raw = (item["datePublished"] ?? item["dateCreated"])?.string {
                ld.published = raw
                ld.articlePublished = true
            }
            fill(&ld.modified, item["dateModified"]?.string)
            if ld.author == nil {
                let names = (item["author"]?.list ?? []).compactMap(\.name).map { HTMLEntities.decode($0).trimmingSpaces() }.filter { !$0.isEmpty }
                if !names.isEmpty { ld.author = names.joined(separator: ", ") }
            }
            fill(&ld.publisher, item["publisher"]?.name)
            if ld.url == nil { ld.url = (item["url"] ?? item["mainEntityOfPage"]?["@id"])?.string }
            fill(&ld.articleBody, item["articleBody"]?.string)
        }
    }

    static let jsonLDNeedle = NeedleSet(["ld+json"])

    /// Whether a `<script type>` names JSON-LD: `type.lowercased().contains("ld+json")`, on the bytes when ASCII.
    static func isJSONLD(_ type: String) -> Bool {
        guard type.utf8.allSatisfy({ $0 < 0x80 }) else { return type.lowercased().contains("ld+json") }
        return jsonLDNeedle.occurs(inLowercased: type)
    }

    /// UTF-8 that was read as Latin-1 somewhere before the page was written ("Investorâ\u{80}\u{99}s" for
    /// "Investor’s"), decoded again. Only text that holds a C1 control (U+0080–U+009F, which no written text
    /// uses) and nothing past U+00FF is touched, and only when its bytes are valid UTF-8.
    static func repairingMojibake(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { (0x80...0x9F).contains($0.value) }), scalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        let bytes = scalars.map { UInt8($0.value) }
        guard let repaired = String(validating: bytes, as: UTF8.self) else { return text }
        return repaired
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
