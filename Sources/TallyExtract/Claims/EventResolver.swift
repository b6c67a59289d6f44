import TallyCore
import TallyMemory
import TallyNumerals

/// Which event each figure belongs to.
///
/// An article's main event is the first date in its opening paragraphs that falls in the week up to
/// publication ("met on Monday") or on the next day, reported as done, else the publication date. A figure whose nearest date in its clause
/// is an earlier one ("topping the swap agreed at talks in May", "the first round … on May 16") is about
/// that earlier event instead; one nearer the main event's date, or a later date (plans, deadlines),
/// stays on the main event. Dates a few words after "since", "until", "by" or "following" name no
/// event ("held since the attacks on Oct 7"). Clauses are separated by spaced dashes, semicolons and
/// parentheses.
struct EventResolver {
    let probe: TokenLookup
    let sentences: [Sentence]
    let quantities: [Quantity]
    let published: CalendarDate?
    /// Whether the tokens of a range announce a plan or projection (`status_marker`: "will take effect on
    /// Thursday"): a date after the publication day names the main event only when it is reported as done.
    let announcesPlan: (Range<Int>) -> Bool
    /// Past events news recalls with their date ("the attack on October 7, 2023", "the October 7, 2023,
    /// Hamas assault": lexicon `recalled_event`): such a date is no reference for an undated article, nor
    /// the day a total to date was read, though "drone attacks on Sunday" is the event of the day.
    let recalledEvents: WordHashSet

    init(
        probe: TokenLookup, quantities: [Quantity], published: CalendarDate?, recalledEvents: WordHashSet,
        announcesPlan: @escaping (Range<Int>) -> Bool = { _ in false }
    ) {
        self.probe = probe
        self.recalledEvents = recalledEvents
        self.sentences = probe.analysis.sentences
        self.quantities = quantities
        self.published = published
        self.announcesPlan = announcesPlan
    }

    static let nonEventMarkers = WordHashSet(["since", "until", "till", "by", "before", "after", "from", "ahead", "following"])
    /// How many tokens after a date a recalled event's noun may stand ("October 7, 2023, Hamas assault").
    static let recalledReach = 4
    /// How many words before a date a non-event marker still governs it ("following the attacks on Oct 7").
    static let markerReach = 5
    static let openingParagraphs = 3

    /// Events resolved for one document.
    struct Events {
        var main: String?
        /// The day a total to date is read on: the publication day when the main event is earlier (Sunday's
        /// "32 identified so far" after Thursday's crash counts as of Sunday), else the main event; none in an
        /// article with no date of its own, which does not say when its totals were read.
        var reading: String?
        /// The dates that name an event, in text order: the clause each stands in, its first token, its
        /// label when it is earlier than the main event (nil when it is the main event or later), and
        /// whether it dates a past event the text recalls ("the attack on October 7, 2023").
        var dates: [(clause: Range<Int>, token: Int, earlier: String?, recalled: Bool)]

        /// The event of a figure starting at token `index`: the earlier event its nearest date names,
        /// else the main event. A total to date (`total`) is read on the article's day, not on a recalled
        /// event's ("87 remain, including at least 34 bodies", after "the attack on October 7, 2023").
        func event(at index: Int, total: Bool = false) -> String? {
            var nearest: (distance: Int, earlier: String?)?
            for date in dates where date.clause.contains(index) && !(total && date.recalled) {
                let distance = abs(date.token - index)
                if nearest == nil || distance < nearest!.distance { nearest = (distance, date.earlier) }
            }
            return nearest?.earlier ?? (total ? reading : main)
        }
    }

    /// The main event's date, if one can be told. Without a publication date it is the latest day the
    /// opening paragraphs name: news reports the newest thing, and the first date of an undated recap is
    /// as often the background ("the October 7 attacks") as the event.
    func mainEvent() -> CalendarDate? {
        let publishedDays = published.map { $0.dayRange }
        var latest: CalendarDate?
        for index in quantities.indices where quantities[index].kind == .date {
            guard let date = quantities[index].value?.date, date.precision == .day else { continue }
            let first = quantities[index].tokens.lowerBound
            guard let sentence = probe.analysis.sentenceIndex(ofToken: first), sentences[sentence].paragraph < EventResolver.openingParagraphs
            else { break }
            if isMarkedNonEvent(first, in: sentences[sentence]) { continue }
            guard let publishedDays else {
                // "the war sparked by the attack on October 7, 2023" recalls the background, not the news.
                if isRecalled(quantities[index].tokens, in: sentences[sentence]) { continue }
                if latest == nil || latest! < date { latest = date }
                continue
            }
            let day = date.dayRange.lowerBound
            if day <= publishedDays.upperBound, day >= publishedDays.lowerBound - 7 { return date }
            // A page dated when first posted reports the next day's news ("released 13 hostages on Saturday").
            if day == publishedDays.upperBound + 1, !announcesPlan(sentences[sentence].tokens.lowerBound..<first) { return date }
        }
        return published ?? latest
    }

    /// The latest day the text names with its year, leaving out those it marks as background (without a
    /// reference date a day without a year is read only when a weekday fixes its year: "Friday, 24 November").
    func latestFullDate() -> CalendarDate? {
        var latest: CalendarDate?
        var sentenceIndex = 0
        for quantity in quantities where quantity.kind == .date {
            guard let date = quantity.value?.date, date.precision == .day, latest == nil || latest! < date else { continue }
            let first = quantity.tokens.lowerBound
            while sentenceIndex < sentences.count, sentences[sentenceIndex].tokens.upperBound <= first { sentenceIndex += 1 }
            guard sentenceIndex < sentences.count, !isMarkedNonEvent(first, in: sentences[sentenceIndex]),
                !isRecalled(quantity.tokens, in: sentences[sentenceIndex])
            else { continue }
            latest = date
        }
        return latest
    }

    func resolve() -> Events {
        let main = mainEvent()
        let mainFirstDay = main?.dayRange.lowerBound
        var dates: [(clause: Range<Int>, token: Int, earlier: String?, recalled: Bool)] = []
        // ISO labels made so far: an article names the same few dates again and again.
        var labels: [(date: CalendarDate, iso: String)] = []
        var sentenceIndex = 0
        for index in quantities.indices where quantities[index].kind == .date {
            let first = quantities[index].tokens.lowerBound
            while sentenceIndex < sentences.count, sentences[sentenceIndex].tokens.upperBound <= first {
                sentenceIndex += 1
            }
            guard sentenceIndex < sentences.count, let date = quantities[index].value?.date ?? EventResolver.month(holding: quantities[index]),
                !isMarkedNonEvent(first, in: sentences[sentenceIndex])
            else { continue }
            let clause = self.clause(around: first, in: sentences[sentenceIndex])
            let recalled = isRecalled(quantities[index].tokens, in: sentences[sentenceIndex])
            if let mainFirstDay, date.dayRange.upperBound >= mainFirstDay {  // the main event or later
                dates.append((clause, first, nil, recalled))
                continue
            }
            let label: String
            if let known = labels.first(where: { $0.date == date }) {
                label = known.iso
            } else {
                label = date.iso
                labels.append((date, label))
            }
            dates.append((clause, first, label, recalled))
        }
        let reading = published.flatMap { published in main.map { $0 < published ? published : $0 } }
        return Events(main: main?.iso, reading: reading?.iso, dates: dates)
    }

    /// The month a date range lies within ("early May", "late March", "earlier this month": days of
    /// one month), which dates its event as the month itself did before parts of months were read.
    static func month(holding q: Quantity) -> CalendarDate? {
        guard let low = q.low?.date, let high = q.high?.date, let m = low.month, low.year == high.year, high.month == m else { return nil }
        return CalendarDate(year: low.year, month: m)
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

    /// Whether a date recalls a past event: its noun shortly before ("the attack on October 7, 2023") or
    /// after it ("the October 7, 2023, Hamas assault"), within the sentence and up to other punctuation.
    private func isRecalled(_ tokens: Range<Int>, in sentence: Sentence) -> Bool {
        if isMarkedNonEvent(tokens.lowerBound, in: sentence, by: recalledEvents) { return true }
        // A date read across a sentence break (broken text) may end past its sentence: nothing follows it then.
        let end = min(sentence.tokens.upperBound, tokens.upperBound + EventResolver.recalledReach)
        guard tokens.upperBound < end else { return false }
        for index in tokens.upperBound..<end {
            switch probe.tokens[index].kind {
            case .word: if probe.isIn(recalledEvents, index) { return true }
            case .punct where probe.lead(index) == UInt8(ascii: ","): continue
            default: return false
            }
        }
        return false
    }

    /// Whether a word shortly before a date ("since", "until", "following the attacks on"…) says it is
    /// no event; the look back stops at punctuation and at other numbers.
    private func isMarkedNonEvent(_ first: Int, in sentence: Sentence, by markers: WordHashSet = EventResolver.nonEventMarkers) -> Bool {
        var index = first - 1
        while index >= max(sentence.tokens.lowerBound, first - EventResolver.markerReach) {
            if probe.tokens[index].kind != .word { return false }
            if probe.isIn(markers, index) { return true }
            index -= 1
        }
        return false
    }
}
