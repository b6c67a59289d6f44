#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import TallyCore

/// The publication date of a page, from the places sites put it, in the order that proved right most often
/// (on wcxb-dev, whose ground truth is the date a reader takes from the page):
///
/// 1. `<meta>` publication dates (`article:published_time`, `dc.date`, `parsely-pub-date`, `sailthru.date`
///    …): content systems write them from the post's own publication field; a dateline by the headline more
///    than a day before it wins (the metadata then names a republication or a move to a new system);
/// 2. the date the reader sees next to the headline (the byline or dateline: "Published Jan 7, 2023",
///    "By X | March 4, 2025", a `<time>`), unless labelled a revision; then the revision date seen there
///    ("Updated: 3 March 2025") when it is the only one;
/// 3. JSON-LD `datePublished` and `<meta itemprop="datePublished">` (schema plugins often fill them with the
///    page's creation or first draft), then `<time datetime>` anywhere;
/// 4. a date the page marks as one anywhere else (`<p class="date">`, `<span class="published-date">`,
///    `itemprop="datePublished"` on a visible element), first in document order;
/// 5. a revision date marked anywhere, then a date in the URL path (`/2024/06/30/`, `/2023/october/03/`),
///    then the first short text on the page that starts with a date (`MarkedDates.firstStandalone`);
/// 6. modified dates from the metadata, only when nothing else is known.
///
/// A URL path date one day off the date chosen is taken instead (the same moment on the site's own
/// calendar). Dates after today are refused (a clock or a template placeholder, not a publication).
enum PublishedDateCascade {
    struct Signals {
        var jsonLDPublished: String?
        var jsonLDModified: String?
        /// `<meta>` keys (lower-cased) and values.
        var metas: [String: String] = [:]
        /// `<time>` elements: value, whether marked as the publication date.
        var times: [(value: String, preferred: Bool)] = []
        /// Dates in elements marked as dates (`MarkedDates`), in document order; `updated` when labelled a revision.
        var marked: [(date: CalendarDate, updated: Bool)] = []
        /// The headline's node, where the dateline is looked for.
        var anchor: Int?
        var url: String?
    }

    /// `<meta>` names and properties that carry a publication date, most specific first.
    static let publishedMetaNames = [
        "article:published_time", "og:article:published_time", "article.published", "datepublished", "date",
        "pubdate", "publish-date", "publish_date", "publishdate", "published_time", "dc.date.issued", "dc.date",
        "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "og:published_time", "article:published", "datecreated",
    ]

    static let modifiedMetaNames = ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified"]

    static func choose(_ s: Signals, page: HTMLTree, today: CalendarDate = CalendarDate.today) -> CalendarDate? {
        let chosen = cascade(s, page: page, today: today)
        // A URL path date a day off the chosen one is the site's own calendar day: the timestamp was written
        // in another time zone (a post at 9 pm in New York is stamped the next day in UTC).
        if let chosen, let url = s.url, let inURL = urlDate(url, today: today), abs(days(inURL) - days(chosen)) == 1 { return inURL }
        return chosen
    }

    private static func cascade(_ s: Signals, page: HTMLTree, today: CalendarDate) -> CalendarDate? {
        func ok(_ d: CalendarDate?) -> CalendarDate? {
            guard let d, d.day != nil, d <= today, d.year >= 1995 else { return nil }
            return d
        }
        let seen = s.anchor.flatMap { DatelineFinder.near($0, in: page, today: today) }
        if let meta = metaPublished(s, ok) {
            // A dateline before the metadata's date shows the first publication; the metadata names a
            // republication or a move to a new system (a day apart is only a time zone).
            if let seen, !seen.updated, let d = ok(seen.date), days(d) < days(meta) - 1 { return d }
            return meta
        }
        if let seen, !seen.updated, let d = ok(seen.date) { return d }
        // A revision date is the only date the reader sees: it beats the schema's `datePublished`, which
        // plugins fill from the post's first draft.
        if let seen, seen.updated, let d = ok(seen.date) { return d }
        if let d = ok(s.jsonLDPublished.flatMap(DateNormalizer.date)) { return d }
        if let d = ok(s.metas[schemaPublishedMeta].flatMap(DateNormalizer.date)) { return d }
        let ordered = s.times.filter(\.preferred) + s.times.filter { !$0.preferred }
        if let d = ordered.lazy.compactMap({ ok(DateNormalizer.date($0.value)) }).first { return d }
        if let d = s.marked.lazy.filter({ !$0.updated }).compactMap({ ok($0.date) }).first { return d }
        if let d = ok(seen?.date) { return d }
        if let d = s.marked.lazy.compactMap({ ok($0.date) }).first { return d }
        if let d = ok(s.url.flatMap(urlDate)) { return d }
        let standalone = MarkedDates.firstStandalone(in: page, today: today)
        if let standalone, !standalone.updated, let d = ok(standalone.date) { return d }
        if let d = ok(s.jsonLDModified.flatMap(DateNormalizer.date)) { return d }
        for key in modifiedMetaNames {
            if let raw = s.metas[key], let d = ok(DateNormalizer.date(raw)) { return d }
        }
        return ok(standalone?.date)
    }

    /// Days since 1970 of a day-precision date.
    static func days(_ d: CalendarDate) -> Int { CalendarDate.dayNumber(year: d.year, month: d.month ?? 1, day: d.day ?? 1) }

    /// `<meta itemprop="datePublished">`: the schema.org field, as weak as JSON-LD's.
    static let schemaPublishedMeta = "datepublished"

    /// The first publication date in the `<meta>` conventions, then in site-specific names
    /// ("w-published-date", "published", "article.publish_time") in key order.
    static func metaPublished(_ s: Signals, _ ok: (CalendarDate?) -> CalendarDate?) -> CalendarDate? {
        for key in publishedMetaNames where key != schemaPublishedMeta {
            if let raw = s.metas[key], let d = ok(DateNormalizer.date(raw)) { return d }
        }
        for key in s.metas.keys.sorted()
        where key.contains("publish") && !key.contains("publisher") && !key.contains("modif") && key != schemaPublishedMeta {
            if let raw = s.metas[key], let d = ok(DateNormalizer.date(raw)) { return d }
        }
        return nil
    }

    /// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD…`) date in a URL path, unless it is after `today`.
    static func urlDate(_ url: String, today: CalendarDate) -> CalendarDate? {
        guard let date = urlDate(url), date <= today else { return nil }
        return date
    }

    /// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD…`, `/YYYY/month-name/DD/`) date in a URL path; slashes written
    /// `%2F` count as slashes.
    static func urlDate(_ url: String) -> CalendarDate? {
        let url = url.contains("%2") ? url.replacing("%2F", with: "/").replacing("%2f", with: "/") : url
        let path: Substring
        if let r = url.firstRange(of: "://") {
            let rest = url[r.upperBound...]
            path = rest.drop { $0 != "/" }
        } else {
            path = Substring(url)
        }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "?" || $0 == "#" }).prefix(12)
        let parts2 = Array(parts)
        for (i, part) in parts2.enumerated() {
            if part.count == 4, let year = Int(part), (1995...2100).contains(year), i + 2 < parts2.count,
                let month = parts2[i + 1].count <= 2 ? Int(parts2[i + 1]) : monthNames[parts2[i + 1].lowercased()], (1...12).contains(month)
            {
                let dayPart = parts2[i + 2].prefix(while: \.isNumber)
                if (1...2).contains(dayPart.count), let day = Int(dayPart), day >= 1, day <= CalendarDate.daysIn(month: month, year: year),
                    dayPart.count == parts2[i + 2].count || !parts2[i + 2].first!.isNumber || parts2[i + 2].dropFirst(dayPart.count).first == "-"
                {
                    return CalendarDate(year: year, month: month, day: day)
                }
            }
            let head = part.prefix(10)
            if head.count == 10, let d = DateNormalizer.plainISODate(String(head)) { return d }
        }
        return nil
    }
}

extension PublishedDateCascade {
    /// Month names as URL path segments write them.
    static let monthNames: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
}
