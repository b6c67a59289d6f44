import TallyMemory

/// Limits on the markup of one HTML page, enforced on the bytes before libxml2 parses them.
///
/// libxml2 2.9.14 checks each attribute of an element against all the earlier ones, so one element
/// with 300,000 attributes takes hours; and every element becomes a node the extractors walk. Real news
/// pages have at most a hundred or so attributes on an element and a few thousand elements, so a page
/// over these limits is hostile or broken: its excess attributes are dropped and its elements past the
/// limit cut off, with a warning, and the rest is read as usual.
///
/// The scan is a cheap approximation of an HTML tokenizer (tags, quoted values, comments, raw-text
/// elements such as `<script>`), linear in the bytes. Where it reads the markup differently from
/// libxml2 it only ever counts more, never fewer.
public struct MarkupBudget: Sendable, Hashable {
    /// Attributes kept on one element; the rest are removed from the bytes.
    public var attributesPerElement: Int
    /// Attributes kept on the whole page; past them, elements keep none (each one costs libxml2 a node
    /// and a text node, over 200 bytes).
    public var attributes: Int
    /// Elements (start tags) read; the page is cut before the next one.
    public var elements: Int

    public init(attributesPerElement: Int = 256, attributes: Int = 100_000, elements: Int = 100_000) {
        self.attributesPerElement = attributesPerElement
        self.attributes = attributes
        self.elements = elements
    }

    /// Drops attributes beyond the limit and cuts the page after `elements` start tags.
    /// Returns the warnings to attach to the document (none when the page is within the limits).
    public func enforce(_ bytes: inout [UInt8]) -> [String] {
        var scan = MarkupScan(bytes: bytes, budget: self)
        scan.run()
        guard !scan.removals.isEmpty || scan.cutAt != nil else { return [] }
        var warnings: [String] = []
        if !scan.removals.isEmpty {
            let elements = scan.removals.count
            warnings.append(
                "too many HTML attributes (\(scan.totalAttributes), up to \(scan.mostAttributes) on one element; at most \(attributesPerElement) per element and \(attributes) per page are read): \(scan.droppedAttributes) on \(elements) element\(elements == 1 ? "" : "s") ignored")
        }
        if let cut = scan.cutAt {
            warnings.append("more than \(elements) HTML elements: the page was read only up to byte \(cut)")
        }
        bytes = scan.rewritten()
        return warnings
    }
}

/// One pass of `MarkupBudget` over a page: where attributes must go and where the page must end.
private struct MarkupScan {
    let bytes: [UInt8]
    let budget: MarkupBudget
    /// Byte ranges of excess attributes, in order, not overlapping.
    var removals: [Range<Int>] = []
    var droppedAttributes = 0
    var mostAttributes = 0
    var totalAttributes = 0
    /// Attributes kept so far on the page.
    var keptAttributes = 0
    /// Where the page is cut (the start of the first element over the limit).
    var cutAt: Int?

    init(bytes: [UInt8], budget: MarkupBudget) {
        self.bytes = bytes
        self.budget = budget
    }

    /// Elements whose content is raw text up to their end tag (a `<` inside is not a tag).
    static let rawTextElements: [[UInt8]] = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"].map { Array($0.utf8) }

    mutating func run() {
        bytes.withView { buf in
            let n = buf.count
            var i = 0
            var elements = 0
            while i < n {
                guard buf[i] == UInt8(ascii: "<"), i + 1 < n else {
                    i += 1
                    continue
                }
                let next = buf[i + 1]
                if next == UInt8(ascii: "!") {
                    if i + 3 < n, buf[i + 2] == UInt8(ascii: "-"), buf[i + 3] == UInt8(ascii: "-") {
                        i = buf.firstIndex(ofSequence: [UInt8]("-->".utf8), from: i + 4).map { $0 + 3 } ?? n
                    } else {
                        i = buf.firstIndex(ofSequence: [UInt8(ascii: ">")], from: i + 2).map { $0 + 1 } ?? n
                    }
                    continue
                }
                guard Self.isLetter(next) else {
                    i += 1
                    continue
                }
                elements += 1
                if elements > budget.elements {
                    cutAt = i
                    return
                }
                let nameStart = i + 1
                var j = nameStart
                while j < n, !Self.endsName(buf[j]) { j += 1 }
                let name = nameStart..<j
                j = startTag(buf, attributesFrom: j)
                i = j
                if let raw = Self.rawTextElements.first(where: { Self.equalsIgnoringCase(buf, name, $0) }) {
                    i = Self.findEndTag(raw, in: buf, from: i) ?? n
                }
            }
        }
    }

    /// Reads a start tag's attributes from `start` (just after its name) and returns the index after its `>`.
    private mutating func startTag(_ buf: ByteView, attributesFrom start: Int) -> Int {
        let n = buf.count
        var j = start
        var count = 0
        let keep = min(budget.attributesPerElement, max(budget.attributes - keptAttributes, 0))
        var excessFrom: Int?
        while j < n {
            let b = buf[j]
            if b == UInt8(ascii: ">") { break }
            if Self.isSpace(b) || b == UInt8(ascii: "/") {
                j += 1
                continue
            }
            // An attribute: a name (possibly empty, as in `="x"`), then optionally `=` and a value.
            let attributeStart = j
            while j < n, !Self.isSpace(buf[j]), buf[j] != UInt8(ascii: "="), buf[j] != UInt8(ascii: ">"), buf[j] != UInt8(ascii: "/") || j == attributeStart {
                j += 1
            }
            var k = j
            while k < n, Self.isSpace(buf[k]) { k += 1 }
            if k < n, buf[k] == UInt8(ascii: "=") {
                k += 1
                while k < n, Self.isSpace(buf[k]) { k += 1 }
                if k < n, buf[k] == UInt8(ascii: "\"") || buf[k] == UInt8(ascii: "'") {
                    k = buf.firstIndex(ofSequence: [buf[k]], from: k + 1).map { $0 + 1 } ?? n
                } else {
                    while k < n, !Self.isSpace(buf[k]), buf[k] != UInt8(ascii: ">") { k += 1 }
                }
                j = k
            }
            count += 1
            if count == keep + 1 { excessFrom = attributeStart }
        }
        mostAttributes = max(mostAttributes, count)
        totalAttributes += count
        keptAttributes += min(count, keep)
        if let excessFrom {
            removals.append(excessFrom..<j)
            droppedAttributes += count - keep
        }
        return min(j + 1, n)
    }

    /// The page without the removed attributes and anything after the cut.
    func rewritten() -> [UInt8] {
        let end = cutAt ?? bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(end)
        var from = 0
        for range in removals where range.lowerBound < end {
            out.append(contentsOf: bytes[from..<range.lowerBound])
            from = range.upperBound
        }
        if from < end { out.append(contentsOf: bytes[from..<end]) }
        return out
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
    static func endsName(_ b: UInt8) -> Bool { isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") }

    static func equalsIgnoringCase(_ buf: ByteView, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        for (offset, w) in word.enumerated() where buf[range.lowerBound + offset] | 0x20 != w { return false }
        return true
    }

    /// The index of `</name` (any case) at or after `from`.
    static func findEndTag(_ name: [UInt8], in buf: ByteView, from: Int) -> Int? {
        var i = from
        while let lt = buf.firstIndex(ofSequence: [UInt8]("</".utf8), from: i) {
            let nameRange = (lt + 2)..<min(lt + 2 + name.count, buf.count)
            if equalsIgnoringCase(buf, nameRange, name) { return lt }
            i = lt + 2
        }
        return nil
    }
}
