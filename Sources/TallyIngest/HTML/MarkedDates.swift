import TallyCore

/// Dates a page marks as dates away from its metadata and its headline: elements whose `class`/`id` names a
/// date ("date", "posted", "published", "timestamp" …) or that carry `itemprop="datePublished"`, read as the
/// reader sees them ("Posted on April 13, 2023", "Feb 2, 2023"). Pages without date metadata often show
/// the publication date so, in a byline box far from the `<h1>` or on a page without one.
///
/// Dates inside navigation, asides and footers are other posts' dates and do not count; only the first few
/// marked elements are read, so the work stays bounded on archive pages.
enum MarkedDates {
    static let classWords = NeedleSet(["date", "publish", "posted", "time"])
    /// Elements read at most per page (each marked element with a date or not).
    static let maximumElements = 12
    static let maximumDates = 4
    /// Longer texts are paragraphs that mention a date, not a date box.
    static let maximumTextLength = 120

    /// Whether the element marks a date by its `class`, `id` or `itemprop` (one pass over the attributes).
    static func isMarked(_ node: HTMLTree.Node) -> Bool {
        var marked = false
        for a in node.attributes {
            if a.name == "class" || a.name == "id" {
                marked = marked || classWords.occurs(inLowercased: a.value)
            } else if a.name == "itemprop" {
                marked = marked || (a.value.lowercased() == "datepublished" && node.tag != "meta")
            }
        }
        return marked
    }

    /// The date written in element `index`, and whether its label or class calls it a revision; nil when the
    /// text holds no full date, is long, or sits in chrome that lists other posts.
    static func read(_ index: Int, in page: HTMLTree, today: CalendarDate) -> (date: CalendarDate, updated: Bool)? {
        let nodes = page.nodes
        var a = nodes[index].parent
        var depth = 0
        while a >= 0, depth < 64 {
            let tag = nodes[a].tag
            if tag == "nav" || tag == "aside" || tag == "footer" { return nil }
            a = nodes[a].parent
            depth += 1
        }
        guard let raw = boundedText(of: index, in: page) else { return nil }
        let text = raw.collapsingSpaces()
        guard !text.isEmpty, text.count <= maximumTextLength, let (date, offset) = DatelineFinder.firstDate(in: text), date <= today else {
            return nil
        }
        let label = (nodes[index].attribute("class") ?? "") + " " + String(text.prefix(offset))
        return (date, DatelineFinder.updateWords.occurs(inLowercased: label.lowercased()))
    }

    /// The text under `index`, or nil once it passes a few times `maximumTextLength` bytes (a container,
    /// not a date box): the walk stops there.
    static func boundedText(of index: Int, in page: HTMLTree) -> String? {
        var out = ""
        var stack = [index]
        while let i = stack.popLast() {
            let node = page.nodes[i]
            if node.isText {
                out += node.text
                if out.utf8.count > 4 * maximumTextLength { return nil }
            } else if !node.kind.contains(.junk) {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return out
    }

    /// Text nodes read at most by `firstStandalone`.
    static let maximumStandaloneTexts = 3000

    /// The first short text on the page that starts with a full date ("Dec 17, 2025", "Posted on the
    /// 15/12/2025 by …"), outside navigation, asides, footers and scripts: the last visible trace of a date
    /// on pages that mark it in no other way.
    static func firstStandalone(in page: HTMLTree, today: CalendarDate) -> (date: CalendarDate, updated: Bool)? {
        let nodes = page.nodes
        var i = 0
        var read = 0
        while i < nodes.count, read < maximumStandaloneTexts {
            let node = nodes[i]
            if !node.isText {
                if node.kind.contains(.junk) || node.tag == "nav" || node.tag == "aside" || node.tag == "footer" {
                    var last = i
                    while let child = nodes[last].children.last { last = child }
                    i = last + 1
                } else {
                    i += 1
                }
                continue
            }
            i += 1
            let length = node.text.utf8.count
            guard length >= 8, length <= 60 else { continue }
            read += 1
            let text = node.text.collapsingSpaces()
            guard let (date, offset) = DatelineFinder.firstDate(in: text), offset <= 20, date <= today else { continue }
            return (date, DatelineFinder.updateWords.occurs(inLowercased: String(text.prefix(offset)).lowercased()))
        }
        return nil
    }
}
