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
        var junk = false
        var score = 0.0
        var scored = false
        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    static let paragraphTags: Set<String> = ["p", "pre", "td", "blockquote", "li", "dd"]

    static func extract(_ page: HTMLTree) -> Body {
        let nodes = page.nodes
        guard !nodes.isEmpty else { return Body(text: "", warnings: []) }
        var stats = [Stats](repeating: Stats(), count: nodes.count)
        // Junk flags, top-down (parents precede children in `nodes`).
        for i in nodes.indices where !nodes[i].isText {
            let parent = nodes[i].parent
            stats[i].junk = (parent >= 0 && stats[parent].junk) || JunkFilter.isJunk(nodes[i])
        }
        // Sizes, bottom-up.
        for i in nodes.indices.reversed() {
            let node = nodes[i]
            if node.isText {
                let parent = node.parent
                if parent >= 0, stats[parent].junk { continue }
                stats[i].chars = visibleLength(node.text)
                stats[i].commas = node.text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
            } else if stats[i].junk {
                continue
            } else if node.tag == "a" {
                var total = 0, commas = 0, paragraphs = 0
                for c in node.children { total += stats[c].chars; commas += stats[c].commas; paragraphs += stats[c].paragraphs }
                stats[i].chars = total
                stats[i].linkChars = total
                stats[i].commas = commas
                stats[i].paragraphs = paragraphs
            } else {
                for c in node.children {
                    stats[i].chars += stats[c].chars
                    stats[i].linkChars += stats[c].linkChars
                    stats[i].commas += stats[c].commas
                    stats[i].paragraphs += stats[c].paragraphs
                }
                if paragraphTags.contains(node.tag) && stats[i].chars >= 25 { stats[i].paragraphs += 1 }
            }
        }
        // Paragraph scores credited to ancestors.
        for i in nodes.indices where !nodes[i].isText && !stats[i].junk {
            let node = nodes[i]
            guard isParagraph(node, i, nodes, stats), stats[i].chars >= 25 else { continue }
            var score = 1.0 + Double(stats[i].commas) + min(Double(stats[i].chars) / 100, 3)
            score *= 1 - stats[i].linkDensity
            var ancestor = node.parent
            var level = 0
            while ancestor >= 0, level < 3 {
                if !stats[ancestor].scored {
                    stats[ancestor].scored = true
                    stats[ancestor].score += initialScore(nodes[ancestor])
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
        guard best >= 0 else { return Body(text: "", warnings: []) }
        // A lone child stands for its parent.
        while nodes[best].parent >= 0, nodes[nodes[best].parent].tag != "body",
            nodes[nodes[best].parent].children.filter({ !nodes[$0].isText || stats[$0].chars > 0 }).count == 1
        {
            best = nodes[best].parent
        }
        let roots = siblingsToKeep(best, nodes, stats)
        var renderer = TextRenderer(page: page) { i in
            stats[i].junk || shouldDropInside(nodes[i], stats[i])
        }
        let paragraphs = renderer.render(roots).filter { !ChromeFilter.isChrome($0) }
        return Body(text: paragraphs.joined(separator: "\n"), warnings: [])
    }

    /// Elements that hold running text: `<p>` and the like, and `<div>`s with text but no blocks inside.
    static func isParagraph(_ node: HTMLTree.Node, _ i: Int, _ nodes: [HTMLTree.Node], _ stats: [Stats]) -> Bool {
        if node.tag == "p" || node.tag == "pre" || node.tag == "td" || node.tag == "blockquote" { return true }
        guard node.tag == "div" || node.tag == "section" || node.tag == "span" && nodes[node.parent].tag != "p" else { return false }
        return !node.children.contains { c in !nodes[c].isText && TextRenderer.blockTags.contains(nodes[c].tag) && stats[c].chars > 0 }
    }

    /// Readability's start scores by tag, plus the class/id weight.
    static func initialScore(_ node: HTMLTree.Node) -> Double {
        var score: Double
        switch node.tag {
        case "article": score = 10
        case "div", "main", "section": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        return score + classWeight(node)
    }

    static let positiveWords = ["article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story"]
    static let negativeWords = ["hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "tool", "widget", "share", "social", "teaser", "card"]

    static func classWeight(_ node: HTMLTree.Node) -> Double {
        var weight = 0.0
        for name in ["class", "id"] {
            guard let value = node.attribute(name)?.lowercased(), !value.isEmpty else { continue }
            if negativeWords.contains(where: value.contains) { weight -= 25 }
            if positiveWords.contains(where: value.contains) { weight += 25 }
        }
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
    static func shouldDropInside(_ node: HTMLTree.Node, _ s: Stats) -> Bool {
        switch node.tag {
        case "h1": return true
        case "ul", "ol", "div", "section", "table", "dl":
            if s.chars == 0 { return false }
            if s.linkDensity > 0.5 { return true }
            return s.linkDensity > 0.25 && s.chars < 300 && s.commas < 3
        case "p": return s.linkDensity > 0.8 && s.chars < 200
        default: return false
        }
    }

    /// Characters of text that are not whitespace.
    static func visibleLength(_ text: String) -> Int {
        var n = 0
        for b in text.utf8 where b > 0x20 && (b & 0xC0) != 0x80 { n += 1 }
        return n
    }
}
