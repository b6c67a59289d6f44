import CLibXML2
import TallyMemory

/// A page parsed by libxml2 and copied into Swift values, so nothing refers to libxml2 memory after
/// `parse` returns (the libxml2 document is freed there and never shared across threads).
///
/// The package's one boundary with libxml2: only this file calls it or reads its pointers. Every
/// libxml2 pointer below comes from the document being copied, is read only between its parse and
/// its `xmlFreeDoc` (both in `parse`), and never leaves this file; each use says why it is sound.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        /// Lower-case element name; empty for text.
        var tag: String
        var parent: Int
        var children: [Int] = []
        /// Text content of a text node (also the raw content of `<script>` / `<style>` children).
        var text: String = ""
        var attributes: [(name: String, value: String)] = []
        /// The tag's memberships in the tag sets, looked up once (`TagKind.of`).
        var kind: TagKind

        init(tag: String, parent: Int, children: [Int] = [], text: String = "", attributes: [(name: String, value: String)] = [], kind: TagKind? = nil) {
            self.tag = tag
            self.parent = parent
            self.children = children
            self.text = text
            self.attributes = attributes
            self.kind = kind ?? TagKind.of(tag)
        }

        var isText: Bool { tag.isEmpty }

        func attribute(_ name: String) -> String? {
            for a in attributes where a.name == name { return a.value }
            return nil
        }
    }

    var nodes: [Node] = []
    var warnings: [String] = []
    /// Index of the `<html>` element (or whatever root libxml2 produced).
    var root: Int { 0 }

    /// libxml2 is initialised once per process.
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Whether libxml2 (through iconv) can decode `name`.
    static func supportsEncoding(_ name: String) -> Bool {
        _ = parserReady
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// libxml2's parse alone, for measuring what the copy into Swift values costs.
    static func parseOnly(_ bytes: [UInt8], encoding: String) {
        _ = parserReady
        guard let context = htmlNewParserCtxt() else { return }
        defer { htmlFreeParserCtxt(context) }
        // Sound: libxml2 reads the `count` bytes only during the call, which the closure keeps alive.
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), nil, encoding, parseOptions)
            }
        }
        if let doc { xmlFreeDoc(doc) }
    }

    static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` in `encoding` (normally "UTF-8", already converted by `EncodingSniffer`).
    static func parse(_ bytes: [UInt8], encoding: String) -> HTMLTree? {
        _ = parserReady
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let options = parseOptions
        // Sound: libxml2 reads the `count` bytes only during the call, which the closure keeps alive.
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), nil, encoding, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let rootElement = xmlDocGetRootElement(doc) else { return nil }
        var tree = HTMLTree()
        tree.nodes.reserveCapacity(bytes.count / 40)
        tree.copy(rootElement, parent: -1)
        // Sound: the context is alive until the deferred free; its message is a C string it owns.
        if let message = context.pointee.lastError.message, String(cString: message).hasPrefix("Excessive depth") {
            // libxml2 stops at its nesting limit (256 elements) and keeps what came before.
            tree.warnings.append("HTML nested too deeply (over 256 levels): the page was read only up to that point")
        } else if tree.isTruncated(bytes) {
            tree.warnings.append("truncated HTML (no closing </html> or </body>)")
        }
        return tree
    }

    /// Attributes the extractors read; the rest (`data-*`, `href`s of every link …) are not copied.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "style", "hidden", "aria-hidden", "itemprop", "type", "property", "name", "content",
        "datetime", "pubdate", "rel", "href", "charset", "http-equiv",
    ]

    /// Elements whose content no extractor reads (a `<script>` is kept only when it holds JSON-LD).
    static let opaqueTags: Set<String> = ["style", "noscript", "template", "svg", "math", "iframe", "object", "select"]

    /// Copies the subtree under `node` iteratively (deep pages must not overflow the stack).
    ///
    /// Sound: every node, attribute and string pointer read here belongs to the live document
    /// (`parse` frees it only after the copy), links are followed only when non-nil, and strings are
    /// copied into Swift values before the next node is read.
    private mutating func copy(_ top: xmlNodePtr, parent topParent: Int) {
        var stack: [(xmlNodePtr, Int)] = [(top, topParent)]
        while let (node, parent) = stack.popLast() {
            let index = nodes.count
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = node.pointee.name.map { HTMLTree.lowercased($0, limit: .max)! } ?? ""
                var element = Node(tag: tag, parent: parent, kind: TagKind.table[tag] ?? [])
                var attr = node.pointee.properties
                while let a = attr {
                    attr = a.pointee.next
                    // Names longer than any kept one are not even copied.
                    guard let rawName = a.pointee.name, let name = HTMLTree.lowercased(rawName, limit: HTMLTree.longestKeptAttribute),
                        HTMLTree.keptAttributes.contains(name)
                    else { continue }
                    var value = ""
                    if let text = a.pointee.children, text.pointee.next == nil, let content = text.pointee.content {
                        value = String(cString: content)
                    } else if let v = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                        // Sound: an attribute is a node to libxml2 (`xmlAttr` begins with `xmlNode`'s
                        // fields, and `xmlNodeGetContent` handles XML_ATTRIBUTE_NODE); the content it
                        // allocates is copied, then freed once.
                        value = String(cString: v)
                        tally_xmlFree(v)
                    }
                    element.attributes.append((name, value))
                }
                let opaque = element.kind.contains(.opaque)
                    || (element.tag == "script" && !ASCIIWords(element.attribute("type") ?? "").contains(Array("json".utf8)))
                if !opaque {
                    // Push children last-first so they are copied in document order.
                    var child = node.pointee.last
                    var count = 0
                    while let c = child {
                        stack.append((c, index))
                        child = c.pointee.prev
                        count += 1
                    }
                    element.children.reserveCapacity(count)
                }
                nodes.append(element)
                if parent >= 0 { nodes[parent].children.append(index) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard parent >= 0, let content = node.pointee.content else { continue }
                nodes.append(Node(tag: "", parent: parent, text: HTMLTree.text(content), kind: []))
                nodes[parent].children.append(index)
            default:
                continue  // comments, processing instructions, DTD
            }
        }
    }

    /// Text content; whitespace-only runs (indentation between tags) become one space without allocating.
    ///
    /// Sound: reads the NUL-terminated string only up to its NUL.
    private static func text(_ content: UnsafePointer<xmlChar>) -> String {
        var p = content
        while true {
            let b = p.pointee
            if b == 0 { return p == content ? "" : " " }
            if !(b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D) { break }
            p += 1
        }
        return String(cString: content)
    }

    static let longestKeptAttribute = keptAttributes.map(\.utf8.count).max()!

    /// The name lower-cased (ASCII letters), or nil when it is longer than `limit` bytes.
    ///
    /// Sound: reads the NUL-terminated name only up to its NUL (`length` bytes before it).
    private static func lowercased(_ name: UnsafePointer<xmlChar>, limit: Int) -> String? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > limit { return nil }
        }
        return String(utf8Capacity: length) { out in
            for i in 0..<length {
                let b = name[i]
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
        }
    }

    /// A page that opens `<html>` but closes neither `</html>` nor `</body>` near its end was cut off.
    private func isTruncated(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard head.containsSequence(Array("<html".utf8)) else { return false }
        let tail = bytes.suffix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return !tail.containsSequence(Array("</html".utf8)) && !tail.containsSequence(Array("</body".utf8))
    }
}

/// Which of the tag sets a tag belongs to, so that hot loops test bits instead of hashing Strings.
struct TagKind: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// `TextRenderer.blockTags`
    static let block = TagKind(rawValue: 1)
    /// `TextRenderer.inlineTags`
    static let inline = TagKind(rawValue: 2)
    /// `JunkFilter.junkTags`
    static let junk = TagKind(rawValue: 4)
    /// `JunkFilter.softJunkTags`
    static let softJunk = TagKind(rawValue: 8)
    /// `HTMLTree.opaqueTags`
    static let opaque = TagKind(rawValue: 16)

    /// Every tag that is in some set, with its kind (other tags have none).
    static let table: [String: TagKind] = {
        var table: [String: TagKind] = [:]
        for tag in TextRenderer.blockTags.union(TextRenderer.inlineTags).union(JunkFilter.junkTags).union(JunkFilter.softJunkTags)
            .union(HTMLTree.opaqueTags)
        {
            table[tag] = of(tag)
        }
        return table
    }()

    static func of(_ tag: String) -> TagKind {
        var kind: TagKind = []
        if TextRenderer.blockTags.contains(tag) { kind.insert(.block) }
        if TextRenderer.inlineTags.contains(tag) { kind.insert(.inline) }
        if JunkFilter.junkTags.contains(tag) { kind.insert(.junk) }
        if JunkFilter.softJunkTags.contains(tag) { kind.insert(.softJunk) }
        if HTMLTree.opaqueTags.contains(tag) { kind.insert(.opaque) }
        return kind
    }
}
