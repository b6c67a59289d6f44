import CLibXML2

/// A page parsed by libxml2 and copied into Swift values, so nothing refers to libxml2 memory after
/// `parse` returns (the libxml2 document is freed there and never shared across threads).
struct HTMLTree: Sendable {
    struct Node: Sendable {
        /// Lower-case element name; empty for text.
        var tag: String
        var parent: Int
        var children: [Int] = []
        /// Text content of a text node (also the raw content of `<script>` / `<style>` children).
        var text: String = ""
        var attributes: [(name: String, value: String)] = []

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
    private mutating func copy(_ top: xmlNodePtr, parent topParent: Int) {
        var stack: [(xmlNodePtr, Int)] = [(top, topParent)]
        while let (node, parent) = stack.popLast() {
            let index = nodes.count
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                var element = Node(tag: HTMLTree.lowercased(node.pointee.name), parent: parent)
                var attr = node.pointee.properties
                while let a = attr {
                    attr = a.pointee.next
                    let name = HTMLTree.lowercased(a.pointee.name)
                    guard HTMLTree.keptAttributes.contains(name) else { continue }
                    var value = ""
                    if let text = a.pointee.children, text.pointee.next == nil, let content = text.pointee.content {
                        value = String(cString: content)
                    } else if let v = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                        value = String(cString: v)
                        tally_xmlFree(v)
                    }
                    element.attributes.append((name, value))
                }
                let opaque = HTMLTree.opaqueTags.contains(element.tag)
                    || (element.tag == "script" && !ASCIIWords(element.attribute("type") ?? "").contains(Array("json".utf8)))
                nodes.append(element)
                if parent >= 0 { nodes[parent].children.append(index) }
                if opaque { continue }
                // Push children last-first so they are copied in document order.
                var child = node.pointee.last
                while let c = child {
                    stack.append((c, index))
                    child = c.pointee.prev
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard parent >= 0, let content = node.pointee.content else { continue }
                nodes.append(Node(tag: "", parent: parent, text: HTMLTree.text(content)))
                nodes[parent].children.append(index)
            default:
                continue  // comments, processing instructions, DTD
            }
        }
    }

    /// Text content; whitespace-only runs (indentation between tags) become one space without allocating.
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

    private static func lowercased(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        var bytes: [UInt8] = []
        var p = name
        while p.pointee != 0 {
            let b = p.pointee
            bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            p += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A page that opens `<html>` but closes neither `</html>` nor `</body>` near its end was cut off.
    private func isTruncated(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard head.containsSequence(Array("<html".utf8)) else { return false }
        let tail = bytes.suffix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return !tail.containsSequence(Array("</html".utf8)) && !tail.containsSequence(Array("</body".utf8))
    }
}
