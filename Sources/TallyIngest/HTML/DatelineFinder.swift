import TallyCore

/// The date a reader sees next to the headline: in the byline or dateline just after the `<h1>` ("By Jane
/// Roe | March 4, 2025", "Published Jan 7, 2023", `<time datetime>`), or just above it. The work is bounded:
/// a few hundred visible characters and nodes on each side of the headline.
enum DatelineFinder {
    /// Visible characters read after and before the headline.
    static let charsAfter = 600
    static let charsBefore = 200
    static let maxNodes = 400

    /// A date seen by the reader; `updated` when its label says it is a revision ("Updated", "Last modified").
    struct Found {
        var date: CalendarDate
        var updated: Bool
    }

    /// The first publication date near the headline, else the first revision date there.
    static func near(_ anchor: Int, in page: HTMLTree, today: CalendarDate) -> Found? {
        let nodes = page.nodes
        guard anchor >= 0, anchor < nodes.count else { return nil }
        // Past the headline's own subtree (nodes are in document order: its last descendant ends it).
        var last = anchor
        while let child = nodes[last].children.last { last = child }
        let end = last + 1
        let after = scan(Array(end..<min(nodes.count, end + maxNodes)), page, limit: charsAfter, today: today)
        if let after, !after.updated { return after }
        let before = scan(Array(stride(from: anchor - 1, through: max(0, anchor - maxNodes), by: -1)), page, limit: charsBefore, today: today)
        if let before, !before.updated { return before }
        return after ?? before
    }

    static let updateWords = NeedleSet(["updat", "modif", "edited", "revised", "reviewed", "refreshed"])

    private static func scan(_ indices: [Int], _ page: HTMLTree, limit: Int, today: CalendarDate) -> Found? {
        let nodes = page.nodes
        var seen = 0
        var firstUpdated: Found?
        /// The text read just before, where a label ("Updated:") stands.
        var label = ""
        func consider(_ date: CalendarDate, labelled text: String) -> Found? {
            let updated = updateWords.occurs(inLowercased: text.lowercased())
            let found = Found(date: date, updated: updated)
            if !updated { return found }
            if firstUpdated == nil { firstUpdated = found }
            return nil
        }
        for i in indices {
            let node = nodes[i]
            if node.isText {
                // Scripts are no text; a `<time datetime>`'s text is read through its attribute.
                guard node.parent >= 0, nodes[node.parent].tag != "script",
                    nodes[node.parent].tag != "time" || readableDatetime(nodes[node.parent]) == nil
                else { continue }
                let (chars, _) = ContentExtractor.visibleLengthAndCommas(node.text)
                guard chars > 0 else { continue }
                if chars < 120, let (d, offset) = firstDate(in: node.text), d <= today {
                    let before = String(node.text.prefix(offset))
                    if let found = consider(d, labelled: label + " " + before) { return found }
                    label = ""
                } else {
                    label = String(node.text.suffix(40))
                }
                seen += chars
                if seen > limit { break }
            } else if node.tag == "time", let d = readableDatetime(node), d <= today {
                let cls = (node.attribute("class") ?? "") + " " + (node.attribute("itemprop") ?? "")
                let marked = cls.lowercased().contains("publish") ? "" : cls
                if let found = consider(d, labelled: label + " " + marked) { return found }
                label = ""
            } else if (node.tag == "h1" || node.tag == "h2") && seen > 0 {
                // Another headline: the dateline of this one is not beyond it.
                break
            }
        }
        return firstUpdated
    }

    /// A `<time>`'s `datetime` at day precision; nil when it is absent or unreadable ("4/24/2000 12:00 AM"),
    /// and the element's text is read instead.
    static func readableDatetime(_ node: HTMLTree.Node) -> CalendarDate? {
        guard let value = node.attribute("datetime"), let d = DateNormalizer.date(value), d.day != nil else { return nil }
        return d
    }

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// The first full date written in `text`: "March 4, 2025", "Mar. 4th 2025", "4 March 2025",
    /// "2025-03-04", "2025/03/04", or a numeric day/month order that cannot be misread ("25/12/2024").
    static func firstDate(in text: String) -> (CalendarDate, Int)? {
        var tokens: [Substring] = []
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex, tokens.count < 40 {
            let c = text[i]
            if c.isLetter || c.isNumber {
                if start == nil { start = i }
            } else if let s = start {
                tokens.append(text[s..<i])
                start = nil
                // ISO / numeric dates keep their separators: read them right here.
                if c == "-" || c == "/" || c == "." {
                    var j = i
                    var digits = 0
                    while j < text.endIndex, digits < 12, text[j].isNumber || text[j] == "-" || text[j] == "/" || text[j] == "." {
                        j = text.index(after: j)
                        digits += 1
                    }
                    if let d = numeric(String(text[s..<j])) { return (d, text.distance(from: text.startIndex, to: s)) }
                }
            }
            i = text.index(after: i)
        }
        if let s = start, tokens.count < 40 {
            tokens.append(text[s...])
        }
        func day(_ t: Substring) -> Int? {
            let digits = t.prefix(while: \.isNumber)
            guard (1...2).contains(digits.count), let n = Int(digits), (1...31).contains(n) else { return nil }
            let suffix = t.dropFirst(digits.count).lowercased()
            return suffix.isEmpty || ["st", "nd", "rd", "th"].contains(suffix) ? n : nil
        }
        func year(_ t: Substring) -> Int? {
            guard t.count == 4, let n = Int(t), (1990...2100).contains(n) else { return nil }
            return n
        }
        func make(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate? {
            d <= CalendarDate.daysIn(month: m, year: y) ? CalendarDate(year: y, month: m, day: d) : nil
        }
        func offset(_ t: Substring) -> Int { text.distance(from: text.startIndex, to: t.startIndex) }
        for k in tokens.indices {
            guard let m = months[tokens[k].lowercased()] else { continue }
            if k + 2 < tokens.count, let d = day(tokens[k + 1]), let y = year(tokens[k + 2]), let date = make(y, m, d) { return (date, offset(tokens[k])) }
            if k >= 1, k + 1 < tokens.count, let d = day(tokens[k - 1]), let y = year(tokens[k + 1]), let date = make(y, m, d) { return (date, offset(tokens[k - 1])) }
        }
        return nil
    }

    /// "2025-03-04", "2025/03/04", "2025.03.04", and "DD/MM/YYYY" or "MM/DD/YYYY" when only one reading is a date.
    static func numeric(_ s: String) -> CalendarDate? {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        let lengths = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(\.count)
        guard parts.count >= 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        if lengths[0] == 4, (1...12).contains(b), (1...CalendarDate.daysIn(month: b, year: a)).contains(c), (1990...2100).contains(a) {
            return CalendarDate(year: a, month: b, day: c)
        }
        if lengths[2] == 4, lengths[0] <= 2, lengths[1] <= 2, (1990...2100).contains(c) {
            let dayFirst = (1...12).contains(b) && a >= 1 && a <= CalendarDate.daysIn(month: b, year: c)
            let monthFirst = (1...12).contains(a) && b >= 1 && b <= CalendarDate.daysIn(month: a, year: c)
            if dayFirst && !monthFirst { return CalendarDate(year: c, month: b, day: a) }
            if monthFirst && !dayFirst { return CalendarDate(year: c, month: a, day: b) }
            if monthFirst && dayFirst && a == b { return CalendarDate(year: c, month: a, day: b) }
        }
        return nil
    }
}
