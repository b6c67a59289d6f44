import TallyCore
import TallyMemory
import TallyNumerals

/// Which event each figure belongs to.
///
/// An article's main event is the first date in its opening paragraphs that falls in the week up to
/// publication ("met on Monday"), else the publication date. A clause that names an earlier date
/// ("topping the swap agreed at talks in May", "the first round … on May 16") is about that earlier
/// event instead; dates after "since", "until" or "by", and dates after the main event (plans,
/// deadlines), do not move it. Clauses are separated by spaced dashes, semicolons and parentheses.
struct EventResolver {
    let probe: TokenLookup
    let sentences: [Sentence]
    let quantities: [Quantity]
    let published: CalendarDate?

    init(probe: TokenLookup, quantities: [Quantity], published: CalendarDate?) {
        self.probe = probe
        self.sentences = probe.analysis.sentences
        self.quantities = quantities
        self.published = published
    }

    static let nonEventMarkers = WordHashSet(["since", "until", "till", "by", "before", "after", "from", "ahead"])
    static let openingParagraphs = 3

    /// Events resolved for one document.
    struct Events {
        var main: String?
        /// Token ranges (clauses) that name an earlier event, with its label.
        var earlier: [(clause: Range<Int>, event: String)]

        /// The event of a figure starting at token `index`.
        func event(at index: Int) -> String? {
            for entry in earlier where entry.clause.contains(index) { return entry.event }
            return main
        }
    }

    /// The main event's date, if one can be told.
    func mainEvent() -> CalendarDate? {
        let publishedDays = published.map { $0.dayRange }
        for index in quantities.indices where quantities[index].kind == .date {
            guard let date = quantities[index].value?.date, date.precision == .day else { continue }
            let first = quantities[index].tokens.lowerBound
            guard let sentence = probe.analysis.sentenceIndex(ofToken: first), sentences[sentence].paragraph < EventResolver.openingParagraphs
            else { break }
            if isMarkedNonEvent(first) { continue }
            guard let publishedDays else { return date }
            let day = date.dayRange.lowerBound
            if day <= publishedDays.upperBound, day >= publishedDays.lowerBound - 7 { return date }
        }
        return published
    }

    func resolve() -> Events {
        let main = mainEvent()
        let mainFirstDay = main?.dayRange.lowerBound
        var earlier: [(clause: Range<Int>, event: String)] = []
        // ISO labels made so far: an article names the same few dates again and again.
        var labels: [(date: CalendarDate, iso: String)] = []
        var sentenceIndex = 0
        for index in quantities.indices where quantities[index].kind == .date {
            let first = quantities[index].tokens.lowerBound
            while sentenceIndex < sentences.count, sentences[sentenceIndex].tokens.upperBound <= first {
                sentenceIndex += 1
            }
            guard sentenceIndex < sentences.count, let date = quantities[index].value?.date, !isMarkedNonEvent(first) else { continue }
            if let mainFirstDay, date.dayRange.upperBound >= mainFirstDay { continue }  // not earlier than the main event
            let clause = self.clause(around: first, in: sentences[sentenceIndex])
            if earlier.contains(where: { $0.clause.overlaps(clause) }) { continue }
            let label: String
            if let known = labels.first(where: { $0.date == date }) {
                label = known.iso
            } else {
                label = date.iso
                labels.append((date, label))
            }
            earlier.append((clause, label))
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

    /// `;`, a parenthesis or bracket, or a spaced dash (not a hyphen).
    private func isClauseBreak(_ index: Int) -> Bool {
        guard probe.tokens[index].kind == .punct else { return false }
        switch probe.lead(index) {
        case UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): return true
        case UInt8(ascii: "-"): return probe.tokens[index].spaceBefore
        default: return false
        }
    }

    /// Whether the word before a date ("since", "until", "by"…) says it is no event.
    private func isMarkedNonEvent(_ first: Int) -> Bool {
        let before = first - 1
        guard before >= 0 else { return false }
        return probe.isIn(EventResolver.nonEventMarkers, before)
    }
}
