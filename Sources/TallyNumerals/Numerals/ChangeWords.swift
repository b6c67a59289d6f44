import TallyCore

/// Which way a figure moved and where from (`rules/lexicon/changes.yaml`): "rose 1.3 percent"
/// (up), "down 12 cents" (down), "slid from $41,200 to $39,870" (down, from 41,200).
struct ChangeWords: Sendable {
    /// Lowercased change word (or phrase, joined by spaces) → direction.
    var words: [String: Change] = [:]
    /// "up", "down": a change only at a clause start or after `particleAfter`.
    var particles: [String: Change] = [:]
    var particleAfter: Set<String> = []
    /// The longest phrase in `words`, in words.
    var longest = 1

    var isEmpty: Bool { words.isEmpty && particles.isEmpty }

    /// The change word ending just before token `end` (exclusive), and where it starts.
    func change(endingBefore end: Int, _ tokens: [Token]) -> (Change, start: Int)? {
        guard end > 0 else { return nil }
        let last = end - 1
        guard tokens[last].kind == .word else { return nil }
        if let c = particles[tokens[last].lower] {
            if last == 0 || tokens[last - 1].kind != .word || particleAfter.contains(tokens[last - 1].lower) { return (c, last) }
        }
        var phrase = tokens[last].lower
        var start = last
        while true {
            if let c = words[phrase] { return (c, start) }
            guard last - start + 1 < longest, start > 0, tokens[start - 1].kind == .word else { return nil }
            start -= 1
            phrase = tokens[start].lower + " " + phrase
        }
    }

    /// The change leading into a figure starting at token `start`: a change word right before it, or
    /// before "by"/"from"/"to" or one "-ly" adverb ("rose by 5", "fell sharply from 40", "eased to 2.1"),
    /// and whether "from" was passed.
    func lead(into start: Int, _ tokens: [Token]) -> (change: Change, viaFrom: Bool, wordStart: Int)? {
        guard !isEmpty else { return nil }
        var k = start
        var viaFrom = false
        if k > 0, tokens[k - 1].kind == .word, tokens[k - 1].lower == "by" || tokens[k - 1].lower == "from" || tokens[k - 1].lower == "to" {
            viaFrom = tokens[k - 1].lower == "from"
            k -= 1
        }
        if let (c, s) = change(endingBefore: k, tokens) { return (c, viaFrom, s) }
        if k > 1, tokens[k - 1].kind == .word, tokens[k - 1].lower.hasSuffix("ly"), tokens[k - 1].lower.count > 3,
            let (c, s) = change(endingBefore: k - 1, tokens)
        {
            return (c, viaFrom, s)
        }
        return nil
    }

    /// Sets `change` and `from` on each quantity a change leads into; "X to Y" after a change
    /// gives Y the same direction, and `from` X when the change came through "from".
    func annotate(_ quantities: inout [Quantity], _ tokens: [Token]) {
        guard !isEmpty else { return }
        for index in quantities.indices {
            let q = quantities[index]
            guard q.kind != .date, q.kind != .duration, q.kind != .age else { continue }
            if let (c, viaFrom, wordStart) = lead(into: q.tokens.lowerBound, tokens) {
                if !viaFrom {
                    quantities[index].change = c
                } else if index > 0, !(q.tokens.upperBound < tokens.count && tokens[q.tokens.upperBound].lower == "to") {
                    // "40 were freed, up from 25": the figure before the change moved from this one.
                    let p = quantities[index - 1]
                    var gap = wordStart
                    if gap > 0, tokens[gap - 1].kind == .punct, tokens[gap - 1].text == "," { gap -= 1 }
                    if gap - p.tokens.upperBound <= 4, gap >= p.tokens.upperBound, p.kind == q.kind, p.kind != .date, p.kind != .duration {
                        quantities[index - 1].change = c
                        quantities[index - 1].from = q.value
                    }
                }
                continue
            }
            // "... from X to Y", "rose 1.3 percent to 4,812.50": Y continues the move before "to".
            let to = q.tokens.lowerBound - 1
            guard index > 0, to > 0, tokens[to].kind == .word, tokens[to].lower == "to" else { continue }
            let p = quantities[index - 1]
            guard p.tokens.upperBound == to, p.kind != .date, p.kind != .duration,
                let (c, viaFrom, _) = lead(into: p.tokens.lowerBound, tokens)
            else { continue }
            quantities[index].change = c
            if viaFrom, p.kind == q.kind || p.kind == .number || q.kind == .number { quantities[index].from = p.value }
        }
    }
}
