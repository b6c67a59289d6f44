import TallyMemory

/// A start tag's attributes read from its bytes the way libxml2 2.9.14 reads them (`htmlParseStartTag`):
/// names of letters, digits and `:-_.`, an optional `=` and a value quoted with `"` or `'` (a `>` inside
/// does not end the tag) or unquoted up to a blank or `>`; anything else is a bogus attribute skipped up to
/// the next blank. Used to find where the tag ends and which attributes `HTMLTree` would throw away.
enum StartTagScan {
    /// Attribute names `HTMLTree` copies, as bytes.
    static let kept: [[UInt8]] = HTMLTree.keptAttributes.map { Array($0.utf8) }
    /// libxml2's limit on a name; longer ones are read differently, so their tag is left alone.
    static let longestName = 100

    /// The tag's end and the ranges of its unread attributes (empty when the tag is not plain markup).
    static func scan(_ b: ByteView, from start: Int, collect: Bool) -> (end: Int, unread: [Range<Int>]) {
        let n = b.count
        var unread: [Range<Int>] = []
        var plain = true
        var j = start
        while j < n {
            let blanks = j
            while j < n, isBlank(b[j]) { j += 1 }
            guard j < n else { break }
            let c = b[j]
            if c == UInt8(ascii: ">") { return (j, plain ? unread : []) }
            if c == UInt8(ascii: "/"), j + 1 < n, b[j + 1] == UInt8(ascii: ">") { return (j + 1, plain ? unread : []) }
            guard isNameStart(c) else {
                // A name libxml2 does not accept (Alpine's `@click`, Angular's `(click)` and `[class.x]`) with a
                // quoted value: browsers read it as an attribute, libxml2 as junk up to the next blank, and a `>`
                // in the value ("() => open = true") then ends its tag and spills the script into the text.
                // Cut whole, libxml2 reads the rest of the tag as browsers do.
                let attribute = quotedAttribute(b, at: j)
                // No closing quote anywhere after: nothing further is cut (and no later search repeats this one).
                if attribute.unclosed { return (n, []) }
                if let value = attribute.range, blanks < j, followedByEnd(b, value.upperBound) {
                    if collect { unread.append(blanks..<value.upperBound) }
                    j = value.upperBound
                    continue
                }
                // A bogus attribute: skipped up to the next blank or the end of the tag.
                plain = false
                while j < n, !isBlank(b[j]), b[j] != UInt8(ascii: ">"), !(b[j] == UInt8(ascii: "/") && j + 1 < n && b[j + 1] == UInt8(ascii: ">")) { j += 1 }
                continue
            }
            let nameStart = j
            j += 1
            while j < n, isNameByte(b[j]) { j += 1 }
            let name = nameStart..<j
            if name.count >= longestName { plain = false }
            var k = j
            while k < n, isBlank(b[k]) { k += 1 }
            if k < n, b[k] == UInt8(ascii: "=") {
                k += 1
                while k < n, isBlank(b[k]) { k += 1 }
                guard k < n else { break }
                let q = b[k]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    // An unclosed value runs to the end of the page.
                    guard let close = b.firstIndex(of: q, in: (k + 1)..<n) else { return (n, []) }
                    j = close + 1
                } else {
                    let valueStart = k
                    while k < n, !isBlank(b[k]), b[k] != UInt8(ascii: ">") { k += 1 }
                    if k == valueStart { plain = false }
                    j = k
                }
            }
            guard collect, plain, blanks < nameStart else { continue }
            // Cut only between blanks and the tag's end, so no two neighbours are glued together.
            if followedByEnd(b, j), !isKept(b, name) { unread.append(blanks..<j) }
        }
        return (n, [])
    }

    /// Whether `at` is a blank or the tag's end (`>`, `/>`, or the end of the page).
    static func followedByEnd(_ b: ByteView, _ at: Int) -> Bool {
        let n = b.count
        return at >= n || isBlank(b[at]) || b[at] == UInt8(ascii: ">") || (b[at] == UInt8(ascii: "/") && at + 1 < n && b[at + 1] == UInt8(ascii: ">"))
    }

    /// The range of an attribute read as browsers read it (a name of anything but blanks, `/`, `>` and `=`,
    /// then `=` and a quoted value), or nil when there is none at `at`.
    /// `unclosed` when the value's quote is never closed.
    static func quotedAttribute(_ b: ByteView, at start: Int) -> (range: Range<Int>?, unclosed: Bool) {
        let n = b.count
        var k = start
        while k < n, !isBlank(b[k]), b[k] != UInt8(ascii: "/"), b[k] != UInt8(ascii: ">"), b[k] != UInt8(ascii: "="),
            b[k] != UInt8(ascii: "\""), b[k] != UInt8(ascii: "'"), b[k] != UInt8(ascii: "<")
        { k += 1 }
        guard k > start, k - start < longestName else { return (nil, false) }
        while k < n, isBlank(b[k]) { k += 1 }
        guard k < n, b[k] == UInt8(ascii: "=") else { return (nil, false) }
        k += 1
        while k < n, isBlank(b[k]) { k += 1 }
        guard k < n, b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") else { return (nil, false) }
        guard let close = b.firstIndex(of: b[k], in: (k + 1)..<n) else { return (nil, true) }
        return (start..<(close + 1), false)
    }

    static func isKept(_ b: ByteView, _ name: Range<Int>) -> Bool {
        kept.contains { OpaqueContent.equalsIgnoringCase(b, name, $0) }
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }
    static func isNameStart(_ c: UInt8) -> Bool { OpaqueContent.isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") }
    static func isNameByte(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
    }
}
