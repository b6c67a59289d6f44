import TallyCore

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
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
        "sen", "rep", "pres", "st", "jr", "sr", "rev", "hon", "amb", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "vs", "inc", "ltd", "co", "corp", "dept", "approx", "est",
        "fig", "vol", "mt", "ft", "ave", "blvd", "gov't", "govt", "messrs", "cf",
    ]

    /// Abbreviations that only hold before a number ("No. 5"), since they are also plain words.
    static let numberAbbreviations: Set<String> = ["no", "nos", "art", "p", "pp", "para", "vol", "fig"]

    static func split(tokens: [Token], newlineBefore: [Bool]) -> [Sentence] {
        var sentences: [Sentence] = []
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
            let newLine = t == 0 || newlineBefore[t]
            if newLine {
                close(t)
                paragraph += 1
                paragraphStart = t
            }
            if first == nil { first = t }
            if tokens[t].kind == .punct, isTerminal(tokens[t].text), endsSentence(at: t, tokens: tokens, newlineBefore: newlineBefore) {
                var last = t
                while last + 1 < tokens.count, !tokens[last + 1].spaceBefore, isTrailing(tokens[last + 1]) { last += 1 }
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

    private static func isTerminal(_ text: String) -> Bool {
        switch text.utf8.first! {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        case 0xE2: return text == "…"
        default: return false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    private static func isTrailing(_ token: Token) -> Bool {
        guard token.kind == .punct else { return false }
        switch token.text {
        case "\"", "'", ")", "]", "»", "’", "”", ".", "!", "?", "…": return true
        default: return false
        }
    }

    private static func endsSentence(at t: Int, tokens: [Token], newlineBefore: [Bool]) -> Bool {
        var next = t + 1
        while next < tokens.count, !tokens[next].spaceBefore, isTrailing(tokens[next]) { next += 1 }
        guard next < tokens.count else { return true }
        let following = tokens[next]
        if newlineBefore[next] { return true }
        if !following.spaceBefore { return false }
        if let scalar = following.text.unicodeScalars.first, scalar.properties.isLowercase { return false }
        guard tokens[t].text == ".", t > 0, !tokens[t].spaceBefore else { return true }
        let previous = tokens[t - 1]
        guard previous.kind == .word else { return true }
        if numberAbbreviations.contains(previous.lower) { return following.kind != .number }
        if abbreviations.contains(previous.lower) { return false }
        // Initials and "U.S.": a single letter before the stop.
        if previous.text.unicodeScalars.count == 1 { return false }
        return true
    }
}
