import TallyCore
import TallyNumerals

/// The part of a toll a place phrase right after its figure names ("241 people on board", "29 on the
/// ground", lexicon `place_part`): the count is of that part, so its subject says so ("people killed on
/// the ground") and it is compared with the same part elsewhere, never with the whole toll.
struct PlacePart {
    let context: PreparedDocument
    /// The rule set's lexicon and its index, not the whole `RuleSet`: copying that per claim cost more than the lookup.
    let index: LexiconIndex
    let lexicon: Lexicon

    init(context: PreparedDocument, rules: RuleSet) {
        self.context = context
        index = rules.index
        lexicon = rules.lexicon
    }

    /// How many tokens after a figure the phrase may start ("24 people died on the ground").
    static let reach = 4
    /// The kind whose counts are split by place: tolls.
    static let kind = "casualties"

    /// The place phrase's value after the figure at `tokens`, within its clause and before the next count.
    func place(after tokens: Range<Int>, in sentence: Sentence) -> String? {
        guard let placePart = context.classes.placePart else { return nil }
        let all = context.analysis.tokens
        var end = min(sentence.tokens.upperBound, tokens.upperBound + PlacePart.reach)
        // A figure read across a sentence break (broken text) may end past its sentence: nothing follows it then.
        guard tokens.upperBound < end else { return nil }
        for index in tokens.upperBound..<end where all[index].kind == .punct || all[index].kind == .number {
            end = index
            break
        }
        guard tokens.upperBound < end else { return nil }
        let words = context.input.words
        for start in tokens.upperBound..<end {
            guard let hit = index.longest(classID: placePart, words: words, at: start, limit: sentence.tokens.upperBound) else { continue }
            // "265 people on board and on the ground": every part named is the whole toll.
            let next = hit.end + 1
            if hit.end < sentence.tokens.upperBound, all[hit.end].lower == "and" || all[hit.end].lower == "or", next < sentence.tokens.upperBound,
                let other = index.longest(classID: placePart, words: words, at: next, limit: sentence.tokens.upperBound), other.value != hit.value
            {
                return nil
            }
            return hit.value
        }
        return nil
    }

    /// `subject` with the place added, unless it says it already ("people on board").
    static func subject(_ subject: String?, place: String?) -> String? {
        guard let subject, let place, !subject.hasSuffix(place) else { return subject }
        return subject + " " + place
    }

    /// `subject` without the place a toll's subject ends with, if any ("people killed on board" → "people killed").
    func whole(_ subject: String?) -> String? {
        guard let subject else { return nil }
        for place in Set(lexicon.phrases(of: ClaimClasses.names.placePart).values) where subject.hasSuffix(" " + place) {
            return String(subject.dropLast(place.count + 1))
        }
        return subject
    }
}
