import TallyCore

/// Which event each sentence's figures belong to.
///
/// An article's main event is the first date in its opening paragraphs that falls in the week up to
/// publication ("met on Monday"), else the publication date. A sentence that names an earlier date
/// ("agreed at talks in May", "the first round … on May 16") is about that earlier event instead;
/// dates after "since", "until" or "by", and dates after the main event (plans, deadlines), do not move it.
struct EventResolver {
    let tokens: [Token]
    let sentences: [Sentence]
    let quantities: [Quantity]
    let published: CalendarDate?

    static let nonEventMarkers: Set<String> = ["since", "until", "till", "by", "before", "after", "from", "ahead"]
    static let openingParagraphs = 3

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

    /// One event label (an ISO date) per sentence; nil when no date is known at all.
    func resolve() -> [String?] {
        let main = mainEvent()
        var bySentence = [CalendarDate?](repeating: main, count: sentences.count)
        var sentenceIndex = 0
        for quantity in quantities where quantity.kind == .date {
            while sentenceIndex < sentences.count, sentences[sentenceIndex].tokens.upperBound <= quantity.tokens.lowerBound {
                sentenceIndex += 1
            }
            guard sentenceIndex < sentences.count, let date = quantity.value?.date, !isMarkedNonEvent(quantity) else { continue }
            if let main, date.dayRange.upperBound >= main.dayRange.lowerBound { continue }  // not earlier than the main event
            if bySentence[sentenceIndex] == main { bySentence[sentenceIndex] = date }
        }
        return bySentence.map { $0?.iso }
    }

    private func isMarkedNonEvent(_ quantity: Quantity) -> Bool {
        let before = quantity.tokens.lowerBound - 1
        guard before >= 0 else { return false }
        return EventResolver.nonEventMarkers.contains(tokens[before].lower)
    }
}
