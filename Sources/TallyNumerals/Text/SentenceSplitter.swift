import TallyCore
import TallyMemory

/// Groups tokens into sentences: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes
/// and brackets that follow it) when the next token is separated by space and does not start in
/// lowercase, unless the full stop closes an abbreviation ("Mr.", "Gen.", "Jan.", "U.S.").
/// A line break always ends a sentence; each non-empty line is a new paragraph.
/// A run of more than `maxTokens` tokens without a sentence end (a page with no punctuation, a table
/// flattened to one line) is cut into pieces of that size, so the work per sentence, and the
/// `sentence` quoted with each claim, stay bounded and extraction stays linear in the input.
/// Likewise a line of more than `maxParagraphTokens` tokens counts as several paragraphs.
enum SentenceSplitter {
    /// The longest sentence kept whole, in tokens (real sentences rarely pass 150).
    static let maxTokens = 400
    /// The longest paragraph, in tokens; longer lines start a new paragraph at the next sentence.
    static let maxParagraphTokens = 4000

    /// Abbreviations whose full stop does not end a sentence (lowercase, without the stop).
    static let abbreviations: WordHashSet = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
        "sen", "rep", "pres", "st", "jr", "sr", "rev", "hon", "amb", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "vs", "inc", "ltd", "co", "corp", "dept", "approx", "est",
        "fig", "vol", "mt", "ft", "ave", "blvd", "gov't", "govt", "messrs", "cf",
    ]

    /// Abbreviations that only hold before a number ("No. 5"), since they are also plain words.
    static let numberAbbreviations: WordHashSet = ["no", "nos", "art", "p", "pp", "para", "vol", "fig"]

    static func split(tokens: [Token], info: [TokenInfo]) -> [Sentence] {
        var sentences: [Sentence] = []
        // News sentences run to about twenty tokens.
        sentences.reserveCapacity(tokens.count / 12 + 2)
        var first: Int? = nil
        var paragraph = -1
        var paragraphStart = 0
        var t = 0
        func close(_ endExclusive: Int) {
            if let f = first, endExclusive > f {
                if endExclusive - paragraphStart > maxParagraphTokens, f > paragraphStart {
                    paragraph += 1
                    paragraphStart = f
                }
                sentences.append(Sentence(start: tokens[f].start, end: tokens[endExclusive - 1].end, tokens: f..<endExclusive, paragraph: paragraph))
            }
            first = nil
        }
        while t < tokens.count {
            // Inside a sentence, skip at once the tokens that cannot end it: no line break before
            // them, no possible terminal mark, short of the length limit.
            if let f = first {
                let limit = min(tokens.count, f + maxTokens - 1)
                t = info.withView { info in
                    var k = t
                    while k < limit, !info[k].newline, !mayBeTerminal(info[k].lead) { k &+= 1 }
                    return k
                }
                if t == tokens.count { break }
            }
            let newLine = t == 0 || info[t].newline
            if newLine {
                close(t)
                paragraph += 1
                paragraphStart = t
            }
            if first == nil { first = t }
            if tokens[t].kind == .punct, isTerminal(info[t].lead, tokens[t].text), endsSentence(at: t, tokens: tokens, info: info) {
                var last = t
                while last + 1 < tokens.count, !tokens[last + 1].spaceBefore, isTrailing(last + 1, tokens, info) { last += 1 }
                close(last + 1)
                t = last + 1
                continue
            }
            if let f = first, t + 1 - f >= maxTokens { close(t + 1) }
            t += 1
        }
        close(tokens.count)
        return sentences
    }

    /// A first byte that `isTerminal` may accept ("." "!" "?" or the lead byte of "…").
    @inline(__always) private static func mayBeTerminal(_ lead: UInt8) -> Bool {
        lead == UInt8(ascii: ".") || lead == UInt8(ascii: "!") || lead == UInt8(ascii: "?") || lead == 0xE2
    }

    private static func isTerminal(_ lead: UInt8, _ text: String) -> Bool {
        switch lead {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        case 0xE2: return text == "…"
        default: return false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    private static func isTrailing(_ t: Int, _ tokens: [Token], _ info: [TokenInfo]) -> Bool {
        guard tokens[t].kind == .punct else { return false }
        switch info[t].lead {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        case 0..<0x80: return false
        default: break
        }
        switch tokens[t].text {
        case "\"", "'", ")", "]", "»", "’", "”", ".", "!", "?", "…": return true
        default: return false
        }
    }

    private static func endsSentence(at t: Int, tokens: [Token], info: [TokenInfo]) -> Bool {
        var next = t + 1
        while next < tokens.count, !tokens[next].spaceBefore, isTrailing(next, tokens, info) { next += 1 }
        guard next < tokens.count else { return true }
        if info[next].newline { return true }
        if !tokens[next].spaceBefore { return false }
        let lead = info[next].lead
        if lead < 0x80 ? (lead >= 0x61 && lead <= 0x7A) : tokens[next].text.unicodeScalars.first!.properties.isLowercase { return false }
        guard info[t].lead == UInt8(ascii: "."), t > 0, !tokens[t].spaceBefore else { return true }
        guard tokens[t - 1].kind == .word else { return true }
        // Looked up by the tokenizer's hash of the lowercased word.
        if numberAbbreviations.contains(hash: info[t - 1].hash, tokens[t - 1].lower) { return tokens[next].kind != .number }
        if abbreviations.contains(hash: info[t - 1].hash, tokens[t - 1].lower) { return false }
        // Initials and "U.S.": a single letter before the stop.
        if tokens[t - 1].text.unicodeScalars.count == 1 { return false }
        return true
    }
}
