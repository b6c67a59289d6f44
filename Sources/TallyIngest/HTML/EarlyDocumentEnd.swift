import TallyMemory

/// Some templates close the document early (`</body></html>` after the site header) and print the article
/// after it. Browsers carry on and show that text in the body; libxml2 drops it. So a `</body>` or `</html>`
/// followed by more markup is blanked out (the bytes become spaces) before parsing; only the last ones count.
enum EarlyDocumentEnd {
    /// Bytes of markup that must follow a closing tag for it to be premature.
    static let minimumTail = 512

    /// Blanks out `</body …>` and `</html …>` tags followed by at least eight opening tags and `minimumTail`
    /// bytes. Linear in the page: one backward pass for the last tags, one forward pass for the candidates.
    static func blankPrematureEnds(_ bytes: inout [UInt8]) {
        let n = bytes.count
        guard n > minimumTail else { return }
        let limit = n - minimumTail
        var i = 0
        bytes.withMutableView { b in
            // A closing tag is premature when at least eight opening tags follow it: true of everything
            // before the eighth opening tag counted from the end, found once, backwards.
            var cutoff = n
            var tags = 0
            var k = n - 2
            while k >= 0, tags < 8 {
                if b[k] == 0x3C, (b[k + 1] | 0x20) >= 0x61, (b[k + 1] | 0x20) <= 0x7A {
                    tags += 1
                    cutoff = k
                }
                k -= 1
            }
            guard tags == 8 else { return }
            while i < limit {
                // `</` then `b`/`h` (either case): a candidate. `memchr` finds the next `<`.
                guard let p = b.view.firstIndex(of: 0x3C, in: i..<limit) else { return }
                i = p
                guard b[i + 1] == 0x2F else {
                    i += 1
                    continue
                }
                let name: [UInt8]
                switch b[i + 2] | 0x20 {
                case UInt8(ascii: "b"): name = Array("body".utf8)
                case UInt8(ascii: "h"): name = Array("html".utf8)
                default:
                    i += 2
                    continue
                }
                var matches = i + 2 + name.count < n
                if matches {
                    for k in 0..<name.count where b[i + 2 + k] | 0x20 != name[k] { matches = false }
                }
                let after = i + 2 + name.count
                guard matches, after < n, b[after] == 0x3E || b[after] == 0x20 || b[after] == 0x0A || b[after] == 0x09 || b[after] == 0x0D else {
                    i += 2
                    continue
                }
                var end = after
                while end < n, b[end] != 0x3E { end += 1 }
                guard end < cutoff else { return }
                if n - end > minimumTail {
                    for k in i...end { b[k] = 0x20 }
                }
                i = end + 1
            }
        }
    }
}
