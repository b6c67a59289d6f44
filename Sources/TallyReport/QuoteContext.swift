import TallyCore

/// A claim's sentence cut to a readable width around the quote: `before` + `quote` + `after`.
///
/// Whitespace runs (line breaks included) are collapsed to one space; `before`/`after` begin or
/// end with "…" where the sentence was trimmed.
public struct QuoteContext: Sendable, Hashable {
    public var before: String
    public var quote: String
    public var after: String

    public var plain: String { before + quote + after }

    /// Where the quote lies in the claim's sentence, as Unicode-scalar offsets, or nil when the
    /// sentence does not contain it. With the document, the claim's own offsets decide between
    /// repeated occurrences; without it, the first occurrence is taken.
    public static func quoteRange(of claim: Claim, in document: Document? = nil) -> Range<Int>? {
        quoteRange(of: claim, inText: document.map { Array($0.text.unicodeScalars) })
    }

    /// `quoteRange(of:in:)` with the document text already as scalars.
    static func quoteRange(of claim: Claim, inText text: [Unicode.Scalar]?) -> Range<Int>? {
        let sentence = Array(claim.sentence.unicodeScalars)
        let quote = Array(claim.quote.unicodeScalars)
        guard !quote.isEmpty, quote.count <= sentence.count else { return nil }
        if let text, claim.start >= 0, claim.end >= claim.start {
            if claim.end <= text.count, let offset = sentenceStart(sentence, in: text, covering: claim.start..<claim.end) {
                let range = (claim.start - offset)..<(claim.end - offset)
                if Array(sentence[range]) == quote { return range }
            }
        }
        return firstIndex(of: quote, in: sentence).map { $0..<($0 + quote.count) }
    }

    /// The context of `claim` at most about `width` characters wide.
    public static func make(_ claim: Claim, document: Document? = nil, width: Int = 100) -> QuoteContext {
        make(claim, text: document.map { Array($0.text.unicodeScalars) }, width: width)
    }

    /// `make(_:document:width:)` with the document text already as scalars.
    static func make(_ claim: Claim, text: [Unicode.Scalar]?, width: Int) -> QuoteContext {
        let sentence = Array(claim.sentence.unicodeScalars)
        guard let range = quoteRange(of: claim, inText: text) else {
            return QuoteContext(before: "", quote: collapse(claim.quote), after: "")
        }
        let quote = collapse(string(sentence[range]))
        var before = collapse(string(sentence[..<range.lowerBound]))
        var after = collapse(string(sentence[range.upperBound...]))
        let room = max(0, width - quote.count)
        if before.count + after.count > room {
            var beforeRoom = min(before.count, room / 2)
            let afterRoom = min(after.count, room - beforeRoom)
            beforeRoom = min(before.count, room - afterRoom)
            before = trimStart(before, keeping: beforeRoom)
            after = trimEnd(after, keeping: afterRoom)
        }
        return QuoteContext(before: before, quote: quote, after: after)
    }

    // MARK: Helpers

    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Collapses every whitespace run to a single space.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        return String(out)
    }

    /// Keeps about the last `count` characters, starting at a word, prefixed with "…".
    static func trimStart(_ text: String, keeping count: Int) -> String {
        guard text.count > count else { return text }
        guard count > 1 else { return "…" + (text.last == " " ? " " : "") }
        var kept = Substring(text.suffix(count - 1))
        let cutInsideWord = kept.first != " " && text.dropLast(kept.count).last != " "
        if cutInsideWord, let space = kept.firstIndex(of: " "), kept.distance(from: kept.startIndex, to: space) < 15 {
            kept = kept[space...]
        }
        return "…" + kept.drop(while: { $0 == " " })
    }

    /// Keeps about the first `count` characters, ending at a word, followed by "…".
    static func trimEnd(_ text: String, keeping count: Int) -> String {
        guard text.count > count else { return text }
        guard count > 1 else { return (text.first == " " ? " " : "") + "…" }
        var kept = Substring(text.prefix(count - 1))
        let cutInsideWord = kept.last != " " && text.dropFirst(kept.count).first != " "
        if cutInsideWord, let space = kept.lastIndex(of: " "), space > kept.startIndex,
            kept.distance(from: space, to: kept.endIndex) < 15
        {
            kept = kept[..<space]
        }
        while kept.count > 1, kept.last == " " { kept = kept.dropLast() }
        return kept + "…"
    }

    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int = 0) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = max(0, from)
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// The offset in `text` of an occurrence of `sentence` that covers `span`.
    static func sentenceStart(_ sentence: [Unicode.Scalar], in text: [Unicode.Scalar], covering span: Range<Int>) -> Int? {
        guard !sentence.isEmpty, sentence.count >= span.count else { return nil }
        let lowest = max(0, span.upperBound - sentence.count)
        var candidate = span.lowerBound
        while candidate >= lowest {
            if candidate + sentence.count <= text.count, text[candidate] == sentence[0],
                text[candidate..<(candidate + sentence.count)].elementsEqual(sentence)
            {
                return candidate
            }
            candidate -= 1
        }
        return nil
    }
}
