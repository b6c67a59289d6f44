/// An article file's text folded as the shared scorers fold it (`../shared/eval/score_claims.py`, `fold` and
/// `locate`), so a quote is found where they find it and the figures agree with `realnews.sh`.
///
/// Folding maps curly quotes and dashes to ASCII, no-break and thin spaces to spaces, collapses each run of
/// white space to one space, and lower-cases. Positions are indices into the folded scalars; they are
/// only compared with each other (overlap), never with claim offsets, except as a tie-break hint.
public struct FoldedText: Sendable {
    public let scalars: [Unicode.Scalar]

    /// Folds `text`, the article file as Python's text mode reads it (`\r\n` and `\r` become `\n`).
    public init(_ text: String) {
        scalars = FoldedText.fold(Substring(text))
    }

    /// The file as Python's `open(…, encoding="utf-8").read()` returns it: universal newlines.
    public init(fileContents bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        self.init(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    static func fold(_ text: Substring) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var previousSpace = false
        for scalar in text.unicodeScalars {
            let mapped = typography[scalar.value] ?? scalar
            if isSpace(mapped) {
                if previousSpace { continue }
                previousSpace = true
                out.append(" ")
                continue
            }
            previousSpace = false
            let lower = mapped.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let only = lower.first { out.append(only) } else { out.append(contentsOf: lower) }
        }
        return out
    }

    static let typography: [UInt32: Unicode.Scalar] = [
        0x201C: "\"", 0x201D: "\"", 0x2018: "'", 0x2019: "'", 0x2013: "-", 0x2014: "-",
        0x00A0: " ", 0x2009: " ", 0x202F: " ",
    ]

    /// Python's `str.isspace` for one character: Unicode white space plus the information separators.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// A quote folded after Python's `strip()`; empty when nothing is left.
    static func needle(_ quote: String) -> [Unicode.Scalar] {
        let scalars = quote.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return [] }
        return fold(Substring(scalars[first...last]))
    }

    /// `locate`: every non-overlapping occurrence of the folded quote, the one nearest `hint` (the earliest
    /// on a tie), or the first when there is no hint.
    public func locate(_ quote: String, hint: Int? = nil) -> Range<Int>? {
        let needle = FoldedText.needle(quote)
        guard !needle.isEmpty else { return nil }
        var hits: [Int] = []
        var from = 0
        while let hit = find(needle, from: from, to: scalars.count) {
            hits.append(hit)
            if hint == nil { break }
            from = hit + needle.count
        }
        guard var best = hits.first else { return nil }
        if let hint {
            for hit in hits where abs(hit - hint) < abs(best - hint) { best = hit }
        }
        return best..<best + needle.count
    }

    /// `str.find(needle, from, to)`: the first occurrence lying wholly within `from..<to`.
    func find(_ needle: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        let end = min(to, scalars.count)
        guard !needle.isEmpty, from >= 0, end - from >= needle.count else { return nil }
        let first = needle[0]
        var index = from
        while index <= end - needle.count {
            if scalars[index] == first, scalars[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Where a predicted claim stands in the file, as `score_claims.py` places it: its quote inside its own
    /// sentence (nearest the claim's offset), else the sentence, else the quote anywhere.
    public func place(quote: String, sentence: String, hint: Int) -> Range<Int>? {
        if let found = locate(sentence, hint: hint) {
            let needle = FoldedText.needle(quote)
            if !needle.isEmpty, let start = find(needle, from: found.lowerBound, to: found.upperBound + 1) {
                return start..<start + needle.count
            }
            return found
        }
        return locate(quote, hint: hint)
    }
}
