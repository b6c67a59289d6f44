import TallyCore
import TallyMemory

/// Which way a figure moved and where from (`rules/lexicon/changes.yaml`): "rose 1.3 percent"
/// (up), "down 12 cents" (down), "slid from $41,200 to $39,870" (down, from 41,200).
///
/// Words are probed by the tokens' precomputed `WordHash` (`TextAnalysis.info`): the word before
/// most figures is no change word and costs one table probe, no string.
struct ChangeWords: Sendable {
    /// Lowercased change word (or phrase, joined by spaces) → direction.
    var words: [String: Change] = [:] { didSet { rebuild() } }
    /// "up", "down": a change only at a clause start or after `particleAfter`.
    var particles: [String: Change] = [:] { didSet { rebuild() } }
    var particleAfter: Set<String> = [] { didSet { afterMap = WordHashSet(particleAfter) } }
    /// The longest phrase in `words`, in words.
    var longest = 1

    /// One-word entries of `words` and `particles`, and the last words of longer phrases, by hash.
    private var single = WordHashTable<Entry>()
    private var afterMap = WordHashSet()

    struct Entry: Sendable {
        /// The one-word change, if the word is one.
        var word: Change?
        /// The particle's change, if the word is "up" or "down".
        var particle: Change?
        /// Some longer phrase ends in this word.
        var endsPhrase = false
    }

    static let by = WordHash.of("by")
    static let from = WordHash.of("from")
    static let to = WordHash.of("to")

    var isEmpty: Bool { words.isEmpty && particles.isEmpty }

    private mutating func rebuild() {
        var entries: [String: Entry] = [:]
        for (phrase, change) in words {
            let parts = phrase.split(separator: " ")
            if parts.count == 1 { entries[phrase, default: Entry()].word = change } else { entries[String(parts.last!), default: Entry()].endsPhrase = true }
        }
        for (word, change) in particles { entries[word, default: Entry()].particle = change }
        single = WordHashTable(entries)
    }

    /// The change word ending just before token `end` (exclusive), and where it starts.
    func change(endingBefore end: Int, _ tokens: [Token], _ info: [TokenInfo]) -> (Change, start: Int)? {
        guard end > 0 else { return nil }
        let last = end - 1
        guard tokens[last].kind == .word, let entry = single.value(hash: info[last].hash, tokens[last].lower) else { return nil }
        if let c = entry.particle,
            last == 0 || tokens[last - 1].kind != .word || afterMap.contains(hash: info[last - 1].hash, tokens[last - 1].lower)
        {
            return (c, last)
        }
        if entry.endsPhrase {
            var phrase = tokens[last].lower
            var start = last
            while last - start + 1 < longest, start > 0, tokens[start - 1].kind == .word {
                start -= 1
                phrase = tokens[start].lower + " " + phrase
                if let c = words[phrase] { return (c, start) }
            }
        }
        if let c = entry.word { return (c, last) }
        return nil
    }

    /// An "-ly" word of four letters or more ("sharply"), by its bytes.
    @inline(__always) static func isAdverb(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count > 3 else { return false }
        var i = utf8.endIndex
        utf8.formIndex(before: &i)
        guard utf8[i] == UInt8(ascii: "y") else { return false }
        utf8.formIndex(before: &i)
        return utf8[i] == UInt8(ascii: "l")
    }

    /// The change leading into a figure starting at token `start`: a change word right before it, or
    /// before "by"/"from"/"to" or one "-ly" adverb ("rose by 5", "fell sharply from 40", "eased to 2.1"),
    /// whether "from" was passed, and where the change word starts.
    func lead(into start: Int, _ tokens: [Token], _ info: [TokenInfo]) -> (change: Change, viaFrom: Bool, wordStart: Int)? {
        guard !isEmpty else { return nil }
        var k = start
        var viaFrom = false
        if k > 0, tokens[k - 1].kind == .word {
            let h = info[k - 1].hash
            if h == ChangeWords.by || h == ChangeWords.from || h == ChangeWords.to, ["by", "from", "to"].contains(tokens[k - 1].lower) {
                viaFrom = h == ChangeWords.from
                k -= 1
            }
        }
        if let (c, s) = change(endingBefore: k, tokens, info) { return (c, viaFrom, s) }
        if k > 1, tokens[k - 1].kind == .word, ChangeWords.isAdverb(tokens[k - 1].lower), let (c, s) = change(endingBefore: k - 1, tokens, info) {
            return (c, viaFrom, s)
        }
        return nil
    }

    /// Sets `change` and `from` on each quantity a change leads into; "X to Y" after a change
    /// gives Y the same direction, and `from` X when the change came through "from"; "X, up from Y"
    /// gives X its change, from Y.
    func annotate(_ quantities: inout [Quantity], _ analysis: TextAnalysis) {
        guard !isEmpty else { return }
        let tokens = analysis.tokens
        let info = analysis.info
        for index in quantities.indices {
            let kind = quantities[index].kind
            guard kind != .date, kind != .duration, kind != .age else { continue }
            let span = quantities[index].tokens
            if let (c, viaFrom, wordStart) = lead(into: span.lowerBound, tokens, info) {
                if !viaFrom {
                    quantities[index].change = c
                } else if index > 0, !(span.upperBound < tokens.count && info[span.upperBound].hash == ChangeWords.to) {
                    // "40 were freed, up from 25": the figure before the change moved from this one.
                    let before = quantities[index - 1].tokens
                    var gap = wordStart
                    if gap > 0, tokens[gap - 1].kind == .punct, tokens[gap - 1].text == "," { gap -= 1 }
                    if gap >= before.upperBound, gap - before.upperBound <= 4, quantities[index - 1].kind == kind {
                        quantities[index - 1].change = c
                        quantities[index - 1].from = quantities[index].value
                    }
                }
                continue
            }
            // "... from X to Y", "rose 1.3 percent to 4,812.50": Y continues the move before "to".
            let to = span.lowerBound - 1
            guard index > 0, to > 0, tokens[to].kind == .word, info[to].hash == ChangeWords.to, tokens[to].lower == "to" else { continue }
            let previous = quantities[index - 1]
            guard previous.tokens.upperBound == to, previous.kind != .date, previous.kind != .duration,
                let (c, viaFrom, _) = lead(into: previous.tokens.lowerBound, tokens, info)
            else { continue }
            quantities[index].change = c
            if viaFrom, previous.kind == kind || previous.kind == .number || kind == .number { quantities[index].from = previous.value }
        }
    }
}
