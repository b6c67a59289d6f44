/// The headline of a page from what it offers: `og:title`, `twitter:title`, the JSON-LD `headline`, its
/// visible `<h1>`s and `<title>`.
///
/// Readers (and benchmarks) take the headline as the page shows it: the `<h1>` wins when it says the same as
/// the metadata (metadata titles are often SEO variants or carry the site name). When no `<h1>` agrees with
/// the metadata, the `<h1>` is more often a section name or a logo, so the metadata title is kept, with the
/// site name cut off ("How to X | Site", "Site » How to X").
enum TitleCascade {
    struct Candidates {
        var ogTitle: String?
        var twitterTitle: String?
        var headline: String?
        var titleTag: String?
        /// The first few `<h1>`s, text and node index, in document order.
        var h1s: [(text: String, node: Int)] = []
        /// The first few `<h2>`s, text and node index, in document order.
        var h2s: [(text: String, node: Int)] = []
        /// `og:site_name`, `application-name`, the JSON-LD publisher: names a title may carry.
        var siteNames: [String] = []
        /// The page's URL, if known (its host names the site too).
        var url: String?
    }

    struct Choice {
        var title: String?
        /// The `<h1>` chosen, where the byline and dateline are looked for.
        var h1Node: Int?
    }

    static func choose(_ c: Candidates) -> Choice {
        // A "site name" of many words is a page title put in the wrong field, not a name.
        var names = c.siteNames.filter { words($0).count <= 6 }.map(normalized).filter { $0.count >= 2 }
        if let host = c.url.flatMap(hostName) { names.append(host) }
        func clean(_ raw: String?) -> String? {
            guard let raw else { return nil }
            let text = HTMLEntities.decode(raw).collapsingSpaces()
            return text.isEmpty ? nil : text
        }
        let social = [c.ogTitle, c.headline, c.twitterTitle].compactMap(clean)
        let metas = social + [c.titleTag].compactMap(clean)
        // A heading that is only the last segment of a metadata title ("Story | Blog Name" over `<h1>Blog
        // Name</h1>`) is the site's name.
        for h in c.h1s.prefix(3) {
            let n = normalized(HTMLEntities.decode(h.text))
            guard n.count >= 3, !names.contains(n) else { continue }
            // A heading that is a bare domain name ("example.com") is the site's logo.
            if isDomainName(HTMLEntities.decode(h.text)) {
                names.append(n)
                continue
            }
            let isEndSegment = metas.contains { meta in
                let bytes = TitleBytes(meta)
                return separators.contains { sep in
                    guard sep != colon, let (head, tail) = bytes.split(at: sep, last: true) else { return false }
                    return normalized(tail) == n && words(head).count > words(tail).count
                }
            }
            if isEndSegment { names.append(n) }
        }
        let cleanedMetas = metas.map { strip($0, siteNames: names, unknownSuffix: true) }
        let h1s = c.h1s.compactMap { h -> (String, Int)? in
            let text = HTMLEntities.decode(h.text).collapsingSpaces()
            let norm = normalized(text)
            guard !norm.isEmpty, text.count <= 300, !names.contains(norm) else { return nil }
            return (text, h.node)
        }
        // A sub-heading that says exactly what the metadata title says, where no `<h1>` does, is the headline
        // the page shows: blogs set their name in the `<h1>` and each post's title in an `<h2>`, and shorter
        // or reworded `<h1>`s lose to a heading that repeats the metadata word for word.
        // The unknown last segment must read as a name there: "What is X - A guided introduction" does not
        // make a sub-heading "What is X?" the headline.
        let namedMetas = c.h2s.isEmpty ? [] : metas.map { strip($0, siteNames: names, unknownSuffix: true, unknownNamesOnly: true) }
        if let (text, node) = confirmingSubheading(c.h2s, namedMetas, h1s.map(\.0)) {
            let agreeing = h1s.first { agree(words($0.0), words(text)) }
            return Choice(title: text, h1Node: agreeing?.1 ?? node)
        }
        let metaWords = cleanedMetas.map(words) + metas.map(words)
        for (text, node) in h1s {
            if let segment = leadingSegment(text, metas, siteNames: names) { return Choice(title: withoutKeywordTail(segment), h1Node: node) }
            let w = words(text)
            if metaWords.contains(where: { agree(w, $0) }) {
                if let meta = withoutLeadingDate(text, cleanedMetas) ?? withoutLeadingLabel(text, cleanedMetas) ?? writtenCase(text, cleanedMetas)
                    ?? withoutLinkDecoration(text, cleanedMetas) ?? withLostCharacters(text, cleanedMetas)
                    ?? withCountOrYear(text, cleanedMetas) ?? withAmpersand(text, cleanedMetas) ?? withBracketedTag(text, cleanedMetas)
                {
                    return Choice(title: meta, h1Node: node)
                }
                return Choice(title: stripSection(strip(text, siteNames: names, unknownSuffix: false)), h1Node: node)
            }
        }
        // A page with one headline that reads as a sentence shows it as the article's title even when the
        // metadata carries an SEO variant ("Top 10 trends to watch" over "Trends for 2026 - Site"); short
        // headings and pages with several are more often section names or logos.
        let distinct = h1s.reduce(into: [(String, Int)]()) { out, h in
            if !out.contains(where: { normalized($0.0) == normalized(h.0) }) { out.append(h) }
        }
        if distinct.count == 1, let (text, node) = distinct.first, (minimumHeadlineWords...maximumHeadlineWords).contains(words(text).count),
            !holdsByline(text)
        {
            return Choice(title: stripSection(strip(text, siteNames: names, unknownSuffix: false)), h1Node: node)
        }
        // Without agreement: the social/structured title, else the first `<h1>`, else `<title>`.
        if let meta = cleanedMetas.prefix(social.count).first(where: { !$0.isEmpty }) {
            return Choice(title: meta, h1Node: h1s.first?.1)
        }
        if let (text, node) = h1s.first { return Choice(title: strip(text, siteNames: names, unknownSuffix: false), h1Node: node) }
        return Choice(title: cleanedMetas.first(where: { !$0.isEmpty }), h1Node: nil)
    }

    /// The first of the first three `<h2>`s that equals a cleaned metadata title (letters and digits compared),
    /// when no `<h1>` equals one.
    static func confirmingSubheading(_ h2s: [(text: String, node: Int)], _ cleanedMetas: [String], _ h1s: [String]) -> (String, Int)? {
        guard !h2s.isEmpty else { return nil }
        let targets = Set(cleanedMetas.map(normalized).filter { $0.count >= 8 })
        guard !targets.isEmpty, !h1s.contains(where: { targets.contains(normalized($0)) }) else { return nil }
        for h in h2s.prefix(3) {
            let text = HTMLEntities.decode(h.text).collapsingSpaces()
            if words(text).count >= 3, targets.contains(normalized(text)) { return (text, h.node) }
        }
        return nil
    }

    /// Whether a heading block carries the byline or dateline ("By Jane Roe | March 4, 2025"): such a block is
    /// no headline. A date that a title names after words of its own ("Metasploit Wrap-Up 12/19/2025") is
    /// part of it.
    static func holdsByline(_ heading: String) -> Bool {
        guard let (_, offset) = DatelineFinder.firstDate(in: heading) else { return false }
        let before = words(String(heading.prefix(offset)))
        return before.count < 2 || before.contains { bylineWords.contains($0) }
    }

    static let bylineWords: Set<String> = ["by", "posted", "published", "updated", "written", "on"]

    /// The heading, when it says just what the first segment of a metadata title says ("history of coffee"
    /// over "History of coffee | Origin, Spread, … | Britannica"): a short heading that the metadata confirms
    /// is the headline. A heading set all in one case takes the metadata's written case.
    static func leadingSegment(_ heading: String, _ metas: [String], siteNames: [String]) -> String? {
        let n = normalized(heading)
        guard words(heading).count >= 2, n.count >= 8 else { return nil }
        for meta in metas {
            let bytes = TitleBytes(meta)
            for sep in strongSeparators {
                guard let (head, tail) = bytes.split(at: sep, last: false) else { continue }
                if normalized(head) == n, !names(head, siteNames), words(tail).count >= 1 {
                    // The heading's own wording, unless it is set all in one case.
                    let letters = heading.unicodeScalars.filter { $0.properties.isAlphabetic }
                    let oneCase = letters.allSatisfy { !$0.properties.isLowercase } || letters.allSatisfy { !$0.properties.isUppercase }
                    return oneCase ? head.trimmingSpaces() : heading
                }
                break
            }
        }
        return nil
    }

    /// The metadata title when the heading is that title followed only by link decorations: the source's
    /// domain and a comment count ("… Guarantee Jobs (latimes.com) 87"), as aggregators print them.
    static func withoutLinkDecoration(_ heading: String, _ metas: [String]) -> String? {
        for meta in metas where meta.count >= 8 && heading.count > meta.count && heading.hasPrefix(meta) {
            let rest = heading.dropFirst(meta.count).split(whereSeparator: { $0 == " " })
            let trim: Set<Character> = ["(", ")", "[", "]"]
            let decorations = rest.allSatisfy { part in
                let p = String(part.filter { !trim.contains($0) })
                return p.isEmpty || p.allSatisfy(\.isNumber) || isDomainName(p)
            }
            if decorations, rest.contains(where: { part in isDomainName(String(part.filter { !trim.contains($0) })) }) { return meta }
        }
        return nil
    }

    /// The metadata title when the heading is that title with characters lost to a broken encoding, each
    /// run shown as "?" ("Event Planning? Beginner? Guide" for "Event Planning: Beginner's Guide").
    static func withLostCharacters(_ heading: String, _ metas: [String]) -> String? {
        guard heading.contains("?") || heading.contains("\u{FFFD}") else { return nil }
        let pieces = heading.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "?" || $0 == "\u{FFFD}" }).map(Array.init)
        guard pieces.count >= 2 else { return nil }
        for meta in metas {
            let m = Array(meta)
            guard m.count >= heading.count else { continue }
            var at = 0
            var matched = true
            for (k, piece) in pieces.enumerated() {
                if k > 0 {
                    // One to three characters stood where the heading shows "?"; the piece follows them.
                    guard let gap = (1...3).first(where: { g in at + g + piece.count <= m.count && Array(m[(at + g)..<(at + g + piece.count)]) == piece })
                    else {
                        matched = false
                        break
                    }
                    at += gap
                } else if !(piece.count <= m.count && Array(m[0..<piece.count]) == piece) {
                    matched = false
                    break
                }
                at += piece.count
            }
            if matched, at == m.count, meta != heading { return meta }
        }
        return nil
    }

    /// The metadata title when it is the heading with only a count before it or a year after it ("8 Recent
    /// Trends in Photography" over `<h1>Recent Trends in Photography</h1>`, "15 Best … Platforms 2025" over
    /// "15 Best … Platforms"): the heading is the title shortened for the page's design.
    static func withCountOrYear(_ heading: String, _ metas: [String]) -> String? {
        let w = words(heading)
        guard w.count >= 2 else { return nil }
        return metas.first { meta in
            let m = words(meta)
            guard m.count == w.count + 1 else { return false }
            if let first = m.first, isDigits(first), first.count <= 3, Array(m.dropFirst()) == w { return true }
            if let last = m.last, isYear(last), Array(m.dropLast()) == w { return true }
            return false
        }
    }

    /// Whether a word is ASCII digits only ("8", "2026").
    static func isDigits(_ word: String) -> Bool { !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber } }

    /// "1998", "2026": four digits starting 19 or 20.
    static func isYear(_ word: String) -> Bool {
        word.count == 4 && isDigits(word) && (word.hasPrefix("19") || word.hasPrefix("20"))
    }

    /// The metadata title when it says what the heading says with "&" for "and" ("Homeowners & Investors"
    /// over "Homeowners and Investors"): the metadata keeps the title as written.
    static func withAmpersand(_ heading: String, _ metas: [String]) -> String? {
        func spelled(_ text: String) -> String { normalized(text.replacing(" & ", with: " and ")) }
        let n = spelled(heading)
        return metas.first { meta in meta.contains(" & ") && normalized(meta) != normalized(heading) && spelled(meta) == n }
    }

    /// The metadata title when it ends in a bracketed tag whose figures the heading spells out in words of
    /// its own ("Best Website Builder For Small Business [2026]" over "Best Website Builders for Small
    /// Business in 2026", "… [Tried 11 Services]" over "… - I Tried 11 Services"): the same title, written
    /// with its tag. A tag the heading leaves out ("[2025 Edition]") marks an SEO variant.
    static func withBracketedTag(_ heading: String, _ metas: [String]) -> String? {
        guard !heading.contains("[") else { return nil }
        let w = words(heading)
        return metas.first { meta in
            guard meta.hasSuffix("]"), let open = meta.lastIndex(of: "[") else { return false }
            let figures = words(String(meta[open...])).filter(isDigits)
            return !figures.isEmpty && figures.allSatisfy(w.contains) && agree(w, words(meta))
        }
    }

    /// Word counts of a lone `<h1>` taken as the headline without the metadata's agreement.
    static let minimumHeadlineWords = 5
    static let maximumHeadlineWords = 30

    /// The metadata title when the heading is that title after a date ("Dec 18 2025 Preparing a transition"):
    /// the dateline was set inside the heading.
    static func withoutLeadingDate(_ heading: String, _ metas: [String]) -> String? {
        for meta in metas where meta.count >= 8 && heading.count > meta.count + 6 && heading.hasSuffix(meta) {
            let head = String(heading.dropLast(meta.count))
            if let date = DateNormalizer.date(head), date.day != nil, words(head).count <= 5 { return meta }
        }
        return nil
    }

    /// The metadata title when the heading is that title after a short label ("Blog: How to …", "Review: …").
    static func withoutLeadingLabel(_ heading: String, _ metas: [String]) -> String? {
        guard let colon = heading.firstIndex(of: ":") else { return nil }
        let label = heading[..<colon]
        let rest = heading[heading.index(after: colon)...].trimmingSpaces()
        guard (1...2).contains(words(String(label)).count), DateNormalizer.date(String(label)) == nil, words(rest).count >= 3 else { return nil }
        let n = normalized(rest)
        return metas.first { normalized($0) == n }
    }

    /// The metadata title when the heading is set in capitals ("HOW TO PRUNE ROSES"): the metadata keeps the
    /// title's written case.
    static func writtenCase(_ heading: String, _ metas: [String]) -> String? {
        let letters = heading.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= 8, letters.allSatisfy({ !$0.properties.isLowercase }) else { return nil }
        let w = words(heading)
        return metas.first { meta in meta.unicodeScalars.contains { $0.properties.isLowercase } && agree(w, words(meta)) }
    }

    /// Whether two titles say the same: most words of each occur in the other.
    static func agree(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let setA = Set(a), setB = Set(b)
        let inB = a.filter(setB.contains).count, inA = b.filter(setA.contains).count
        return Double(inB) >= 0.6 * Double(a.count) && Double(inA) >= 0.5 * Double(b.count)
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        if let ascii = asciiWords(text) { return ascii }
        return text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Letters and digits only, lower-cased: "The Motley Fool" → "themotleyfool".
    static func normalized(_ text: String) -> String {
        if let ascii = asciiNormalized(text) { return ascii }
        return String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// `words` for ASCII text, byte by byte: titles are compared many times over, and Unicode letter tests per
    /// `Character` cost more than the rest of the cascade. Nil when the text holds other characters.
    static func asciiWords(_ text: String) -> [String]? {
        var out: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if let kept = asciiAlphanumericLowered(byte) {
                word.append(kept)
            } else if !word.isEmpty {
                out.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)) }
        return out
    }

    /// `normalized` for ASCII text; nil when the text holds other characters.
    static func asciiNormalized(_ text: String) -> String? {
        var kept: [UInt8] = []
        kept.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if let k = asciiAlphanumericLowered(byte) { kept.append(k) }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// An ASCII letter (lower-cased) or digit; nil for anything else.
    @inline(__always) static func asciiAlphanumericLowered(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x61...0x7A, 0x30...0x39: return byte
        case 0x41...0x5A: return byte | 0x20
        default: return nil
        }
    }

    /// "Example.com", "news.example.org": one word with a dot and a common suffix.
    static func isDomainName(_ segment: String) -> Bool {
        let t = segment.trimmingSpaces().lowercased()
        guard !t.contains(" "), let dot = t.lastIndex(of: "."), t.startIndex < dot else { return false }
        return ["com", "org", "net", "io", "co", "uk", "de", "fr", "info", "ai", "gov", "edu", "news", "blog"].contains(String(t[t.index(after: dot)...]))
    }

    /// "https://www.example-news.co.uk/a/b" → "examplenews" (the registered name, without `www` and suffixes).
    static func hostName(_ url: String) -> String? {
        guard let range = url.firstRange(of: "://") else { return nil }
        let rest = url[range.upperBound...]
        let host = rest.prefix { c in c != "/" && c != "?" && c != "#" && c != ":" }.lowercased()
        var labels = host.split(separator: ".").map(String.init)
        if labels.first == "www" { labels.removeFirst() }
        let suffixes: Set<String> = ["com", "org", "net", "co", "uk", "io", "gov", "edu", "ai", "de", "fr", "au", "ca", "us", "info", "blog", "news", "ac", "dev", "app"]
        while labels.count > 1, let last = labels.last, suffixes.contains(last) || last.count == 2 { labels.removeLast() }
        guard let name = labels.last.map(normalized), name.count >= 3 else { return nil }
        return name
    }

    /// Separators between a headline and a site name, widest first.
    static let separators = [" | ", " – ", " — ", " - ", " » ", " :: ", " · ", " • ", " ~ ", ": "].map { Array($0.utf8) }
    static let colon = Array(": ".utf8)
    static let strongSeparators = [" | ", " – ", " — ", " - ", " » ", " · ", " • "].map { Array($0.utf8) }

    /// `title` without leading or trailing segments that name the site. With `unknownSuffix`, one short last
    /// segment after a strong separator goes too even when no known name matches it ("… | Acme Widgets").
    /// With `unknownNamesOnly`, that segment goes only when it reads as a name (`isNameLike`).
    static func strip(_ title: String, siteNames: [String], unknownSuffix: Bool, unknownNamesOnly: Bool = false) -> String {
        var text = title
        // Every separator holds a space; most headings with none are a single word.
        guard text.utf8.contains(0x20) else { return text }
        var changed = true
        var rounds = 0
        while changed, rounds < 4 {
            changed = false
            rounds += 1
            let bytes = TitleBytes(text)
            for sep in separators {
                if sep != colon, let (head, tail) = bytes.split(at: sep, last: true), !head.isEmpty, names(tail, siteNames) {
                    text = head.trimmingSpaces()
                    changed = true
                    break
                }
                if let (head, tail) = bytes.split(at: sep, last: false), !tail.isEmpty, names(head, siteNames) {
                    text = tail.trimmingSpaces()
                    changed = true
                    break
                }
            }
        }
        // "example.com Post title": the site's domain set before the title without a separator.
        if let space = text.firstIndex(of: " "), isDomainName(String(text[..<space])) {
            let n = normalized(String(text[..<space]))
            let rest = text[text.index(after: space)...].trimmingSpaces()
            if !rest.isEmpty, siteNames.contains(where: { n == $0 || ($0.count >= 4 && n.hasPrefix($0)) }) { text = rest }
        }
        if unknownSuffix {
            let bytes = TitleBytes(text)
            for sep in strongSeparators {
                guard let (head, tail) = bytes.split(at: sep, last: true) else { continue }
                if words(tail).count <= 4 && words(head).count >= 3 && (!unknownNamesOnly || isNameLike(tail)) {
                    text = head.trimmingSpaces()
                }
                break
            }
        }
        return text
    }

    /// "Rust Blog", "Acme & Sons", "example.org": every word starts with a capital, a digit or a symbol; a
    /// segment with a lower-case word ("A guided introduction") is a phrase of the title.
    static func isNameLike(_ segment: String) -> Bool {
        if isDomainName(segment) { return true }
        return segment.split(separator: " ").allSatisfy { token in
            guard let first = token.first else { return true }
            return !first.isLowercase
        }
    }

    static let pipe = Array(" | ".utf8)
    static let dashes = [" – ", " — ", " - "].map { Array($0.utf8) }

    /// A heading's " | Section" tails ("… | Opinion", "… | Patient Education | Children's Hospital"): short
    /// labels after pipes, taken off from the end; then one keyword label after a dash ("… – Buyer Guide").
    static func stripSection(_ heading: String) -> String {
        var text = heading
        for _ in 0..<3 {
            guard let (head, tail) = TitleBytes(text).split(at: pipe, last: true), words(tail).count <= 5, words(head).count >= 3
            else { break }
            text = head.trimmingSpaces()
        }
        return withoutKeywordTail(text)
    }

    /// The heading without a last segment after a dash that is a bare keyword label ("Gym Basics – Strength
    /// Training", "Ten Lamps Compared - Hands-On Tested"): a few capitalised words and no function word, set
    /// after the headline for search engines. A tail that reads as words of the title ("– tips and tricks",
    /// "– A Field Guide", "— and why it matters", "– My Picks!") stays.
    static func withoutKeywordTail(_ heading: String) -> String {
        let bytes = TitleBytes(heading)
        for dash in dashes {
            guard let (head, tail) = bytes.split(at: dash, last: true) else { continue }
            if words(head).count >= 3, isKeywordLabel(tail) { return head.trimmingSpaces() }
            return heading
        }
        return heading
    }

    /// "Caterer Comparison Spreadsheet", "Top Local & Long-Distance Movers": one to four capitalised words
    /// (with "&" or hyphens), no article, preposition, conjunction or pronoun, no sentence punctuation.
    static func isKeywordLabel(_ segment: String) -> Bool {
        let tokens = segment.split(separator: " ").filter { $0 != "&" }
        guard (1...4).contains(tokens.count) else { return false }
        return tokens.allSatisfy { token in
            guard let first = token.first, first.isUppercase || first.isNumber,
                token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’" })
            else { return false }
            return !functionWords.contains(token.lowercased())
        }
    }

    /// Words that make a title segment read as a phrase rather than a keyword label.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "about",
        "vs", "my", "your", "our", "his", "her", "their", "its", "i", "you", "we", "it", "this", "that", "how", "why", "what", "when",
        "where", "who", "is", "are",
    ]

    /// Whether `segment` is one of the site names (or the name with a word around it: "Acme Blog"), or a
    /// bare domain name ("Example.com").
    static func names(_ segment: String, _ siteNames: [String]) -> Bool {
        if isDomainName(segment) { return true }
        let n = normalized(segment)
        guard !n.isEmpty, n.count <= 60 else { return false }
        return siteNames.contains { name in
            n == name || (name.count >= 4 && (n.hasPrefix(name) || n.hasSuffix(name)) && n.count <= name.count + 8)
                || (n.count >= 4 && name.hasPrefix(n))
        }
    }
}

/// A title's UTF-8 bytes, split at a separator without going through `String` searching.
struct TitleBytes {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Text before and after the first (or last) occurrence of `needle`.
    func split(at needle: [UInt8], last: Bool) -> (head: String, tail: String)? {
        guard bytes.count >= needle.count, let first = needle.first else { return nil }
        var found: Int?
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                found = i
                if !last { break }
            }
            i += 1
        }
        guard let at = found else { return nil }
        return (String(decoding: bytes[..<at], as: UTF8.self), String(decoding: bytes[(at + needle.count)...], as: UTF8.self))
    }
}
