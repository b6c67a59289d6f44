import TallyMemory

/// Renders element subtrees as plain text: whitespace collapsed, block boundaries as paragraph breaks
/// (so sentences never run together), `<br>` as a line break, `<pre>` kept verbatim.
struct TextRenderer {
    /// Elements that start a new paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd",
        "dt", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "hr",
        "address", "details", "summary", "center", "body", "html", "header", "footer", "aside", "nav", "form",
        "fieldset", "legend", "noscript", "iframe", "hgroup", "br",
    ]

    /// Phrasing elements whose text runs on within a paragraph.
    static let inlineTags: Set<String> = [
        "a", "span", "b", "strong", "i", "em", "u", "s", "small", "big", "sub", "sup", "mark", "font", "abbr", "cite",
        "code", "q", "time", "del", "ins", "dfn", "kbd", "samp", "var", "bdi", "bdo", "tt", "strike", "nobr",
    ]

    let page: HTMLTree
    /// Element indices whose subtrees are left out.
    let skip: (Int) -> Bool

    private var paragraphs: [String] = []
    /// UTF-8 bytes of the paragraph being built.
    private var current: [UInt8] = []
    private var pendingSpace = false

    init(page: HTMLTree, skip: @escaping (Int) -> Bool) {
        self.page = page
        self.skip = skip
    }

    /// The paragraphs of the given subtrees, in order.
    mutating func render(_ roots: [Int]) -> [String] {
        for root in roots { walk(root) }
        breakParagraph()
        return paragraphs
    }

    private mutating func walk(_ index: Int) {
        let node = page.nodes[index]
        if node.isText {
            append(node.text)
            return
        }
        if skip(index) { return }
        let block = node.kind.contains(.block)
        if block { breakParagraph() }
        let cell = node.tag == "td" || node.tag == "th"  // cells of a row share its line
        if cell { pendingSpace = !current.isEmpty }
        if node.tag == "pre" {
            let text = page.text(of: index)
            if !text.trimmingSpaces().isEmpty { paragraphs.append(text.trimmingTrailingNewlines()) }
            return
        }
        for child in node.children { walk(child) }
        if block { breakParagraph() }
        if cell { pendingSpace = !current.isEmpty }
    }

    /// Appends `text` with runs of whitespace (Unicode White_Space) collapsed to one pending space.
    private mutating func append(_ text: String) {
        text.withBytes { buf in
            let n = buf.count
            var i = 0
            while i < n {
                let b = buf[i]
                var length = 1
                let space: Bool
                if b < 0x80 {
                    space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    let (scalar, l) = UTF8Bytes.decode(buf, at: i)
                    length = l
                    space = UTF8Bytes.isWhitespace(scalar)
                }
                if space {
                    pendingSpace = !current.isEmpty
                } else {
                    if pendingSpace { current.append(0x20) }
                    pendingSpace = false
                    if length == 1 {
                        current.append(b)
                    } else {
                        buf.append(i..<(i + length), to: &current)
                    }
                }
                i += length
            }
        }
    }

    private mutating func breakParagraph() {
        if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}

extension HTMLTree {
    /// All text under `index`, concatenated as it appears (no whitespace processing).
    func text(of index: Int) -> String {
        var out = ""
        var stack = [index]
        while let i = stack.popLast() {
            let node = nodes[i]
            if node.isText { out += node.text } else { stack.append(contentsOf: node.children.reversed()) }
        }
        return out
    }
}

extension HTMLTree {
    /// The text under `index` with a space where a block or `<br>` breaks it ("WEEKEND<br>CODING" reads
    /// "WEEKEND CODING"), for headings, whose lines a reader sees as separate words.
    func spacedText(of index: Int) -> String {
        var out = ""
        var stack = [index]
        while let i = stack.popLast() {
            if i < 0 {
                out += " "
                continue
            }
            let node = nodes[i]
            if node.isText {
                out += node.text
            } else if node.kind.contains(.junk) {
                continue  // scripts, styles, icons: not what the reader sees
            } else if node.kind.contains(.block) {
                out += " "
                stack.append(-1)
                stack.append(contentsOf: node.children.reversed())
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last.isNewline || last == " " { s = s.dropLast() }
        while let first = s.first, first.isNewline { s = s.dropFirst() }
        return String(s)
    }
}
