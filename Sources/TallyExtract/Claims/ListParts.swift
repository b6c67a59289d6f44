import TallyCore
import TallyNumerals

/// Counts an article lists after a figure: "137 people — 115 men, 20 women and two children", "97 were
/// deported: five in East Jerusalem, 37 in the West Bank and 457 in Gaza", "254 matched, out of which
/// 241 are passengers and 13 are non-passengers".
///
/// No rule claims such a bare number, since its noun is elided or names only a part. A whole number no
/// rule claimed is a part of the count before it in its sentence when a list word (`list_joiner`) stands
/// just before it and a counted noun, a word that opens a phrase about it (`list_follow`) or punctuation
/// follows it. It takes that count's kind and unit, and is a part (`subset`) with no subject of its own:
/// parts are not the whole, and one article's "20 women" is not compared with another's.
struct ListParts {
    let context: PreparedDocument
    let rules: RuleSet

    /// The rule id list parts carry (no rule file matched them).
    static let rule = "list.part"
    /// Kinds whose figures are lists of people or bodies that such parts break down (children are not:
    /// "33 teenage boys and six women" lists people of whom only some are children).
    static let listedKinds: Set<String> = ["prisoners", "people", "casualties", "bodies"]
    /// How many tokens after its count a listed part may stand.
    static let reach = 30

    /// Adds, in text order, the parts of the sentence's counts among `claims[first...]`;
    /// `inSentence` are the sentence's quantity indices, `winners` the rule matches claimed.
    func add(to claims: inout [Claim], from first: Int, sentenceIndex: Int, inSentence: [Int], winners: [Candidate]) {
        guard claims.count > first, inSentence.count > winners.count, let joiner = context.classes.listJoiner else { return }
        let quantities = context.quantities
        let tokens = context.analysis.tokens
        let sentence = context.analysis.sentences[sentenceIndex]
        let words = context.input.words
        var added = false
        // The count each part may belong to: the latest listed count before it (a claim, or a part found).
        var heads = claims[first...].filter { ListParts.listedKinds.contains($0.kind) }
        let placeParts = PlacePart(context: context, rules: rules)
        guard !heads.isEmpty else { return }
        for index in inSentence where !winners.contains(where: { $0.quantityIndex == index }) {
            let quantity = quantities[index]
            guard quantity.kind == .number, quantity.unit == nil, !quantity.isVague, let figure = quantity.value?.number,
                figure >= 1, figure < 10_000_000, figure == figure.rounded(),
                let head = heads.last(where: { $0.end <= quantity.start }),
                let headEnd = sentence.tokens.last(where: { tokens[$0].end <= head.end }),
                quantity.tokens.lowerBound - headEnd <= ListParts.reach
            else { continue }
            // A list word right before the number ("— 115", ", 20", "and 457", "including 69").
            let before = max(headEnd + 1, quantity.tokens.lowerBound - 3)..<quantity.tokens.lowerBound
            guard let join = rules.index.last(classID: joiner, words: words, range: before), join.end == quantity.tokens.lowerBound,
                let follower = follower(at: quantity.tokens.upperBound, limit: sentence.tokens.upperBound)
            else { continue }
            // "Emily Damari, 28; Romi Gonen, 24": a number set off by commas after a name is an age.
            if follower == .punctuation, join.start > 0, tokens[join.start].kind == .punct, tokens[join.start - 1].kind == .word,
                tokens[join.start - 1].text.first?.isUppercase == true
            {
                continue
            }
            var part = head
            part.value = quantity.value
            part.low = quantity.low
            part.high = quantity.high
            part.qualifier = quantity.qualifier
            part.scope = nil
            part.subject = nil
            part.status = .subset
            // "at least 29 on the ground": the whole of that part of the toll, compared as such.
            if head.kind == PlacePart.kind, let place = placeParts.place(after: quantity.tokens, in: sentence) {
                part.subject = PlacePart.subject(placeParts.whole(head.subject), place: place)
                part.status = head.status
            }
            part.change = nil
            part.from = nil
            part.rule = ListParts.rule
            part.start = quantity.start
            // The quote carries the word that says what the part is ("115 men", "6 through"): a bare
            // figure would be found again inside any other number of the sentence that holds its digits.
            part.end = follower == .word ? tokens[quantity.tokens.upperBound].end : quantity.end
            part.quote = context.text(part.start, part.end, inSentence: sentenceIndex)
            part.event = context.events.event(at: quantity.tokens.lowerBound)
            part.speaker = context.speakers.speaker(at: quantity.tokens.lowerBound, sentence: sentenceIndex)
            claims.append(part)
            heads.append(part)
            added = true
        }
        if added { claims[first...].sort { $0.start < $1.start } }
    }

    /// What may follow a listed number.
    enum Follower {
        /// The sentence's end or a punctuation mark.
        case punctuation
        /// A counted noun ("115 men", "13 Israelis") or a word opening a phrase about the part ("five in East Jerusalem").
        case word
    }

    /// What follows a number, if it fits a listed part.
    private func follower(at index: Int, limit: Int) -> Follower? {
        guard index < limit, context.analysis.tokens[index].kind != .punct else { return .punctuation }
        let words = context.input.words
        let fits = context.classes.listFollowers.contains { rules.index.longest(classID: $0, words: words, at: index, limit: limit) != nil }
        return fits ? .word : nil
    }
}
