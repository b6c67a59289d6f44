import TallyCore

/// Number expressions: digits with suffixes and scales, number words, fractions, vague plurals.
extension ScanContext {
    /// The number expression starting at token `i`, if any.
    func number(at i: Int) -> NumberExpr? {
        guard i < n else { return nil }
        let token = tokens[i]
        switch token.kind {
        case .number:
            return digits(at: i)
        case .punct:
            if token.text == "-", minusAllowed(at: i), var e = digits(at: i + 1), e.isCardinal {
                e.value = -e.value
                e.start = i
                e.isPlainInteger = false
                return e
            }
            if token.text == ".", isNumber(i + 1), adjacent(i + 1), !adjacent(i) || isPunct(i - 1, "-"),
                tokens[i + 1].text.allSatisfy(\.isNumber), let v = Double("0." + tokens[i + 1].text)
            {
                var e = NumberExpr(value: v, start: i, end: i + 2)
                e.isDigits = true
                applyScales(&e)
                return e
            }
            return nil
        case .word:
            return words(at: i)
        }
    }

    /// A "-" is a minus sign only when it does not sit between two numbers and touches its digits
    /// (or opens the text): "-504", but never the hyphen in "18-25" or "Tu-160".
    private func minusAllowed(at i: Int) -> Bool {
        guard isNumber(i + 1) else { return false }
        if i > 0 {
            if adjacent(i) { return false }
            let previous = tokens[i - 1]
            if previous.kind == .number || NumberWords.isCardinal(previous.lower) { return false }
        }
        return adjacent(i + 1) || i == 0
    }

    /// Digits, with a glued suffix ("3bn", "2nd"), a fraction ("1/5"), decimals and scale words.
    func digits(at i: Int) -> NumberExpr? {
        guard isNumber(i), let (value, plain) = parseDigitText(tokens[i].text) else { return nil }
        var e = NumberExpr(value: value, start: i, end: i + 1)
        e.isDigits = true
        e.isPlainInteger = plain
        if isWord(i + 1), adjacent(i + 1) {
            let suffix = tokens[i + 1].lower
            if plain, NumberWords.ordinalSuffixes.contains(suffix) {
                e.isOrdinal = true
                e.isPlainInteger = false
                e.end = i + 2
                return e
            }
            if let scale = NumberWords.gluedScales[suffix], !(suffix == "g" && !(value < 1)) {
                e.value *= scale
                e.scale = scale
                e.isPlainInteger = false
                e.end = i + 2
            } else if timeUnit(i + 1) == nil, vocabulary.currencyTable.match(tokens, at: i + 1) == nil,
                vocabulary.percentTable.match(tokens, at: i + 1) == nil
            {
                e.isGlued = true
                return e
            }
        }
        // "1/5": a fraction, unless it is part of a date such as "6/2/2025".
        if e.end == i + 1, plain, isPunct(i + 1, "/"), adjacent(i + 1), isNumber(i + 2), adjacent(i + 2),
            !(isPunct(i + 3, "/") && adjacent(i + 3)), let (den, denPlain) = parseDigitText(tokens[i + 2].text),
            denPlain, den > 0, value < den
        {
            e.value = value / den
            e.isFraction = true
            e.isPlainInteger = false
            e.end = i + 3
            return e
        }
        // "1 point 1"
        if e.end == i + 1, plain, lower(i + 1) == "point", isNumber(i + 2), tokens[i + 2].text.allSatisfy(\.isNumber),
            let fraction = Double("0." + tokens[i + 2].text)
        {
            e.value += fraction
            e.isPlainInteger = false
            e.end = i + 3
        }
        applyScales(&e)
        if e.scale == 1, e.value == e.value.rounded(), let (extra, end) = andFraction(at: e.end) {
            e.value += extra
            e.end = end
            e.isPlainInteger = false
            applyScales(&e)
        }
        applyEcho(&e)
        return e
    }

    /// Spaced scale words after a figure: "3 million", "two point two million", "200 dozens", "1.5 M".
    func applyScales(_ e: inout NumberExpr) {
        while e.end < n {
            let j = e.end
            guard isWord(j) else { return }
            let w = tokens[j].lower
            var factor: Double
            if w == "dozen" || w == "dozens" {
                factor = 12
            } else if let s = NumberWords.scales[w] {
                factor = s
            } else if e.isDigits, tokens[j].text == "M" || tokens[j].text == "K" || tokens[j].text == "BN" {
                factor = tokens[j].text == "K" ? 1e3 : (tokens[j].text == "M" ? 1e6 : 1e9)
            } else {
                return
            }
            if factor == 100, e.value >= 100 || e.value != e.value.rounded() { return }
            e.value *= factor
            e.scale = max(e.scale, factor)
            e.isPlainInteger = false
            e.end = j + 1
        }
    }

    /// "forty-five (45)" and "45 (forty five)": the figure repeated in brackets is one mention.
    private func applyEcho(_ e: inout NumberExpr) {
        guard isPunct(e.end, "("), let inner = number(at: e.end + 1), inner.value == e.value, isPunct(inner.end, ")") else { return }
        e.end = inner.end + 1
    }

    /// "and a half", "and half", "and a quarter", "and three quarters" after a whole number.
    func andFraction(at j: Int) -> (Double, Int)? {
        guard lower(j) == "and" else { return nil }
        var k = j + 1
        var numerator = 1.0
        if lower(k) == "a" || lower(k) == "an" || lower(k) == "one" {
            k += 1
        } else if let v = NumberWords.small[lower(k)], v > 1, v < 10 {
            numerator = v
            k += 1
        }
        let w = lower(k)
        if w == "half" || w == "halves" { return numerator == 1 ? (0.5, k + 1) : nil }
        if let den = NumberWords.denominators[w] ?? NumberWords.pluralDenominators[w], w != "second" {
            return (numerator / den, k + 1)
        }
        return nil
    }

    /// Number words: cardinals ("one hundred and six"), "a dozen", "half a million", fractions,
    /// ordinals ("second", "twenty-first") and vague plurals ("thousands").
    func words(at i: Int) -> NumberExpr? {
        let w = tokens[i].lower
        if w == "minus" || w == "negative", var e = number(at: i + 1), e.isCardinal, e.value > 0 {
            e.value = -e.value
            e.start = i
            e.isPlainInteger = false
            return e
        }
        if w == "a" || w == "an" { return article(at: i) }
        if w == "half" { return half(at: i) }
        if w == "point", isNumber(i + 1), tokens[i + 1].text.allSatisfy(\.isNumber), let v = Double("0." + tokens[i + 1].text) {
            var e = NumberExpr(value: v, start: i, end: i + 2)
            applyScales(&e)
            return e
        }
        if NumberWords.isCardinal(w) { return cardinal(at: i) }
        if let v = NumberWords.ordinals[w] {
            var e = NumberExpr(value: v, start: i, end: i + 1)
            e.isOrdinal = true
            return e
        }
        if w == "tens" || w == "hundreds" || w == "dozens", lower(i + 1) == "of",
            let big = NumberWords.vague[lower(i + 2)], lower(i + 2) != "dozens", lower(i + 2) != "hundreds"
        {
            let factor = w == "tens" ? 10.0 : (w == "hundreds" ? 100.0 : 12.0)
            var e = NumberExpr(value: big.low * factor, start: i, end: i + 3)
            e.vague = (big.low * factor, big.low * factor * 10 - 1)
            return e
        }
        if let range = NumberWords.vague[w] {
            var e = NumberExpr(value: range.low, start: i, end: i + 1)
            e.vague = range
            return e
        }
        return nil
    }

    /// "a hundred", "a dozen", "a couple of", "a few", "a fifth", "a half".
    private func article(at i: Int) -> NumberExpr? {
        let w = lower(i + 1)
        var e = NumberExpr(value: 1, start: i, end: i + 2)
        if w == "hundred" || w == "thousand" || w == "million" || w == "billion" || w == "trillion" || w == "dozen" {
            e.value = w == "dozen" ? 12 : NumberWords.scales[w]!
            e.scale = e.value
            if w == "dozen", lower(i + 2) == "of" { e.end = i + 3 }
            applyScales(&e)
            return e
        }
        if w == "couple" || w == "pair" {
            e.value = 2
            if lower(i + 2) == "of" { e.end = i + 3 }
            return e
        }
        if w == "few" {
            e.value = 3
            e.isApproximate = true
            return e
        }
        if w == "half" {
            e.value = 0.5
            e.isFraction = true
            return fractionFollows(i + 2) ? e : nil
        }
        if let den = NumberWords.denominators[w], w != "second", fractionFollows(i + 2) {
            e.value = 1 / den
            e.isFraction = true
            return e
        }
        return nil
    }

    /// A bare fraction ("a third") is one only before "of", punctuation, the end, or a unit/scale
    /// word; "a third round" is an ordinal.
    private func fractionFollows(_ j: Int) -> Bool {
        if isEndOrPunct(j) { return true }
        let w = lower(j)
        return w == "of" || w == "the" || NumberWords.scales[w] != nil || timeUnit(j) != nil || w == "and" || w == "or"
    }

    /// "half a million", "half a dozen", "half of", "half".
    private func half(at i: Int) -> NumberExpr? {
        if lower(i + 1) == "a" || lower(i + 1) == "an", let s = NumberWords.scales[lower(i + 2)], s >= 100 || lower(i + 2) == "dozen" {
            var e = NumberExpr(value: 0.5 * s, start: i, end: i + 3)
            e.scale = s
            return e
        }
        if lower(i + 1) == "a", lower(i + 2) == "dozen" { return NumberExpr(value: 6, start: i, end: i + 3) }
        guard fractionFollows(i + 1) || lower(i + 1) == "their" || lower(i + 1) == "its" else { return nil }
        var e = NumberExpr(value: 0.5, start: i, end: i + 1)
        e.isFraction = true
        return e
    }

    private enum Last { case none, unit, teen, tens, hundred, big }

    /// Cardinal number words: "twenty-three", "one hundred and five", "three crore twelve lakh …",
    /// "two point two million", "one twenty two"; then fractions ("two-thirds") or "and a half".
    private func cardinal(at i: Int) -> NumberExpr? {
        var total = 0.0
        var group = 0.0
        var lastBig = 0.0
        var last = Last.none
        var j = i
        var scale = 1.0
        loop: while j < n {
            let token = tokens[j]
            if token.kind == .punct {
                // "twenty-three": a hyphen only joins tens to a unit.
                if token.text == "-", last == .tens, adjacent(j), adjacent(j + 1), let v = NumberWords.small[lower(j + 1)], v > 0, v < 10 {
                    group += v
                    last = .unit
                    j += 2
                    continue
                }
                break
            }
            guard token.kind == .word else { break }
            let w = token.lower
            if let v = NumberWords.small[w] {
                switch last {
                case .tens where v > 0 && v < 10: group += v
                case .none, .hundred, .big: group += v
                default: break loop
                }
                last = v < 10 ? .unit : .teen
            } else if let v = NumberWords.tens[w] {
                switch last {
                case .none, .hundred, .big: group += v
                case .unit where group > 0 && group < 10 && total == 0 && j == i + 1: group = group * 100 + v
                default: break loop
                }
                last = .tens
            } else if w == "hundred" || w == "hundreds" {
                guard last == .unit || last == .teen || last == .tens, group < 100 else { break }
                group *= 100
                last = .hundred
            } else if let s = NumberWords.scales[w], s >= 1000 {
                guard last != .none else { break }
                if group == 0, total > 0, s > lastBig {
                    total *= s
                } else {
                    total += group * s
                    group = 0
                }
                lastBig = s
                scale = max(scale, s)
                last = .big
            } else if w == "dozen" || w == "dozens" {
                guard last != .none else { break }
                group = (total + group) * 12
                total = 0
                last = .big
                lastBig = 12
            } else if w == "and", last == .hundred || last == .big, NumberWords.isCardinal(lower(j + 1)) {
                j += 1
                continue
            } else if w == "point", last != .none, last != .big, let fraction = decimalWords(at: j + 1) {
                group += fraction.value
                j = fraction.end
                last = .unit
                continue
            } else {
                break
            }
            j += 1
        }
        guard last != .none else { return nil }
        var e = NumberExpr(value: total + group, start: i, end: j)
        e.scale = scale
        // "twenty-first": an ordinal.
        if last == .tens, isPunct(j, "-"), adjacent(j), adjacent(j + 1), let o = NumberWords.ordinals[lower(j + 1)], o < 10 {
            e.value += o
            e.end = j + 2
            e.isOrdinal = true
            return e
        }
        if let fraction = denominator(after: e) {
            return fraction
        }
        if e.value == e.value.rounded(), let (extra, end) = andFraction(at: e.end) {
            e.value += extra
            e.end = end
            applyScales(&e)
        }
        applyEcho(&e)
        return e
    }

    /// Decimal digits after "point": "point two", "point 77".
    private func decimalWords(at j: Int) -> (value: Double, end: Int)? {
        if isNumber(j), tokens[j].text.allSatisfy(\.isNumber), let v = Double("0." + tokens[j].text) { return (v, j + 1) }
        var digits = "0."
        var k = j
        while let v = NumberWords.small[lower(k)], v < 10 {
            digits += String(Int(v))
            k += 1
        }
        guard k > j, let v = Double(digits) else { return nil }
        return (v, k)
    }

    /// "two-thirds", "five eighths", "one quarter", "one twenty-fifth" after a cardinal numerator.
    private func denominator(after e: NumberExpr) -> NumberExpr? {
        guard e.value > 0, e.value == e.value.rounded(), e.scale == 1 else { return nil }
        var j = e.end
        if isPunct(j, "-"), adjacent(j), adjacent(j + 1) { j += 1 }
        let w = lower(j)
        var den: Double? = nil
        var end = j + 1
        if let d = NumberWords.pluralDenominators[w], e.value > 1 || w == "quarters" {
            den = d
        } else if let d = NumberWords.denominators[w], w != "second", e.value == 1 || w == "quarter" {
            den = d
        } else if e.value == 1, let t = NumberWords.tens[w], isPunct(j + 1, "-"), adjacent(j + 1), let o = NumberWords.ordinals[lower(j + 2)], o < 10 {
            den = t + o
            end = j + 3
        }
        guard let d = den else { return nil }
        var f = NumberExpr(value: e.value / d, start: e.start, end: end)
        f.isFraction = true
        return f
    }
}
