import TallyCore

/// What one match at a token produced: a mention, a date, or tokens consumed without one (an
/// ordinal, a model name, a time of day, a relative date without reference).
enum ScanMatch {
    case found(Found)
    /// A resolved date or date range (`low == high` for a single date).
    case date(start: Int, end: Int, low: CalendarDate, high: CalendarDate)
    case skip(end: Int)
}

/// A numeric mention before it becomes a `Quantity`: token range and interval. Figures are plain
/// numbers (dates are `ScanMatch.date`), so the struct stays small when matchers pass it around.
struct Found {
    var kind: QuantityKind
    var start: Int
    var end: Int
    var value: Double?
    var low: Double?
    var high: Double?
    var qualifier: Qualifier
    var unit: UnitID?
    var isVague = false

    /// A single figure under a qualifier: "at least 1,000" → low 1000; "nearly 400" → high 400.
    init(_ m: Measure, start: Int, qualifier q: Qualifier) {
        kind = m.kind
        self.start = start
        end = m.end
        unit = m.unit
        if let v = m.vague {
            kind = m.kind == .number ? .range : m.kind
            value = nil
            low = v.low
            high = v.high
            qualifier = .range
            isVague = true
            return
        }
        let figure = m.value
        value = figure
        qualifier = m.isApproximate && q == .exact ? .approximate : q
        isVague = m.isApproximate
        switch qualifier {
        case .atLeast, .moreThan: low = figure
        case .atMost, .lessThan: high = figure
        default:
            low = figure
            high = figure
        }
    }

    /// An interval between two figures: "between 1,000 and 1,200", "two to three days".
    init(range a: Measure, _ b: Measure, start: Int, end: Int) {
        kind = a.kind == .number ? .range : a.kind
        self.start = start
        self.end = end
        value = nil
        low = a.value
        high = b.value
        qualifier = .range
        unit = a.unit ?? b.unit
    }

    init(kind: QuantityKind, start: Int, end: Int, value: Double?, low: Double?, high: Double?, qualifier: Qualifier, unit: UnitID?) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.unit = unit
    }
}

extension ScanContext {
    /// The first pattern that matches at `i`, most specific first.
    func match(at i: Int) -> ScanMatch? {
        let hedge = qualifier(at: i)
        if facts[i].kind == .word, !adjacent(i + 1) || facts[i + 1].kind == .word {
            // Fast exits for the commonest starters: a word that can only open a hedge, and an
            // article not followed by a number word or unit ("a", "an").
            if facts[i].flags.isDisjoint(with: .ownMatcher), hedge == nil { return nil }
            let w = gram(i)
            if w == .a || w == .an, hedge == nil, !has(i + 1, .numberWord), !has(i + 1, .timeUnit), !has(i + 1, .dayWord), !isNumber(i + 1) {
                return nil
            }
        }
        // Before model names: "Q3 2019" is a quarter, not a code.
        if mayOpenYearPart(i), let d = yearPart(at: i) {
            guard let low = d.low, let high = d.high else { return .skip(end: d.end) }
            return .date(start: d.start, end: d.end, low: low, high: high)
        }
        if let end = timeOfDay(at: i) ?? modelName(at: i) { return .skip(end: end) }
        if let age = ageFirst(at: i, hedge: hedge) { return .found(age) }
        if ScanContext.periodPartWords.contains(facts[i].gram), let d = periodPart(at: i) {
            guard let low = d.low, let high = d.high else { return .skip(end: d.end) }
            return .date(start: d.start, end: d.end, low: low, high: high)
        }
        if let d = date(at: i) {
            guard let low = d.low, let high = d.high else { return .skip(end: d.end) }
            return .date(start: d.start, end: d.end, low: low, high: high)
        }
        let w = gram(i)
        // After a change word, "from X to Y" is a move ("slid from 41,200 to 39,870"), not a range.
        if w == .between || (w == .from && vocabulary.changeWords.lead(into: i + 1, tokens, info)?.viaFrom != true), let a = measure(at: i + 1), a.vague == nil {
            let joiner = gram(a.end)
            if (w == .between && (joiner == .and || joiner == .hyphen || joiner == .tilde)) || (w == .from && (joiner == .to || joiner == .hyphen || joiner == .tilde)),
                let (x, y) = rangeEnds(a, a.end + 1)
            {
                return .found(ageSuffix(Found(range: x, y, start: i, end: y.end)))
            }
        }
        if let end = phoneOrLink(at: i) { return .skip(end: end) }
        if let (q, j) = hedge {
            if let found = core(at: j, start: i, qualifier: q) { return .found(bounded(found)) }
        }
        if let vague = vagueDuration(at: i) { return .found(vague) }
        if w == .all, let end = perSideJoin(at: i + 1), gram(end) == .all {
            return .found(Found(kind: .perSide, start: i, end: end + 1, value: nil, low: nil, high: nil, qualifier: .exact, unit: .all))
        }
        if let e = number(at: i), e.isOrdinal || e.isGlued { return .skip(end: e.end) }
        if let found = core(at: i, start: i, qualifier: .exact) { return .found(bounded(found)) }
        return nil
    }

    /// "more than 10 and less than 20", "at most 100 and at least 20": two bounds make one range.
    private func bounded(_ f: Found) -> Found {
        let lowerBound = f.qualifier == .atLeast || f.qualifier == .moreThan
        let upperBound = f.qualifier == .atMost || f.qualifier == .lessThan
        guard lowerBound || upperBound, let v = f.value else { return f }
        var j = f.end
        if isPunct(j, .comma) { j += 1 }
        guard gram(j) == .and || gram(j) == .but || j > f.end else { return f }
        if gram(j) == .and || gram(j) == .but { j += 1 }
        guard let (q, k) = qualifier(at: j), let other = core(at: k, start: j, qualifier: q), other.kind == f.kind, other.unit == f.unit,
            let w = other.value
        else { return f }
        let otherLower = q == .atLeast || q == .moreThan
        let otherUpper = q == .atMost || q == .lessThan
        guard (lowerBound && otherUpper && v < w) || (upperBound && otherLower && w < v) else { return f }
        let (low, high) = lowerBound ? (v, w) : (w, v)
        return Found(
            kind: f.kind == .number ? .range : f.kind, start: f.start, end: other.end, value: nil, low: low, high: high,
            qualifier: .range, unit: f.unit)
    }

    /// Phone numbers ("+1-222-2222-2222") and links are not quantities.
    private func phoneOrLink(at i: Int) -> Int? {
        let w = gram(i)
        if (w == .http || w == .https || w == .www), isPunct(i + 1, .colon) || isPunct(i + 1, .dot), adjacent(i + 1) {
            var j = i + 1
            while j < tokenCount, !facts[j].spaced { j += 1 }
            return j
        }
        // "0800 555 0142", "020-44 10 00": a leading zero and more digit groups make a phone number.
        if isNumber(i), tokens[i].text.utf8.count >= 2, tokens[i].text.utf8.first == UInt8(ascii: "0"), !tokens[i].text.contains("."),
            isNumber(i + 1) || (isPunct(i + 1, .hyphen) && isNumber(i + 2))
        {
            var j = i + 1
            while j < tokenCount, j < i + 8, isNumber(j) || (isPunct(j, .hyphen) && isNumber(j + 1)) { j += 1 }
            return j
        }
        if isPunct(i, .plus) || (i > 0 && isPunct(i - 1, .plus) && adjacent(i)), isNumber(i) || isNumber(i + 1) {
            var j = isNumber(i) ? i + 1 : i + 2
            while j < tokenCount, j < i + 8, isNumber(j) || (isPunct(j, .hyphen) && isNumber(j + 1)) { j += 1 }
            return j
        }
        guard isNumber(i), isPunct(i + 1, .hyphen), adjacent(i + 1), isNumber(i + 2), adjacent(i + 2), isPunct(i + 3, .hyphen) || isPunct(i + 3, .slash),
            adjacent(i + 3), isNumber(i + 4), adjacent(i + 4)
        else { return nil }
        var j = i + 5
        while j < tokenCount, !facts[j].spaced, facts[j].kind == .number || isPunct(j, .hyphen) || isPunct(j, .slash) { j += 1 }
        return j
    }

    /// Words joining the two figures of a range ("3 to 5", "two or three").
    static let rangeWords = GrammarWordSet([.hyphen, .to, .or, .through, .tilde])
    static let comparisonSigns = GrammarWordSet([.equals, .lessThan, .greaterThan])
    /// Words before a bare plural unit that make it a vague duration ("for months").
    static let vagueDurationOpeners = GrammarWordSet([.for_, .within, .after, .over, .lasting, .took, .last, .lasted])

    /// A figure with what may follow it: a range end, a per-side "-for-", an age, a post-qualifier.
    func core(at i: Int, start: Int, qualifier: Qualifier) -> Found? {
        guard var a = measure(at: i) else { return nil }
        // A measure may open before `i` ("all day", read at its unit); otherwise it opens at the hedge.
        let start = a.start < i ? min(a.start, start) : start
        a.start = start
        if a.vague != nil { return Found(a, start: start, qualifier: .exact) }
        // "1,000-for-1,000": the same figure on each side ("two-for-one" is a ratio, not a swap).
        if qualifier == .exact, a.kind == .number, let end = perSideJoin(at: a.end), let b = measure(at: end), b.kind == .number,
            b.vague == nil, b.value == a.value
        {
            return Found(kind: .perSide, start: start, end: b.end, value: a.value, low: a.value, high: a.value, qualifier: .exact, unit: nil)
        }
        let joiner = gram(a.end)
        if ScanContext.rangeWords.contains(joiner), !isPostQualifier(at: a.end), !isMoveTo(a, joiner: joiner, start: start),
            let (x, y) = rangeEnds(a, a.end + 1)
        {
            return ageSuffix(Found(range: x, y, start: start, end: y.end))
        }
        var found = ageSuffix(Found(a, start: start, qualifier: qualifier))
        guard found.kind != .age else { return found }
        // "more than 5000 or equal to", "1,000 or more", "1,000-odd"
        // ("more than 5000 or equal to 6000" compares with another figure: two mentions.)
        if qualifier == .moreThan || qualifier == .lessThan, gram(found.end) == .or, gram(found.end + 1) == .equal,
            !(gram(found.end + 2) == .to && isNumber(found.end + 3))
        {
            found = Found(a, start: start, qualifier: qualifier == .moreThan ? .atLeast : .atMost)
            found.end = a.end + (gram(a.end + 2) == .to ? 3 : 2)
        } else if qualifier == .exact || qualifier == .approximate, has(found.end, .postQualifier), let (post, end) = phrase(vocabulary.postQualifierTable, at: found.end),
            post != .approximate || qualifier == .exact, !(lower(end) == "than" && (isNumber(end + 1) || has(end + 1, .numberWord)))
        {
            // ("200 or greater than 190": the comparison belongs to the next figure.)
            found = Found(a, start: start, qualifier: post)
            found.end = end
        } else if qualifier == .exact, isPunct(found.end, .hyphen), adjacent(found.end), gram(found.end + 1) == .odd {
            found = Found(a, start: start, qualifier: .approximate)
            found.end = a.end + 2
        }
        return found
    }

    /// "rose 1.3 percent to 4,812.50", "fell from 40 to 30": after a change word, "to" joins a move
    /// and its new level, not two ends of a range ("rose 5 to 10 percent", a bare first figure taking
    /// the second's unit, stays a range).
    private func isMoveTo(_ a: Measure, joiner: GrammarWord, start: Int) -> Bool {
        guard joiner == .to, let lead = vocabulary.changeWords.lead(into: start, tokens, info) else { return false }
        return lead.viaFrom || a.kind != .number
    }

    /// A qualifier phrase at `i`, unless the word before makes it a verb particle ("hand over").
    func qualifier(at i: Int) -> (Qualifier, Int)? {
        guard has(i, .qualifier), let (q, j) = phrase(vocabulary.qualifierTable, at: i) else { return nil }
        // "=>30", "<>30": symbols glued to other comparison symbols are not hedges.
        if facts[i].kind == .punct, i > 0, adjacent(i), ScanContext.comparisonSigns.contains(gram(i - 1)) { return nil }
        if facts[i].kind == .punct, j < tokenCount, ScanContext.comparisonSigns.contains(gram(j)), adjacent(j) { return nil }
        if i > 0, let vetoes = vocabulary.vetoMap.value(hash: info[i].hash, tokens[i].lower), vetoes.contains(hash: info[i - 1].hash, tokens[i - 1].lower) {
            return nil
        }
        return (q, j)
    }

    private func isPostQualifier(at j: Int) -> Bool { has(j, .postQualifier) && phrase(vocabulary.postQualifierTable, at: j) != nil }

    /// The second figure of a range starting at `j`, with the first adjusted to it: a bare first
    /// figure takes the second's unit and scale ("7 to 10 billion dollars", "two to three days").
    func rangeEnds(_ first: Measure, _ j: Int) -> (Measure, Measure)? {
        guard var b = measure(at: j), b.vague == nil else { return nil }
        var a = first
        if gram(j - 1) == .hyphen, !(adjacent(j - 1) == adjacent(j)) { return nil }
        if gram(j - 1) == .or, !(a.isWordNumber && b.isWordNumber) && !(a.isDigits && b.isDigits && a.value < 100) { return nil }
        if a.kind == .number, b.kind != .number {
            a.kind = b.kind
            a.unit = b.unit
            if a.scale == 1, b.scale > 1, a.value * b.scale <= b.value { a.value *= b.scale }
        } else if b.kind == .number, a.kind != .number, a.kind != .duration, a.kind != .percent {
            // ("40% to 4,812" is no range of percentages: a second end would repeat the sign.)
            b.kind = a.kind
            b.unit = a.unit
            if b.scale == 1, a.scale > 1, b.value * a.scale >= a.value { b.value *= a.scale }
        } else if a.kind == .number, b.kind == .number, a.scale == 1, b.scale > 1, a.value * b.scale <= b.value {
            a.value *= b.scale
        }
        if a.kind == .duration, b.kind == .duration, a.unit != b.unit, let ua = a.unit, let ub = b.unit {
            // "90 minutes to two hours": both in the smaller unit.
            if (ua.timeRank ?? 0) < (ub.timeRank ?? 0) {
                b.value *= TimeUnit.factor(ub, ua)
                b.unit = ua
            } else {
                a.value *= TimeUnit.factor(ua, ub)
                a.unit = ub
            }
        }
        guard a.kind == b.kind, a.unit == b.unit, a.value < b.value else { return nil }
        return (a, b)
    }

    /// "-for-" (adjacent) or " for " after a figure: returns the token index of the second side.
    func perSideJoin(at j: Int) -> Int? {
        if isPunct(j, .hyphen), adjacent(j), gram(j + 1) == .for_, adjacent(j + 1), isPunct(j + 2, .hyphen), adjacent(j + 2), adjacent(j + 3) {
            return j + 3
        }
        if gram(j) == .for_, facts[j].spaced { return j + 1 }
        return nil
    }

    /// A figure in years (or months) followed by "old", "-old" or "of age" is an age.
    private func ageSuffix(_ f: Found) -> Found {
        guard f.kind == .duration, f.unit == .years || f.unit == .months else { return f }
        var end: Int? = nil
        if gram(f.end) == .old || gram(f.end) == .olds {
            end = f.end + 1
        } else if isPunct(f.end, .hyphen), adjacent(f.end), gram(f.end + 1) == .old || gram(f.end + 1) == .olds {
            end = f.end + 2
        } else if gram(f.end) == .of, gram(f.end + 1) == .age {
            end = f.end + 2
        }
        guard let e = end else { return f }
        var age = f
        age.kind = .age
        age.end = e
        return age
    }

    /// "aged 18 to 25", "aged between 18 and 25", "under age 25", "under the age of 25", "age 40".
    func ageFirst(at i: Int, hedge: (Qualifier, Int)?) -> Found? {
        var k = i
        var qualified = Qualifier.exact
        if gram(i) == .aged {
            k = i + 1
        } else {
            if let (q, j) = hedge {
                qualified = q
                k = j
                if gram(k) == .the { k += 1 }
            }
            guard gram(k) == .age || gram(k) == .ages else { return nil }
            k += 1
            if gram(k) == .of { k += 1 }
        }
        var between = false
        if gram(k) == .between {
            between = true
            k += 1
        }
        guard let e = number(at: k), e.isCardinal, !e.isFraction, e.value > 0, e.value < 130 else { return nil }
        var a = Measure(number: e)
        a.kind = .age
        a.unit = .years
        var end = e.end
        let joiner = gram(end)
        if joiner == .to || joiner == .hyphen || (between && joiner == .and), let b = number(at: end + 1), b.isCardinal, b.value > e.value, b.value < 130 {
            var bm = Measure(number: b)
            bm.kind = .age
            bm.unit = .years
            end = b.end
            if gram(end) == .years || gram(end) == .year { end += 1 }
            if gram(end) == .old { end += 1 }
            return Found(range: a, bm, start: i, end: end)
        }
        if gram(end) == .years || gram(end) == .year { end += 1 }
        if gram(end) == .old { end += 1 }
        var found = Found(a, start: i, qualifier: qualified)
        found.end = end
        return found
    }

    /// "for months", "within days": a plural unit standing for an unstated number of them.
    private func vagueDuration(at i: Int) -> Found? {
        guard let unit = timeUnit(i), tokens[i].lower == name(unit), i > 0,
            ScanContext.vagueDurationOpeners.contains(gram(i - 1)),
            let range = ScanContext.vagueUnitRange(unit)
        else { return nil }
        var f = Found(kind: .duration, start: i, end: i + 1, value: nil, low: range.0, high: range.1, qualifier: .range, unit: unit)
        f.isVague = true
        return f
    }

    /// What a bare plural unit stands for ("for months": 2 to 11 months).
    static func vagueUnitRange(_ unit: UnitID) -> (Double, Double)? {
        switch unit {
        case .seconds, .minutes: return (2, 59)
        case .hours: return (2, 23)
        case .days: return (2, 13)
        case .weeks: return (2, 8)
        case .months: return (2, 11)
        case .years: return (2, 99)
        default: return nil
        }
    }

    /// "10:30", "3 pm", "3 a.m.": times of day are not quantities.
    private func timeOfDay(at i: Int) -> Int? {
        guard isNumber(i), tokens[i].text.utf8.count <= 2, let h = integer(i), h <= 24 else { return nil }
        if isPunct(i + 1, .colon), adjacent(i + 1), isNumber(i + 2), adjacent(i + 2), tokens[i + 2].text.utf8.count == 2 {
            var end = i + 3
            if let e = meridiem(at: end) { end = e }
            return end
        }
        if h >= 1, h <= 12, let e = meridiem(at: i + 1) { return e }
        return nil
    }

    private func meridiem(at j: Int) -> Int? {
        let w = gram(j)
        if w == .am || w == .pm || w == .gmt || w == .utc { return j + 1 }
        if (w == .a || w == .p), isPunct(j + 1, .dot), adjacent(j + 1), gram(j + 2) == .m, adjacent(j + 2) {
            return isPunct(j + 3, .dot) && adjacent(j + 3) ? j + 4 : j + 3
        }
        return nil
    }

    /// "Tu-160", "F-16", "A320", "Boeing 737": a capitalised word joined to a number names a model.
    private func modelName(at i: Int) -> Int? {
        guard isWord(i) else { return nil }
        var j: Int
        if has(i, .model), let (_, end) = phrase(vocabulary.modelTable, at: i), isNumber(end) {
            j = end + 1
        } else if isCapitalised(i) || tokens[i].text.utf8.count <= 2 && isNumber(i + 1) && adjacent(i + 1) && !has(i, .numberWord),
            (isPunct(i + 1, .hyphen) && adjacent(i + 1) && isNumber(i + 2) && adjacent(i + 2)) || (isNumber(i + 1) && adjacent(i + 1)),
            !has(i, .month), !has(i, .currency) || phrase(vocabulary.currencyTable, at: i) == nil
        {
            j = i + 1
        } else {
            return nil
        }
        // The rest of the name: "Tu-22M3", "Su-34s", "Kh-101".
        while j < tokenCount, adjacent(j) {
            if facts[j].kind == .punct {
                guard facts[j].gram == .hyphen, adjacent(j + 1), isNumber(j + 1) || isWord(j + 1) else { break }
            }
            j += 1
        }
        return max(j, i + 1)
    }
}
