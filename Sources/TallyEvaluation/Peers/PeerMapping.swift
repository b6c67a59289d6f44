import Foundation
import TallyCore
import TallyNumerals

/// How each peer suite's expectations map onto Tally's quantities (documented in `docs/numerals.md`).
/// Values are compared, not offsets: peers count UTF-16 units and cut spans differently.
enum PeerMapping {
    // MARK: Duckling — the whole input must be one value.

    static let grainSeconds: [String: Double] = [
        "second": 1, "minute": 60, "hour": 3600, "day": 86_400, "week": 604_800, "month": 2_592_000,
        "quarter": 7_776_000, "year": 31_536_000,
    ]

    static func duckling(_ c: PeerCase, _ quantities: [Quantity], _ analysis: TextAnalysis) -> PeerOutcome {
        guard let expected = c.expect["value"]?.number, let type = c.expect["type"]?.string else { return .outOfScope("no value") }
        let scalars = analysis.scalars
        let first = scalars.firstIndex { !$0.properties.isWhitespace } ?? 0
        let last = (scalars.lastIndex { !$0.properties.isWhitespace } ?? 0) + 1
        guard quantities.count == 1, let q = quantities.first else { return .fail("\(quantities.count) quantities: \(summary(quantities))") }
        guard q.start == first, q.end == last else { return .fail("span \(q.start)..<\(q.end) is not the whole input") }
        if type == "number" {
            guard q.kind == .number, let v = q.value?.number else { return .fail("kind \(q.kind.rawValue)") }
            return close(v, expected) ? .pass : .fail("value \(v), expected \(expected)")
        }
        if type == "duration" {
            guard let grain = c.expect["grain"]?.string, let unitSeconds = grainSeconds[grain] else { return .outOfScope("grain") }
            guard q.kind == .duration, let seconds = q.valueInSeconds else { return .fail("kind \(q.kind.rawValue)") }
            return close(seconds, expected * unitSeconds) ? .pass : .fail("\(seconds)s, expected \(expected * unitSeconds)s")
        }
        return .outOfScope("type \(type)")
    }

    // MARK: Recognizers-Text

    static func entities(_ c: PeerCase) -> [JSONValue] { c.expect.array ?? [] }

    /// Every figure Tally read, except dates and measures (Recognizers-Text reads "180ml" in its own
    /// dimension model, not as a number): values, and both ends of ranges.
    static func figures(_ quantities: [Quantity]) -> [Double] {
        var values: [Double] = []
        for q in quantities where q.kind != .date && q.kind != .measure && !q.isVague {
            if let v = q.value?.number {
                values.append(v)
            } else {
                if let l = q.low?.number { values.append(l) }
                if let h = q.high?.number { values.append(h) }
            }
        }
        return values
    }

    static func numbers(_ c: PeerCase, _ quantities: [Quantity]) -> PeerOutcome {
        let expected = entities(c).compactMap { $0["value"]?.number }
        guard expected.count == entities(c).count else { return .outOfScope("entity without a numeric value") }
        return compare(figures(quantities), expected)
    }

    /// Ranges: one-sided qualifiers keep their inclusiveness; closed ranges compare ends only,
    /// since Tally's intervals are closed where Recognizers-Text leaves "1000-5000" open at 5000.
    static func numberRanges(_ c: PeerCase, _ quantities: [Quantity]) -> PeerOutcome {
        var expected: [String] = []
        for e in entities(c) {
            guard let r = e["range"] else { return .outOfScope("no range") }
            let lo = r["lo"]?.number
            let hi = r["hi"]?.number
            if let lo, let hi, lo == hi { return .outOfScope("'equal to' as a range") }
            let loIncl = r["lo_inclusive"].map { $0 == .bool(true) } ?? false
            let hiIncl = r["hi_inclusive"].map { $0 == .bool(true) } ?? false
            expected.append(rangeKey(lo: lo, loInclusive: lo != nil && hi != nil ? true : loIncl, hi: hi, hiInclusive: lo != nil && hi != nil ? true : hiIncl))
        }
        var actual: [String] = []
        for q in quantities where q.kind != .date && !q.isVague {
            let lo = q.low?.number
            let hi = q.high?.number
            switch q.qualifier {
            case .atLeast: actual.append(rangeKey(lo: lo, loInclusive: true, hi: nil, hiInclusive: false))
            case .moreThan: actual.append(rangeKey(lo: lo, loInclusive: false, hi: nil, hiInclusive: false))
            case .atMost: actual.append(rangeKey(lo: nil, loInclusive: false, hi: hi, hiInclusive: true))
            case .lessThan: actual.append(rangeKey(lo: nil, loInclusive: false, hi: hi, hiInclusive: false))
            case .range where lo != nil && hi != nil: actual.append(rangeKey(lo: lo, loInclusive: true, hi: hi, hiInclusive: true))
            default: break
            }
        }
        return expected.sorted() == actual.sorted() ? .pass : .fail("expected \(expected.sorted()), got \(actual.sorted())")
    }

    static func rangeKey(lo: Double?, loInclusive: Bool, hi: Double?, hiInclusive: Bool) -> String {
        let l = lo.map { (loInclusive ? "[" : "(") + Figure.format(round6($0)) } ?? "(-∞"
        let h = hi.map { Figure.format(round6($0)) + (hiInclusive ? "]" : ")") } ?? "∞)"
        return l + "," + h
    }

    static func percentages(_ c: PeerCase, _ quantities: [Quantity]) -> PeerOutcome {
        let expected = entities(c).compactMap { $0["value"]?.number }
        guard expected.count == entities(c).count else { return .outOfScope("percentage without a figure") }
        return compare(figures(quantities.filter { $0.kind == .percent }), expected)
    }

    /// Recognizers-Text unit names → ISO codes.
    static let currencyNames: [String: String] = [
        "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Pound": "GBP", "British pound": "GBP",
        "Japanese yen": "JPY", "Chinese yuan": "CNY", "Canadian dollar": "CAD", "Australian dollar": "AUD",
        "Bitcoin": "BTC", "Costa Rican colón": "CRC", "Ukrainian hryvnia": "UAH", "Russian ruble": "RUB",
        "Indian rupee": "INR", "Swiss franc": "CHF", "Turkish lira": "TRY", "Polish złoty": "PLN",
        "South Korean won": "KRW", "Israeli new shekel": "ILS", "Nigerian naira": "NGN", "Vietnamese dong": "VND",
    ]

    /// More of Recognizers-Text's unit names, for the strict reading (`PeerStrictMapping`): a
    /// name Tally has no ISO code for stays unmatched, so the case fails.
    static let moreCurrencyNames: [String: String] = [
        "Franc": "CHF", "Rupee": "INR", "Sri Lankan rupee": "LKR", "Mexican peso": "MXN", "Hong Kong dollar": "HKD",
        "New Zealand dollar": "NZD", "Netherlands guilder": "NLG", "Finnish markka": "FIM", "Peseta": "ESP",
        "Georgian lari": "GEL", "Lao kip": "LAK",
    ]

    static func currencyCode(_ name: String) -> String? { currencyNames[name] ?? moreCurrencyNames[name] }

    /// Currencies: (value, ISO code) pairs; currencies Tally's lexicon does not list are out of scope.
    static func currencies(_ c: PeerCase, _ quantities: [Quantity], vocabulary: NumeralVocabulary) -> PeerOutcome {
        let known = Set(vocabulary.currencies.values)
        var expected: [String] = []
        for e in entities(c) {
            guard let v = e["value"]?.number else { return .outOfScope("currency without a figure") }
            guard let name = e["unit"]?.string, let code = currencyNames[name], known.contains(code) else {
                return .outOfScope("currency not in the lexicon")
            }
            expected.append(Figure.format(round6(v)) + " " + code)
        }
        let actual = quantities.filter { $0.kind == .money }.compactMap { q in q.value?.number.map { Figure.format(round6($0)) + " " + (q.unit ?? "") } }
        return expected.sorted() == actual.sorted() ? .pass : .fail("expected \(expected.sorted()), got \(actual.sorted())")
    }

    // MARK: Dates and durations

    /// Dates compare as day intervals [first, last+1) like Recognizers-Text's ranges; a single day
    /// as its ISO date; durations in seconds. A case whose only differences are Tally resolving to
    /// the past where the peer resolves to the future is a documented disagreement.
    static func dates(_ c: PeerCase, _ quantities: [Quantity], reference: CalendarDate?, analysis: TextAnalysis) -> PeerOutcome {
        var expected: [DateKey] = []
        for e in entities(c) {
            let type = e["type"]?.string ?? ""
            if let reason = outOfScopeDate(e["text"]?.string ?? "") { return .outOfScope(reason) }
            if isDeliberateNumericDate(e["text"]?.string ?? "") { return .disagreement("dotted or undelimited digits are numbers") }
            if type.hasSuffix(".duration") {
                guard let s = e["seconds"]?.number else { return .outOfScope("duration without seconds") }
                expected.append(.duration(round6(s)))
            } else if type.hasSuffix(".date") {
                guard let v = e["value"]?.string, let d = CalendarDate(iso: v), d.precision == .day else { return .outOfScope("date without a day") }
                let n = d.dayRange.lowerBound
                expected.append(.days(n, n + 1))
            } else if type.hasSuffix(".daterange") {
                guard let r = e["range"]?.array, r.count == 2, let a = r[0].string.flatMap(CalendarDate.init(iso:)),
                    let b = r[1].string.flatMap(CalendarDate.init(iso:))
                else { return .outOfScope("open or unresolved date range") }
                expected.append(.days(a.dayRange.lowerBound, b.dayRange.lowerBound))
            } else {
                return .outOfScope("type \(type)")
            }
        }
        let actual = dateKeys(quantities, analysis: analysis)
        let e = expected.sorted()
        let a = actual.sorted()
        if e == a { return .pass }
        if let ref = reference, e.count == a.count, isPastBias(expected: e, actual: a, reference: ref.dayRange.upperBound) {
            return .disagreement("past-biased date")
        }
        // "in two weeks": Tally reads a span of time where the peer computes a future date.
        if let ref = reference, e.count == a.count, zip(e, a).allSatisfy({ pair in
            if pair.0 == pair.1 { return true }
            if case .days(let start, _) = pair.0, case .duration = pair.1 { return start > ref.dayRange.upperBound }
            return false
        }), !zip(e, a).allSatisfy({ $0.0 == $0.1 }) {
            return .disagreement("'in N days' read as a duration")
        }
        return .fail("expected \(e.map(\.description)), got \(a.map(\.description))")
    }

    /// Tally's dates as the peer's day intervals, and its durations in seconds.
    static func dateKeys(_ quantities: [Quantity], analysis: TextAnalysis) -> [DateKey] {
        var actual: [DateKey] = []
        for q in quantities {
            if q.kind == .date, let a = q.low?.date, let b = q.high?.date, let side = q.bound, let bound = openBound(side, low: a, high: b) {
                // "since 2010", "before 2019": the open range on one side of the date.
                actual.append(bound)
            } else if q.kind == .date, let a = q.low?.date, let b = q.high?.date {
                // Recognizers-Text ends a range at the start of its last date ("2014 to 2018" is
                // [2014-01-01, 2018-01-01)) and a single period after it; a Monday–Sunday range is a week.
                // So is a quarter or half of a year, a run of quarters ("the past two quarters"), a decade or a century.
                let text = analysis.slice(q.start, q.end).lowercased()
                let isPeriod = text.contains("week") || text.contains("quarter") || text.contains("half") || text.contains("century") || text.hasSuffix("0s")
                    || isYearPartCode(text) || isPeriodPart(text)
                let end = a == b || isPeriod ? b.dayRange.upperBound + 1 : b.dayRange.lowerBound
                actual.append(.days(a.dayRange.lowerBound, end))
            } else if q.kind == .duration, let s = q.valueInSeconds {
                actual.append(.duration(round6(s)))
                // "the past two weeks", "2 weeks before May 13": the days the duration covers too.
                if let w = q.window { actual.append(.days(w.lowerBound.dayRange.lowerBound, w.upperBound.dayRange.upperBound + 1)) }
            }
        }
        return actual
    }

    /// "early 2021", "mid-june", "end of the week", "later this year": a part of one period, which
    /// ends after its last day like the period itself.
    /// So does a range whose last end is such a part ("from 2007 to the end of 2008").
    static func isPeriodPart(_ text: String) -> Bool {
        let parts: Set<Substring> = ["early", "mid", "late", "end", "beginning", "start", "middle", "earlier", "later"]
        var words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let first = words.first else { return false }
        if parts.contains(first) { return true }
        guard first == "from" || first == "between", let joiner = words.lastIndex(where: { ["to", "and", "until", "till", "through"].contains($0) }) else { return false }
        words = Array(words[(joiner + 1)...].drop(while: { $0 == "the" }))
        return words.first.map { parts.contains($0) } ?? false
    }

    /// "q3 2019", "2017-q1", "2019 h2": the text names a quarter or half by its code.
    static func isYearPartCode(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for k in scalars.indices.dropLast() where (scalars[k] == "q" || scalars[k] == "h") && ("1"..."4").contains(scalars[k + 1]) {
            if k == 0 || !scalars[k - 1].properties.isAlphabetic { return true }
        }
        return false
    }

    /// Date expressions outside what a news date layer models, by the words that mark them
    /// (see docs/numerals.md): holidays, fiscal periods, parts of periods, open or computed ends.
    static let outOfScopeDateMarkers: [(reason: String, words: [String])] = [
        ("holiday or named day", ["patrick", "workers", "eid", "diwali", "ramadan", "hanukkah", "easter", "christmas", "xmas", "thanksgiving", "halloween", "new year", "black friday", "labor day", "labour day", "earth day", "independence day", "valentine", "mother's day", "father's day", "memorial day", "otd", "eoy", "eom", "ytd", "mtd", "boy", "bom"]),
        ("fiscal or calendar part", ["quarter", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "cy", "school year", "semester", "season"]),
        ("business or partial week", ["working", "of last", "of next", "of this", "this week monday", "business day", "workweek", "work week", "weekend", "fortnight", "night", "w/c", "week of", "week beginning", "week starting", "week 1", "week after", "week before"]),
        ("part of a period", ["early", "mid", "late", "end of", "beginning", "start of", "middle", "rest of", "first half", "second half", "later", "earlier", "end of the", "first week", "last week of", "first day", "last day"]),
        ("open or computed end", ["now", "to date", "so far", "current", "from today", "from tomorrow", "from now", "from yesterday", "after", "before", "since", "till", "until", "as late as", "as early as", "hence", "upcoming", "coming", "following", "past", "next", "previous", "in the"]),
        ("vague count", ["several", "few", "couple", "all ", "the hour", "the day", "the week", "the month", "the year", "some"]),
        ("decade, century or spelled-out year", ["century", "decade", "nineties", "eighties", "seventies", "sixties", "twenties", "thirties", "nineteen", "two thousand", "hundred", "0s", "0 s"]),
        ("calendar arithmetic", ["same", "calendar", "the year", "week 1", "week 2", "week 3", "week 4", "week 5", "month of", "weeks of", "days of", "months of", "day of"]),
    ]

    /// "last 3 months", "the first 2 weeks", "in 3 days on Friday", "2 weeks from January 15":
    /// a rolling window or an offset computed from another date.
    static func isRollingWindow(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let anchors: Set<String> = ["last", "first", "next", "past", "previous", "coming", "upcoming", "following", "in", "within"]
        let units: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"]
        func isFigure(_ w: String) -> Bool { w.allSatisfy(\.isNumber) || CardinalWords.value(of: w) != nil }
        for (k, w) in words.enumerated() {
            if anchors.contains(w), k + 1 < words.count, isFigure(words[k + 1]), w != "in" || (k + 2 < words.count && units.contains(words[k + 2])) { return true }
            if units.contains(w), k + 1 < words.count, ["from", "after", "before", "starting", "later", "earlier"].contains(words[k + 1]) { return true }
        }
        return false
    }

    /// Numeric dates Tally reads otherwise on purpose: "5.12" is a decimal, "20161016" one number.
    static func isDeliberateNumericDate(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        let dotted = t.split(separator: ".")
        if dotted.count == 2, dotted.allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isNumber) }) { return true }
        let compact = t.filter { $0 != " " && $0 != "-" }
        return compact.count == 8 && compact.allSatisfy(\.isNumber)
    }

    static func outOfScopeDate(_ text: String) -> String? {
        if isRollingWindow(text) { return "rolling window" }
        let lower = " " + text.lowercased() + " "
        for (reason, words) in outOfScopeDateMarkers {
            for w in words {
                let needle = w.hasSuffix(" ") ? w : w
                if let range = lower.range(of: needle) {
                    let before = lower[lower.index(before: range.lowerBound)]
                    let after = range.upperBound < lower.endIndex ? lower[range.upperBound] : " "
                    if !before.isLetter, !after.isLetter || after == "s" || needle.hasSuffix(" ") { return reason }
                }
            }
        }
        return nil
    }

    /// A date under a bound as the open range it means: from its first day ("since"), from the day
    /// after it ("after"), up to its first day ("before") or up to the day after it ("until").
    static func openBound(_ qualifier: Qualifier, low: CalendarDate, high: CalendarDate) -> DateKey? {
        switch qualifier {
        case .atLeast: return .from(low.dayRange.lowerBound)
        case .moreThan: return .from(high.dayRange.upperBound + 1)
        case .lessThan: return .until(low.dayRange.lowerBound)
        case .atMost: return .until(high.dayRange.upperBound + 1)
        default: return nil
        }
    }

    enum DateKey: Comparable, Hashable, CustomStringConvertible {
        case days(Int, Int)
        case duration(Double)
        /// An open range: this day and after it.
        case from(Int)
        /// An open range: the days before this one.
        case until(Int)

        var description: String {
            switch self {
            case .days(let a, let b):
                let first = CalendarDate(dayNumber: a).iso
                return b == a + 1 ? first : first + "..<" + CalendarDate(dayNumber: b).iso
            case .duration(let s): return "\(Figure.format(s))s"
            case .from(let a): return CalendarDate(dayNumber: a).iso + "..<"
            case .until(let b): return "..<" + CalendarDate(dayNumber: b).iso
            }
        }
    }

    /// Every mismatch is the same span resolved earlier by Tally (on or before the reference)
    /// and later by the peer (after it).
    static func isPastBias(expected: [DateKey], actual: [DateKey], reference: Int) -> Bool {
        var unmatched = actual.filter { !expected.contains($0) }
        for e in expected where !actual.contains(e) {
            guard case .days(let ea, let eb) = e else { return false }
            guard let index = unmatched.firstIndex(where: {
                // Same span (a leap day may lengthen it by one), earlier for Tally, later for the peer.
                if case .days(let aa, let ab) = $0 { return abs((ab - aa) - (eb - ea)) <= 1 && aa <= reference && ea > aa && eb > reference }
                return false
            }) else { return false }
            unmatched.remove(at: index)
        }
        return unmatched.isEmpty
    }

    // MARK: Helpers


    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(1e-9, abs(b) * 1e-9) }

    static func round6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }

    static func compare(_ actual: [Double], _ expected: [Double]) -> PeerOutcome {
        let a = actual.map(round6).sorted()
        let e = expected.map(round6).sorted()
        return a == e ? .pass : .fail("expected \(e.map(Figure.format)), got \(a.map(Figure.format))")
    }

    static func summary(_ quantities: [Quantity]) -> String {
        quantities.map { "\($0.kind.rawValue) \($0.value?.description ?? "nil")" }.joined(separator: ", ")
    }
}
