import TallyMemory

/// Elements that are never article text: scripts and styles, navigation, headers and footers, asides,
/// comment sections, related/recommended lists, share bars, cookie notices, bylines, captions, hidden
/// elements — by tag, by ARIA role, and by words in `class`/`id`.
enum JunkFilter {
    static let junkTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "picture", "img", "input", "select", "textarea", "option", "figcaption", "dialog",
        "head", "title", "meta", "link", "map", "math",
    ]

    /// Tags that are chrome unless they wrap most of the page (whole sites sit inside one `<form>`; libxml2
    /// nests the rest of a page inside a `<button>` or `<label>` left open).
    static let softJunkTags: Set<String> = ["form", "nav", "aside", "footer", "header", "menu", "button", "label"]

    static let junkRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar",
        "search", "toolbar", "button",
    ]

    /// Roles that mark chrome on a small element but that sites also put on the wrapper of their content
    /// (a `role="tablist"` around tab panels holding a transcript): they only hint.
    static let hintRoles: Set<String> = ["tablist"]

    /// Substrings of `class`/`id` that mark chrome.
    static let junkWords = NeedleSet([
        "comment", "disqus", "share", "sharing", "social", "related", "recommend", "promo", "advert", "sponsor",
        "cookie", "consent", "gdpr", "newsletter", "subscri", "signup", "sign-up", "byline", "author", "caption",
        "credit", "breadcrumb", "sidebar", "side-bar", "widget", "footer", "masthead", "navbar", "menu", "popup",
        "modal", "overlay", "outbrain", "taboola", "trending", "most-popular", "mostpopular", "more-stories",
        "read-more", "readmore", "tags", "tag-list", "taglist", "toolbar", "print-only", "visually-hidden",
        "sr-only", "screen-reader", "skip-link", "pagination", "pager", "dateline", "timestamp", "published-date",
        "article-meta", "post-meta", "entry-meta", "meta-data", "rating", "reaction", "banner",
        "header", "donate", "survey", "video", "gallery", "slideshow", "inline-ad", "ad-slot",
        "ad-container", "ad-wrapper", "advertisement", "adslot", "dfp", "teaser", "also-read", "see-also",
        "further-reading", "next-article", "prev-article", "newsletter", "follow", "contact", "login", "related-",
    ])

    /// Whole `class`/`id` tokens that mark chrome (too short to match as substrings).
    static let junkTokens: [[UInt8]] = ASCIIWords.list(["ad", "ads", "nav", "tag", "topics", "share", "hide", "aside", "rail", "extra", "meta", "links", "top", "toc"])

    /// Words that protect a container from the `class`/`id` rules: it may hold the article.
    static let keepWords = NeedleSet(["article", "content", "body", "main", "story", "entry", "post-text", "text"])

    static let hiddenStyles = NeedleSet(["display:none", "visibility:hidden"])

    enum Verdict { case keep, junk, hinted }

    /// `class`/`id` words so specific that no wrapper of the article carries them.
    static let strongJunkWords = NeedleSet([
        "comment", "disqus", "outbrain", "taboola", "related", "recommend", "newsletter", "cookie", "consent",
        "social", "share", "sharing", "byline", "caption", "breadcrumb", "most-popular", "mostpopular", "trending",
    ])

    /// Microdata that repeats metadata in the page (often hidden): never body text when it sits on a small
    /// element (three children at most); wrappers sometimes carry `mainEntityOfPage` or `author` too.
    static let metadataProperties: Set<String> = [
        "datepublished", "datemodified", "datecreated", "publisher", "logo", "author", "image", "thumbnailurl",
        "width", "height", "mainentityofpage", "keywords", "wordcount", "url",
    ]

    static let embedWords = NeedleSet(["embed", "twitter-tweet", "instagram-media", "tiktok-embed"])

    /// Whether element `node` is chrome, judged on itself only (its subtree goes with it): `.junk` by tag,
    /// role or hidden-ness; `.hinted` by `class`/`id` words, which the caller overrules for containers
    /// that hold most of the page's text (sites name wrappers "sidebar-layout" or "page-ad-margins").
    /// `relaxed`: the strong class/id words only hint (a second try on pages that came out nearly empty).
    static func verdict(_ node: HTMLTree.Node, relaxed: Bool = false) -> Verdict {
        var memo = HintMemo()
        return verdict(node, relaxed: relaxed, memo: &memo)
    }

    /// `verdict(node, relaxed:)`, with the judgement of each `class`/`id` text kept in `memo`: a page repeats
    /// the same classes on many elements (menu entries, cards, list items), and judging them is most of
    /// the filter's work.
    static func verdict(_ node: HTMLTree.Node, relaxed: Bool, memo: inout HintMemo) -> Verdict {
        if node.kind.contains(.junk) { return .junk }
        if node.kind.contains(.softJunk) { return .hinted }
        var hints = ASCIIWords()
        var hintedByRole = false
        for a in node.attributes {
            switch a.name {
            // Hidden until a script reveals it: pages streamed by React park their content in
            // `<div hidden id="S:0">` segments that a script moves into place; other hidden wrappers only hint.
            case "hidden":
                if let id = node.attribute("id"), id.hasPrefix("S:") { return .keep }
                return .hinted
            case "aria-hidden": if a.value.lowercased() == "true" { return .junk }
            case "role":
                let role = a.value.lowercased()
                if junkRoles.contains(role) { return .junk }
                if hintRoles.contains(role) { hintedByRole = true }
            case "style":
                var style = ASCIIWords(a.value)
                style.bytes.removeAll { $0 == 0x20 }
                if style.containsAny(hiddenStyles) { return .hinted }
            case "itemprop":
                let prop = a.value.lowercased()
                if prop == "articlebody" { return .keep }
                if metadataProperties.contains(prop) && node.children.count <= 3 { return .junk }
            case "class", "id":
                hints.append(a.value)
            default: break
            }
        }
        if hintedByRole { return .hinted }
        guard !hints.isEmpty, node.tag != "body", node.tag != "html", node.tag != "article", node.tag != "main" else { return .keep }
        let key = HintMemo.Key(hints.bytes)
        if let known = memo.known[key] { return known }
        let judged = judge(hints, relaxed: relaxed)
        if memo.known.count < HintMemo.capacity { memo.known[key] = judged }
        return judged
    }

    /// Judgements of `class`/`id` texts on one page, for one value of `relaxed`.
    struct HintMemo {
        /// Entries kept at most: a page of unique class names must not grow the memo without bound.
        static let capacity = 4096
        var known: [Key: Verdict] = [:]

        /// The bytes with their FNV-1a hash, computed once in a plain loop (hashing `[UInt8]` feeds the
        /// hasher byte by byte, which cost more than the judging it saved).
        struct Key: Hashable {
            let bytes: [UInt8]
            let hash: UInt64

            init(_ bytes: [UInt8]) {
                self.bytes = bytes
                hash = bytes.withView { $0.wordHash(0..<$0.count) }
            }

            static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
            func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        }
    }

    /// The verdict of an element's lower-cased `class`/`id` words alone.
    static func judge(_ words: ASCIIWords, relaxed: Bool) -> Verdict {
        var hints = words
        if usesPageBuilder(hints) { hints = withoutPageBuilderLayout(hints) }
        // Embedded posts quote sources ("social-media-embed", "twitter-tweet"): article text.
        if hints.containsAny(embedWords) { return .keep }
        if hints.containsAny(strongJunkWords) { return relaxed ? .hinted : .junk }
        return hasJunkHint(hints) ? .hinted : .keep
    }

    /// Class prefixes of page builders: Elementor's and Divi's.
    static let pageBuilderPrefixes = [Array("elementor-".utf8), Array("et_pb_".utf8)]
    private static let pageBuilderNeedles = NeedleSet(["elementor-", "et_pb_"])

    static func usesPageBuilder(_ hints: ASCIIWords) -> Bool { hints.containsAny(pageBuilderNeedles) }

    /// Page builders name every layout box after what it is in the builder: Elementor's text sits in
    /// "elementor-widget-text-editor" inside "elementor-top-section" / "elementor-widget-wrap", Divi's in
    /// "et_pb_blurb_position_top". Those words ("widget", "top") say nothing about chrome there; they are
    /// taken out before the class is judged, while the builder's own chrome names
    /// ("elementor-location-header", "…-nav-menu") still count.
    static func withoutPageBuilderLayout(_ hints: ASCIIWords) -> ASCIIWords {
        let layoutWords = [Array("widget".utf8), Array("top-".utf8), Array("_top".utf8), Array("wrap".utf8)]
        var out = ASCIIWords()
        out.bytes.reserveCapacity(hints.bytes.count)
        var tokenStart = 0
        var inBuilderToken = false
        var i = 0
        let b = hints.bytes
        while i < b.count {
            if i == tokenStart { inBuilderToken = pageBuilderPrefixes.contains { b[i...].starts(with: $0) } }
            if b[i] == 0x20 {
                out.bytes.append(0x20)
                i += 1
                tokenStart = i
                continue
            }
            if inBuilderToken, let word = layoutWords.first(where: { b[i...].starts(with: $0) }) {
                i += word.count
                continue
            }
            out.bytes.append(b[i])
            i += 1
        }
        return out
    }

    static func hasJunkHint(_ hints: ASCIIWords) -> Bool {
        if hints.hasToken(in: junkTokens) { return true }
        guard hints.containsAny(junkWords) else { return false }
        return !hints.containsAny(keepWords)
    }
}
