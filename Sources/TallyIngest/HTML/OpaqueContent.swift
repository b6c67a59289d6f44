import TallyMemory

/// What no extractor reads, cut from the bytes before libxml2 parses them: the contents of `<script>`,
/// `<style>` and `<svg>` elements, and the attributes `HTMLTree` does not copy (`data-*`, `src`, `srcset`,
/// `alt`, `aria-label` …).
///
/// `HTMLTree` throws all of it away, yet on the WCXB pages the contents were over a third of the bytes
/// (inline bundles, CSS, icon paths) and libxml2 reads raw text and attribute values one character at a
/// time, building a node for every attribute: they were most of its work. Scripts whose start tag says
/// `json` anywhere (JSON-LD, `__NEXT_DATA__`) are kept whole, since the metadata and the body fallback read
/// them.
///
/// The scan follows libxml2's reading where it matters: comments are skipped, start tags are read as
/// `StartTagScan` reads them, a script or style ends at the first `</script` / `</style` in any case, and an
/// `<svg>` is emptied only when no other `<svg` starts inside it. Where the scan is unsure it keeps the
/// bytes: cutting less is always safe.
enum OpaqueContent {
    /// Contents shorter than this are left alone: copying around them would cost more than it saves.
    static let minimumCut = 256

    static let script = Array("script".utf8)
    static let style = Array("style".utf8)
    static let svg = Array("svg".utf8)
    static let json = Array("json".utf8)

    /// `bytes` without the contents of its scripts (other than JSON ones), styles and SVG drawings.
    static func strip(_ bytes: inout [UInt8]) {
        let cuts = bytes.withView(ranges)
        guard !cuts.isEmpty else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - cuts.reduce(0) { $0 + $1.count })
        bytes.withView { b in
            var from = 0
            for cut in cuts {
                b.append(from..<cut.lowerBound, to: &out)
                from = cut.upperBound
            }
            b.append(from..<b.count, to: &out)
        }
        bytes = out
    }

    /// The byte ranges to cut, in order: unread attributes, and whole contents between a start tag's `>` and
    /// its end tag.
    static func ranges(_ b: ByteView) -> [Range<Int>] {
        let n = b.count
        var cuts: [Range<Int>] = []
        var i = 0
        // Bounds that keep the scan linear on hostile pages: no `</svg` after `svgEnds`, and drawings nested
        // in one another are left whole up to `nestedUntil` (each region is searched once).
        var svgEnds = n
        var nestedUntil = 0
        while i < n {
            guard let lt = b.firstIndex(of: 0x3C, in: i..<n), lt + 1 < n else { break }
            let next = b[lt + 1]
            if next == UInt8(ascii: "!") {
                // A comment runs to `-->`; a doctype or other declaration to `>`.
                if lt + 3 < n, b[lt + 2] == UInt8(ascii: "-"), b[lt + 3] == UInt8(ascii: "-") {
                    i = b.firstIndex(ofSequence: Array("-->".utf8), from: lt + 4).map { $0 + 3 } ?? n
                } else {
                    i = b.firstIndex(of: UInt8(ascii: ">"), in: (lt + 2)..<n).map { $0 + 1 } ?? n
                }
                continue
            }
            guard isLetter(next) else {
                i = lt + 1
                continue
            }
            var j = lt + 1
            while j < n, StartTagScan.isNameByte(b[j]) { j += 1 }
            let name = (lt + 1)..<j
            let (tagEnd, unread) = StartTagScan.scan(b, from: j, collect: true)
            guard tagEnd < n else { break }
            cuts.append(contentsOf: unread)
            i = tagEnd + 1
            let isScript = equalsIgnoringCase(b, name, script)
            let isStyle = !isScript && equalsIgnoringCase(b, name, style)
            let isSVG = !isScript && !isStyle && equalsIgnoringCase(b, name, svg)
            guard isScript || isStyle || isSVG else { continue }
            // `<svg/>` holds nothing; a `<script … />` may be empty to libxml2 or not, so it is read past
            // but never cut.
            let selfClosing = b[tagEnd - 1] == UInt8(ascii: "/")
            if isSVG && (selfClosing || i >= svgEnds || i < nestedUntil) { continue }
            let tag = isScript ? script : isStyle ? style : svg
            // libxml2 ends raw text at the first `</name`; an unclosed one runs to the end and is kept.
            guard let end = findEndTag(tag, in: b, from: i) else {
                if isSVG {
                    svgEnds = i
                    continue
                }
                break
            }
            let nested = isSVG && findStartTag(svg, in: b, from: i, before: end) != nil
            let keep = selfClosing || (isScript && contains(b, j..<tagEnd, json)) || nested
            if !keep, end - i >= minimumCut { cuts.append(i..<end) }
            // A nested drawing's inner markup is read on (for scripts and attributes); anything else resumes
            // at its end tag.
            if nested { nestedUntil = end } else { i = end }
        }
        return cuts
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func endsName(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") }

    static func equalsIgnoringCase(_ b: ByteView, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count, range.upperBound <= b.count else { return false }
        for (offset, w) in word.enumerated() where b[range.lowerBound + offset] | 0x20 != w { return false }
        return true
    }

    static func contains(_ b: ByteView, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count >= word.count else { return false }
        for k in range.lowerBound...(range.upperBound - word.count) where equalsIgnoringCase(b, k..<(k + word.count), word) { return true }
        return false
    }

    /// The index of the first `</name` (any case) at or after `from`.
    static func findEndTag(_ name: [UInt8], in b: ByteView, from: Int) -> Int? {
        var i = from
        let n = b.count
        while let lt = b.firstIndex(of: 0x3C, in: i..<n) {
            if lt + 1 < n, b[lt + 1] == UInt8(ascii: "/"), equalsIgnoringCase(b, (lt + 2)..<min(lt + 2 + name.count, n), name) { return lt }
            i = lt + 1
        }
        return nil
    }

    /// The index of a `<name` start tag (any case, followed by a name end) in `from..<before`.
    static func findStartTag(_ name: [UInt8], in b: ByteView, from: Int, before: Int) -> Int? {
        var i = from
        while let lt = b.firstIndex(of: 0x3C, in: i..<before) {
            let after = lt + 1 + name.count
            if after < before, equalsIgnoringCase(b, (lt + 1)..<after, name), endsName(b[after]) { return lt }
            i = lt + 1
        }
        return nil
    }
}
