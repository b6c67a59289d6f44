import TallyCore

/// Which event each figure belongs to.
///
/// An article's main event is the first date in its opening paragraphs that falls in the week up to
/// publication ("met on Monday"), else the publication date. A clause that names an earlier date
/// ("topping the swap agreed at talks in May", "the first round … on May 16") is about that earlier
/// event instead; dates after "since", "until" or "by", and dates after the main event (plans,
/// deadlines), do not move it. Clauses are separated by spaced dashes, semicolons and parentheses.
struct EventResolver {
    let tokens: [Token]
    let sentences: [Sentence]
    let quantities: [Quantity]
    let published: CalendarDate?

    static let nonEventMarkers: Set<String> = ["since", "until", "till", "by", "before", "after", "from", "ahead"]
    static let openingParagraphs = 3

    /// Events resolved for one document.
    struct Events {
        var main: String?
        /// Token ranges (clauses) that name an earlier event, with its label.
        var earlier: [(clause: Range<Int>, event: String)]

        /// The event of a figure starting at token `index`.
        func event(at index: Int) -> String? {
            earlier.first { $0.clause.contains(index) }?.event ?? main
        }
    }

    /// The main event's date, if one can be told.
    func mainEvent() -> CalendarDate? {
        let publishedDays = published.map { $0.dayRange }
        for quantity in quantities where quantity.kind == .date {
            guard let date = quantity.value?.date, date.precision == .day else { continue }
            guard let sentence = sentences.first(where: { $0.tokens.contains(quantity.tokens.lowerBound) }),
                sentence.paragraph < EventResolver.openingParagraphs
            else { break }
            if isMarkedNonEvent(quantity) { continue }
            guard let publishedDays else { return date }
            let day = date.dayRange.lowerBound
            if day <= publishedDays.upperBound, day >= publishedDays.lowerBound - 7 { return date }
        }
        return published
    }

    func resolve() -> Events {
        let main = mainEvent()
        var earlier: [(clause: Range<Int>, event: String)] = []
        var sentenceIndex = 0
        for quantity in quantities where quantity.kind == .date {
            while sentenceIndex < sentences.count, sentences[sentenceIndex].tokens.upperBound <= quantity.tokens.lowerBound {
                sentenceIndex += 1
            }
            guard sentenceIndex < sentences.count, let date = quantity.value?.date, !isMarkedNonEvent(quantity) else { continue }
            if let main, date.dayRange.upperBound >= main.dayRange.lowerBound { continue }  // not earlier than the main event
            let clause = self.clause(around: quantity.tokens.lowerBound, in: sentences[sentenceIndex])
            if !earlier.contains(where: { $0.clause.overlaps(clause) }) { earlier.append((clause, date.iso)) }
        }
        return Events(main: main?.iso, earlier: earlier)
    }

    /// The clause of a sentence containing token `index`.
    func clause(around index: Int, in sentence: Sentence) -> Range<Int> {
        var start = index
        while start > sentence.tokens.lowerBound, !isClauseBreak(start - 1) { start -= 1 }
        var end = index
        while end < sentence.tokens.upperBound, !isClauseBreak(end) { end += 1 }
        return start..<end
    }

    private func isClauseBreak(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.text {
        case ";", "(", ")", "[", "]": return true
        case "-": return token.spaceBefore  // a spaced dash, not a hyphen
        default: return false
        }
    }

    private func isMarkedNonEvent(_ quantity: Quantity) -> Bool {
        let before = quantity.tokens.lowerBound - 1
        guard before >= 0 else { return false }
        return EventResolver.nonEventMarkers.contains(tokens[before].lower)
    }
}
