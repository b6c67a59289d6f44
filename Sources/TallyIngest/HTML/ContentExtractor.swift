import TallyMemory

/// Finds the article body of a page and renders it as text.
///
/// 1. Chrome is marked (`JunkFilter`) and left out of everything below.
/// 2. Every paragraph-like element scores by its length and commas, credited to its parent and
///    grandparent (Readability's scheme); containers gain or lose by their `class`/`id` words,
///    `itemprop=articleBody` and `<article>` gain, link-heavy containers lose.
/// 3. The best container wins, with siblings that score close to it or read as prose.
/// 4. Inside it, link lists and short link-heavy blocks are dropped, as are `<h1>` (the title) and
///    lines that are page chrome (`ChromeFilter`). In-article headings, lists and quotes stay.
enum ContentExtractor {
    struct Body {
        var text: String
        var warnings: [String]
    }

    /// Per-element measures, summed over the subtree without the chrome.
    struct Stats {
        var chars = 0
        var linkChars = 0
        var commas = 0
        var paragraphs = 0
        /// Non-link text inside `<p>` elements.
        var paragraphChars = 0
        var junk = false
        var score = 0.0
        var scored = false
        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    /// Sizes, bottom-up, leaving out chrome.
    static func measure(_ nodes: [HTMLTree.Node], _ stats: inout [Stats]) {
        nodes.withView { nodes in
            stats.withMutableView { stats in
                for i in nodes.indices.reversed() {
                    if nodes[i].isText {
                        let parent = nodes[i].parent
                        if parent >= 0, stats[parent].junk { continue }
                        (stats[i].chars, stats[i].commas) = visibleLengthAndCommas(nodes[i].text)
                        continue
                    }
                    if stats[i].junk { continue }
                    var s = stats[i]
                    for c in nodes[i].children {
                        s.chars += stats[c].chars
                        s.linkChars += stats[c].linkChars
                        s.commas += stats[c].commas
                        s.paragraphs += stats[c].paragraphs
                        s.paragraphChars += stats[c].paragraphChars
                    }
                    let tag = nodes[i].tag
                    if tag == "a" { s.linkChars = s.chars }
                    if tag == "p" && s.chars >= 25 && s.paragraphChars == 0 {
                        s.paragraphs += 1
                        s.paragraphChars = s.chars - s.linkChars
                    }
                    stats[i] = s
                }
            }
        }
    }

    /// Characters of `text` that are not whitespace, and the number of commas, in one pass.
    static func visibleLengthAndCommas(_ text: String) -> (Int, Int) {
        text.withBytes { buf in
            var n = 0, commas = 0
            for b in buf {
                if b > 0x20 && (b & 0xC0) != 0x80 { n += 1 }
                if b == UInt8(ascii: ",") { commas += 1 }
            }
            return (n, commas)
        }
    }

    /// Below this many letters (`proseSize`) a body is starved: the extraction is retried with chrome words
    /// relaxed. (A short news item has more: the retry must not trade it for a bigger block.)
    static let starvedBody = 600

    static func extract(_ page: HTMLTree) -> Body {
        guard let analysis = analyze(page) else { return Body(text: "", warnings: []) }
        let body = render(page, analysis)
        // The article's own wrapper may carry a chrome word ("share-container" left open around the post,
        // "newsletter" sites, "shared-content" blocks): when little text came out, the strong chrome words
        // only hint, and a wrapper holding most of the page's prose is kept.
        let size = proseSize(body.text)
        guard size < starvedBody, let relaxed = analyze(page, relaxed: true) else { return body }
        let retry = render(page, relaxed)
        return proseSize(retry.text) >= 2 * size + 200 ? retry : body
    }

    /// Roughly the letters and digits of `text`, from its bytes: ASCII letters and digits, and the first
    /// byte of other characters except general punctuation (U+2000…, where the invisible joiners that pad
    /// e-mail newsletters live). Spaces and markup-free padding do not make a body.
    static func proseSize(_ text: String) -> Int {
        // On the contiguous bytes: iterating `utf8` costs several times more on bodies of many kilobytes.
        text.withBytes { bytes in
            var n = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                let lower = b | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0xC3 && b != 0xE2) { n += 1 }
            }
            return n
        }
    }

    private static func render(_ page: HTMLTree, _ analysis: Analysis) -> Body {
        let nodes = page.nodes
        let stats = analysis.stats
        var warnings: [String] = []
        if analysis.best < 0 && stats[analysis.roots[0]].chars > 0 { warnings.append("no article block found; used the page text") }
        var renderer = TextRenderer(page: page) { i in
            stats[i].junk || shouldDropInside(nodes[i], stats[i], nodes)
        }
        let paragraphs = renderer.render(analysis.roots).filter { !ChromeFilter.isChrome($0, countsAreChrome: false) }
        return Body(text: withoutRepeats(paragraphs).joined(separator: "\n"), warnings: warnings)
    }

    /// Paragraphs at least this long (bytes) are candidates for repeats.
    static let repeatedParagraphBytes = 80
    /// Neighbours on each side looked at; one fewer long ones must repeat too: a duplicated section is long,
    /// while schedules and recipes repeat a few lines (and their short labels) on purpose.
    static let repeatedRun = 4

    /// `paragraphs` without the second copy of a block: a long paragraph said again right after itself, or
    /// again further on together with its neighbours in the same order (a page's mobile or tabbed duplicate
    /// of a whole section). A paragraph repeated alone or in a short run (a refrain in a schedule, a call to
    /// action, a day of a meal plan) stays.
    static func withoutRepeats(_ paragraphs: [String]) -> [String] {
        // Paragraphs are grouped by byte length and compared byte for byte: hashing every paragraph as a
        // `String` (Unicode-normalised) cost more than the rest of the rendering.
        func same(_ a: Int, _ b: Int) -> Bool {
            paragraphs[a].utf8.count == paragraphs[b].utf8.count && paragraphs[a].utf8.elementsEqual(paragraphs[b].utf8)
        }
        var byLength: [Int: [Int]] = [:]
        var drop = [Bool](repeating: false, count: paragraphs.count)
        for (i, p) in paragraphs.enumerated() where p.utf8.count >= repeatedParagraphBytes {
            let n = p.utf8.count
            guard let j = byLength[n]?.first(where: { same($0, i) }) else {
                byLength[n, default: []].append(i)
                continue
            }
            let d = i - j
            var neighbours = 0
            for k in max(d, i - repeatedRun)...min(paragraphs.count - 1, i + repeatedRun)
            where k != i && paragraphs[k].utf8.count >= repeatedParagraphBytes && same(k, k - d) {
                neighbours += 1
            }
            drop[i] = d == 1 || neighbours >= repeatedRun - 1
        }
        guard drop.contains(true) else { return paragraphs }
        return paragraphs.indices.filter { !drop[$0] }.map { paragraphs[$0] }
    }

    struct Analysis {
        var stats: [Stats]
        var best: Int
        var roots: [Int]
    }

    /// Measures, marks chrome, scores, and picks the article's containers.
    static func analyze(_ page: HTMLTree, relaxed: Bool = false) -> Analysis? {
        let nodes = page.nodes
        guard !nodes.isEmpty else { return nil }
        var stats = [Stats](repeating: Stats(), count: nodes.count)
        // Chrome by tag/role first; then class/id hints, unless the element holds the article.
        // Inside chrome nothing is judged again: the verdict of an element under junk is never read.
        var verdicts = [JunkFilter.Verdict](repeating: .keep, count: nodes.count)
        var memo = JunkFilter.HintMemo()
        for i in nodes.indices where !nodes[i].isText {
            let parent = nodes[i].parent
            if parent >= 0 && stats[parent].junk {
                stats[i].junk = true
                continue
            }
            verdicts[i] = JunkFilter.verdict(nodes[i], relaxed: relaxed, memo: &memo)
            stats[i].junk = verdicts[i] == .junk
        }
        measure(nodes, &stats)
        var holdsArticle = [Bool](repeating: false, count: nodes.count)
        for i in nodes.indices.reversed() where !nodes[i].isText {
            let node = nodes[i]
            if node.tag == "article" || node.tag == "main" || node.attribute("itemprop")?.lowercased() == "articlebody" { holdsArticle[i] = true }
            if holdsArticle[i], node.parent >= 0 { holdsArticle[node.parent] = true }
        }
        let pageParagraphChars = stats[0].paragraphChars
        let pagePlainChars = stats[0].chars - stats[0].linkChars
        /// Hinted chrome that holds most of the page's prose is a wrapper, not chrome.
        func holdsMostText(_ s: Stats) -> Bool {
            (pageParagraphChars > 0 && s.paragraphChars * 2 > pageParagraphChars) || (s.chars - s.linkChars) * 5 > pagePlainChars * 2
        }
        // Inside an `<article>`, a block hinted by a layout class ("elementor-top-section", "margin-top") that
        // holds plain paragraphs is part of the article.
        var insideArticle = [Bool](repeating: false, count: nodes.count)
        for i in nodes.indices where !nodes[i].isText {
            let parent = nodes[i].parent
            guard parent >= 0 else { continue }
            let p = nodes[parent]
            insideArticle[i] = insideArticle[parent] || p.tag == "article" || p.tag == "main" || p.attribute("itemprop")?.lowercased() == "articlebody"
        }
        // A lone block of the kind (a call to action in a widget zone) needs more text than one of a series of
        // like blocks (page-builder sections sharing their first class).
        func isArticleProse(_ i: Int) -> Bool {
            guard insideArticle[i], !nodes[i].kind.contains(.softJunk), stats[i].paragraphChars >= 500, stats[i].linkDensity < 0.2 else { return false }
            if stats[i].paragraphChars >= 1000 { return true }
            guard let kind = nodes[i].attribute("class")?.split(separator: " ").first else { return false }
            return nodes[nodes[i].parent].children.contains { c in
                c != i && nodes[c].attribute("class")?.split(separator: " ").first == kind
            }
        }
        var changed = false
        for i in nodes.indices where !nodes[i].isText && !stats[i].junk {
            let parent = nodes[i].parent
            if parent >= 0 && stats[parent].junk {
                stats[i].junk = true
            } else if verdicts[i] == .hinted && !holdsArticle[i] && !holdsMostText(stats[i]) && !isArticleProse(i) {
                stats[i].junk = true
                changed = true
            }
        }
        if changed {
            for i in nodes.indices { stats[i].chars = 0; stats[i].linkChars = 0; stats[i].commas = 0; stats[i].paragraphs = 0; stats[i].paragraphChars = 0 }
            measure(nodes, &stats)
        }
        // Paragraph scores credited to ancestors; loose text in a container (between `<br>`s) counts
        // as a paragraph of that container.
        for i in nodes.indices where !nodes[i].isText && !stats[i].junk {
            let node = nodes[i]
            var ancestor: Int
            var chars: Int, commas: Int, linkDensity: Double
            if isParagraph(node, i, nodes, stats) {
                guard stats[i].chars >= 25 else { continue }
                ancestor = node.parent
                (chars, commas, linkDensity) = (stats[i].chars, stats[i].commas, stats[i].linkDensity)
            } else {
                var loose = 0, looseLinks = 0, looseCommas = 0
                for c in node.children where nodes[c].isText || nodes[c].kind.contains(.inline) {
                    loose += stats[c].chars
                    looseLinks += stats[c].linkChars
                    looseCommas += stats[c].commas
                }
                guard loose >= 100 else { continue }
                ancestor = i
                (chars, commas, linkDensity) = (loose, looseCommas, Double(looseLinks) / Double(loose))
            }
            var score = 1.0 + Double(commas) + min(Double(chars) / 100, 3)
            score *= 1 - linkDensity
            var level = 0
            while ancestor >= 0, level < 3 {
                if !stats[ancestor].scored {
                    stats[ancestor].scored = true
                    stats[ancestor].score += initialScore(nodes[ancestor], chars: stats[ancestor].chars)
                }
                stats[ancestor].score += score / [1.0, 2.0, 3.0][level]
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        var best = -1
        var bestScore = 0.0
        for i in nodes.indices where stats[i].scored {
            let final = stats[i].score * (1 - stats[i].linkDensity)
            stats[i].score = final
            if final > bestScore {
                bestScore = final
                best = i
            }
        }
        // A page that names its main content (`<main>`, `role="main"`) keeps the article there: a block outside
        // it (a disclaimer column, a footer blurb) wins only by a wide margin.
        if best >= 0, let main = nodes.indices.first(where: { nodes[$0].tag == "main" || nodes[$0].attribute("role") == "main" }),
            best != main, !isAncestor(main, of: best, nodes), !isAncestor(best, of: main, nodes)
        {
            var inside = -1
            var insideScore = 0.0
            var last = main
            while let child = nodes[last].children.last { last = child }
            for i in main...last where stats[i].scored && stats[i].score > insideScore {
                insideScore = stats[i].score
                inside = i
            }
            if inside >= 0, insideScore * 2 >= bestScore {
                best = inside
                bestScore = insideScore
            }
        }
        guard best >= 0 else {
            // Too little prose to score: the whole body, without its chrome.
            let body = nodes.indices.first { nodes[$0].tag == "body" } ?? 0
            return Analysis(stats: stats, best: -1, roots: [body])
        }
        // An article split into chunks that each score like the best one: take their common ancestor.
        // (A chunk with the best one's tag and class needs less: it is the same kind of block.)
        var common = best
        let bestClass = nodes[best].attribute("class")
        for i in nodes.indices where stats[i].scored && i != best && stats[i].score >= 0.3 * bestScore {
            let sameKind = bestClass != nil && nodes[i].tag == nodes[best].tag && nodes[i].attribute("class") == bestClass
            guard sameKind || stats[i].score >= 0.75 * bestScore else { continue }
            if isAncestor(i, of: best, nodes) || isAncestor(best, of: i, nodes) { continue }
            common = commonAncestor(common, i, nodes)
        }
        if common != best, nodes[common].tag != "body", nodes[common].tag != "html", stats[common].linkDensity < 0.3 {
            best = common
        }
        best = listArticle(around: best, nodes, stats)
        // A lone child stands for its parent.
        while nodes[best].parent >= 0, nodes[nodes[best].parent].tag != "body",
            nodes[nodes[best].parent].children.filter({ !nodes[$0].isText || stats[$0].chars > 0 }).count == 1
        {
            best = nodes[best].parent
        }
        return Analysis(stats: stats, best: best, roots: siblingsToKeep(best, nodes, stats))
    }

    /// For tuning: the ancestors of the first text node containing `needle`, with their measures,
    /// and the chosen containers.
    static func explain(_ page: HTMLTree, needle: String, relaxed: Bool = false) -> [String] {
        guard let analysis = analyze(page, relaxed: relaxed) else { return ["no analysis"] }
        let nodes = page.nodes
        func describe(_ i: Int) -> String {
            let n = nodes[i], s = analysis.stats[i]
            return "\(i) <\(n.tag) class=\(n.attribute("class") ?? "") id=\(n.attribute("id") ?? "")> junk=\(s.junk) verdict=\(JunkFilter.verdict(n, relaxed: relaxed)) chars=\(s.chars) pchars=\(s.paragraphChars) ld=\(s.linkDensity) score=\(s.score)"
        }
        var lines = [analysis.best < 0 ? "no best" : "best: " + describe(analysis.best)] + analysis.roots.map { "root: " + describe($0) }
        guard let hit = nodes.indices.first(where: { nodes[$0].isText && nodes[$0].text.contains(needle) }) else { return lines + ["needle not found"] }
        var chain: [Int] = []
        var i = nodes[hit].parent
        while i >= 0 { chain.append(i); i = nodes[i].parent }
        lines += chain.reversed().map(describe)
        return lines
    }

    /// Levels climbed from the best block looking for the list article around it.
    static let listClimb = 12
    /// Characters of an introduction, below which a best block's plain text is compared with its ancestors'.
    static let shortIntroduction = 1500
    /// Paragraph characters elsewhere on the page that make a best block without paragraphs a side block.
    static let proseElsewhere = 2000

    /// A list-like article (a guide of many short entries, each in its own card or tile) scores its intro
    /// best, since each entry is small: when an ancestor close above the best block holds several times its
    /// paragraph text, most of the page's, with few links, that ancestor is the article. A block that declares
    /// itself the article (`<article>`, `itemprop=articleBody`) stays: what follows it is comments.
    static func listArticle(around best: Int, _ nodes: [HTMLTree.Node], _ stats: [Stats]) -> Int {
        if nodes[best].tag == "article" || nodes[best].attribute("itemprop")?.lowercased() == "articlebody" { return best }
        // Entries are paragraphs on most sites; on some they are plain blocks of text (`<div>`s), counted only
        // when the best block is short, an introduction (a long article carries much else that is not `<p>`).
        func plain(_ s: Stats) -> Int { s.chars - s.linkChars }
        // A best block with no paragraph at all (a reference list, loose text) on a page with much paragraph
        // prose stands beside the article rather than in it.
        let measures: [(measure: (Stats) -> Int, limit: Int)] = [({ $0.paragraphChars }, .max), (plain, shortIntroduction)]
        for (measure, limit) in measures {
            let own = measure(stats[best])
            let page = measure(stats[0])
            guard own > 0 || page >= proseElsewhere, own < limit, own * 3 < page else { continue }
            var a = nodes[best].parent
            var level = 0
            while a > 0, level < listClimb, nodes[a].tag != "body", nodes[a].tag != "html" {
                let s = stats[a]
                if measure(s) >= 3 * own, measure(s) * 10 >= page * 6, s.linkDensity < 0.2 { return a }
                a = nodes[a].parent
                level += 1
            }
        }
        return best
    }

    static func isAncestor(_ a: Int, of b: Int, _ nodes: [HTMLTree.Node]) -> Bool {
        var i = nodes[b].parent
        while i >= 0 {
            if i == a { return true }
            i = nodes[i].parent
        }
        return false
    }

    static func commonAncestor(_ a: Int, _ b: Int, _ nodes: [HTMLTree.Node]) -> Int {
        var chain = Set<Int>()
        var i = a
        while i >= 0 { chain.insert(i); i = nodes[i].parent }
        i = b
        while i >= 0, !chain.contains(i) { i = nodes[i].parent }
        return max(i, 0)
    }

    /// Elements that hold running text: `<p>` and the like, and `<div>`s with text but no blocks inside.
    static func isParagraph(_ node: HTMLTree.Node, _ i: Int, _ nodes: [HTMLTree.Node], _ stats: [Stats]) -> Bool {
        if node.tag == "p" || node.tag == "pre" || node.tag == "td" || node.tag == "blockquote" { return true }
        guard node.tag == "div" || node.tag == "section" || node.tag == "span" && nodes[node.parent].tag != "p" else { return false }
        return !node.children.contains { c in !nodes[c].isText && nodes[c].kind.contains(.block) && stats[c].chars > 0 }
    }

    /// Readability's start scores by tag, plus the class/id weight.
    static func initialScore(_ node: HTMLTree.Node, chars: Int) -> Double {
        var score: Double
        switch node.tag {
        case "article": score = 10
        case "div", "main", "section": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        return score + classWeight(node, chars: chars)
    }

    static let positiveWords = NeedleSet(["article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story"])
    static let negativeWords = NeedleSet(["hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "tool", "widget", "share", "social", "teaser", "card"])

    /// ±25 per `class`/`id` word; a positive weight needs some text behind it (a title box named
    /// "content-title" is no article).
    static func classWeight(_ node: HTMLTree.Node, chars: Int) -> Double {
        var weight = 0.0
        for name in ["class", "id"] {
            guard let raw = node.attribute(name), !raw.isEmpty else { continue }
            var value = ASCIIWords(raw)
            if JunkFilter.usesPageBuilder(value) { value = JunkFilter.withoutPageBuilderLayout(value) }
            if value.containsAny(negativeWords) { weight -= 25 }
            if value.containsAny(positiveWords) { weight += 25 }
        }
        if chars < 250 { weight = min(weight, 0) }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 100 }
        return weight
    }

    /// The best container and its siblings that belong to the same article.
    static func siblingsToKeep(_ best: Int, _ nodes: [HTMLTree.Node], _ stats: [Stats]) -> [Int] {
        let parent = nodes[best].parent
        guard parent >= 0 else { return [best] }
        let threshold = max(10, stats[best].score * 0.2)
        var keep: [Int] = []
        for sibling in nodes[parent].children {
            if sibling == best {
                keep.append(sibling)
                continue
            }
            let node = nodes[sibling]
            let s = stats[sibling]
            if node.isText || s.junk || s.chars == 0 { continue }
            var bonus = 0.0
            if let a = node.attribute("class"), a == nodes[best].attribute("class"), !a.isEmpty { bonus = stats[best].score * 0.2 }
            if s.scored && s.score + bonus >= threshold {
                keep.append(sibling)
            } else if node.tag == "p" {
                if s.chars > 80 && s.linkDensity < 0.25 {
                    keep.append(sibling)
                } else if s.chars > 0 && s.linkDensity == 0 && endsSentence(sibling, nodes) {
                    keep.append(sibling)
                }
            }
        }
        return keep
    }

    static func endsSentence(_ i: Int, _ nodes: [HTMLTree.Node]) -> Bool {
        var last = i
        while !nodes[last].isText, let c = nodes[last].children.last { last = c }
        return nodes[last].text.trimmingSpaces().last.map { ".!?\"”".contains($0) } ?? false
    }

    /// Blocks inside the chosen container that are not article text: the title, link lists, forms.
    static func shouldDropInside(_ node: HTMLTree.Node, _ s: Stats, _ nodes: [HTMLTree.Node]) -> Bool {
        switch node.tag {
        case "h1": return true
        case "time": return ["div", "article", "section", "header", "main", "footer"].contains(nodes[node.parent].tag)  // a dateline
        case "ul", "ol", "div", "section", "table", "dl":
            if s.chars == 0 { return false }
            if s.linkDensity > 0.5 { return true }
            return s.linkDensity > 0.25 && s.chars < 300 && s.commas < 3
        case "p": return s.linkDensity > 0.8 && s.chars < 200
        default: return false
        }
    }
}
