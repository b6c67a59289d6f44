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
            if token.text == "-", minusAllowed(at: i), var e = isNumber(i + 1) ? digits(at: i + 1) : number(at: i + 1), e.isCardinal {
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
                if isWord(i + 2), adjacent(i + 2) {
                    guard let scale = NumberWords.gluedScales[lower(i + 2)] else {
                        e.isGlued = true
                        return e
                    }
                    e.value *= scale
                    e.scale = scale
                    e.end = i + 3
                }
                applyScales(&e)
                return e
            }
            if let f = NumberWords.vulgarFractions[token.text] {
                var e = NumberExpr(value: f, start: i, end: i + 1)
                e.isFraction = true
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
        guard isNumber(i + 1) || (isPunct(i + 1, ".") && adjacent(i + 1) && isNumber(i + 2) && adjacent(i + 2)) else { return false }
        if i > 0 {
            let previous = tokens[i - 1]
            if adjacent(i), previous.kind != .punct || previous.text == "-" || previous.text == "/" { return false }
            if previous.kind == .number || NumberWords.isCardinal(previous.lower) { return false }
        }
        // "-2020-07-01-": a dash before a dated chain is not a sign.
        if isPunct(i + 2, "-"), adjacent(i + 2), isNumber(i + 3) { return false }
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
            } else if timeUnit(i + 1) == nil, currency(at: i + 1) == nil, !has(i + 1, .percent) || vocabulary.percentTable.match(tokens, at: i + 1) == nil {
                e.isGlued = true
                return e
            }
        }
        if e.end == i + 1, plain, i + 1 < n, adjacent(i + 1), let f = NumberWords.vulgarFractions[tokens[i + 1].text] {
            e.value += f
            e.isPlainInteger = false
            e.end = i + 2
        }
        // "2 1/4": a whole number and a fraction.
        if e.end == i + 1, plain, isNumber(i + 1), tokens[i + 1].spaceBefore, isPunct(i + 2, "/"), adjacent(i + 2), isNumber(i + 3), adjacent(i + 3),
            !(isPunct(i + 4, "/") && adjacent(i + 4)), let (a, ap) = parseDigitText(tokens[i + 1].text), let (b, bp) = parseDigitText(tokens[i + 3].text),
            ap, bp, a > 0, a < b, b <= 16
        {
            e.value += a / b
            e.isPlainInteger = false
            e.end = i + 4
            return e
        }
        // "1/5": a fraction, unless it is part of a date such as "6/2/2025".
        if e.end == i + 1, plain, isPunct(i + 1, "/"), adjacent(i + 1), isNumber(i + 2), adjacent(i + 2),
            !(isPunct(i + 3, "/") && adjacent(i + 3)), !(isPunct(i - 1, "/") && adjacent(i)), let (den, denPlain) = parseDigitText(tokens[i + 2].text),
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
        // "3 hundred and 21", "6 crore and two hundred": digits inside a worded number.
        if e.end == i + 1, plain, e.value < 1000, NumberWords.scales[lower(i + 1)] != nil || NumberWords.dozens.contains(lower(i + 1)),
            var chained = cardinal(at: i), chained.end > i + 1
        {
            chained.isDigits = true
            return chained
        }
        applyScales(&e)
        applyAndFraction(&e)
        applyEcho(&e)
        return e
    }

    /// "five and a half million", "3 million and a half", "one billion and a half million".
    func applyAndFraction(_ e: inout NumberExpr) {
        guard let (extra, end) = andFraction(at: e.end) else { return }
        if e.scale > 1 {
            guard e.value == (e.value / e.scale).rounded() * e.scale else { return }
            if let s = NumberWords.scales[lower(end)], s >= 1000, s < e.scale {
                e.value += extra * s
                e.end = end + 1
            } else {
                e.value += extra * e.scale
                e.end = end
            }
        } else {
            guard e.value == e.value.rounded() else { return }
            e.value += extra
            e.end = end
            applyScales(&e)
        }
        e.isPlainInteger = false
    }

    /// Spaced scale words after a figure: "3 million", "two point two million", "200 dozens", "1.5 M".
    func applyScales(_ e: inout NumberExpr) {
        while e.end < n {
            let j = e.end
            guard isWord(j) else { return }
            let w = tokens[j].lower
            var factor: Double
            if NumberWords.dozens.contains(w) {
                factor = 12
            } else if let s = NumberWords.scales[w] {
                factor = s
            } else if e.isDigits, tokens[j].text == "M" || tokens[j].text == "K" || tokens[j].text == "BN" || tokens[j].text == "k" || tokens[j].text == "G" {
                if tokens[j].text == "G" {
                    factor = 1e9
                } else {
                factor = tokens[j].lower == "k" ? 1e3 : (tokens[j].text == "M" ? 1e6 : 1e9)
                }
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
        guard has(i, .numberWord) else { return nil }
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
        if w == "one", isPronoun(at: i) { return nil }
        if w == "hundred" || w == "thousand" || w == "million" || w == "billion" || w == "trillion",
            !(i > 0 && (isNumber(i - 1) || NumberWords.isCardinal(lower(i - 1))))
        {
            var e = NumberExpr(value: NumberWords.scales[w]!, start: i, end: i + 1)
            e.scale = e.value
            applyScales(&e)
            return e
        }
        if w == "quarter", let s = NumberWords.scales[lower(i + 1)], s >= 1000 {
            var e = NumberExpr(value: 0.25 * s, start: i, end: i + 2)
            e.scale = s
            return e
        }
        if NumberWords.isCardinal(w) { return cardinal(at: i) }
        if let v = NumberWords.ordinals[w] {
            var e = NumberExpr(value: v, start: i, end: i + 1)
            e.isOrdinal = true
            return e
        }
        // "several", "several hundred", "several billion": an unstated figure of three to nine.
        if w == "several" {
            var e = NumberExpr(value: 3, start: i, end: i + 1)
            if let s = NumberWords.scales[lower(i + 1)], s >= 100, !lower(i + 1).hasSuffix("s") {
                e = NumberExpr(value: 3 * s, start: i, end: i + 2)
                e.vague = (3 * s, 9 * s)
            } else {
                e.vague = (3, 9)
            }
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

    /// "the one", "which one", "no one", "one another": a pronoun, not a number.
    private func isPronoun(at i: Int) -> Bool {
        let next = lower(i + 1)
        if next == "another" || next == "'s" { return true }
        if NumberWords.scales[next] != nil || isNumber(i + 1) { return false }
        let before: Set<String> = ["the", "this", "that", "which", "each", "every", "any", "another", "no", "only", "any", "someone", "everyone"]
        return i > 0 && before.contains(lower(i - 1))
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
            applyFractionScale(&e)
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

    /// "half a million", "half million", "half a dozen", "half of", "half".
    private func half(at i: Int) -> NumberExpr? {
        if let s = NumberWords.scales[lower(i + 1)], s >= 1000, !lower(i + 1).hasSuffix("s") {
            var e = NumberExpr(value: 0.5 * s, start: i, end: i + 2)
            e.scale = s
            return e
        }
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
                if token.text == "-", last == .tens, adjacent(j) == adjacent(j + 1), let v = NumberWords.small[lower(j + 1)], v > 0, v < 10 {
                    group += v
                    last = .unit
                    j += 2
                    continue
                }
                break
            }
            if token.kind == .number {
                guard let (v, plain) = parseDigitText(token.text), plain, v < 1000 else { break }
                switch last {
                case .none: group = v
                case .hundred where v < 100: group += v
                case .big where NumberWords.scales[lower(j + 1)] != nil: group += v
                default: break loop
                }
                last = v < 10 ? .unit : (v < 20 ? .teen : .tens)
                j += 1
                continue
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
                case .unit where group > 0 && group < 10 && total == 0 && j == i + 1 && !isNumber(i)
                    && !(isPunct(j + 1, "-") && (NumberWords.ordinals[lower(j + 2)] != nil || NumberWords.pluralDenominators[lower(j + 2)] != nil || lower(j + 2) == "firsts")):
                    group = group * 100 + v
                default: break loop
                }
                last = .tens
            } else if w == "hundred" || w == "hundreds" {
                guard last == .unit || last == .teen || last == .tens, group < 100 || (group < 1000 && j == i + 1 && isNumber(i)) else { break }
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
            } else if NumberWords.dozens.contains(w) {
                guard last != .none else { break }
                group = (total + group) * 12
                total = 0
                last = .big
                lastBig = 12
            } else if w == "and", last == .hundred || last == .big, NumberWords.isCardinal(lower(j + 1)) || (last == .hundred && isNumber(j + 1)),
                !isDenominator(j + 2), !isDenominator(j + 3)
            {
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
        if var fraction = denominator(after: e) {
            applyFractionScale(&fraction)
            return fraction
        }
        applyAndFraction(&e)
        applyEcho(&e)
        return e
    }

    private func isDenominator(_ j: Int) -> Bool {
        let w = lower(j)
        return w != "second" && (NumberWords.denominators[w] != nil || NumberWords.pluralDenominators[w] != nil)
    }

    /// "a quarter million", "two thirds of a million": a fraction of a scale.
    func applyFractionScale(_ e: inout NumberExpr) {
        var j = e.end
        if lower(j) == "of" { j += lower(j + 1) == "a" ? 2 : 1 }
        guard let s = NumberWords.scales[lower(j)], s >= 1000, !lower(j).hasSuffix("s") else { return }
        e.value *= s
        e.scale = s
        e.isFraction = false
        e.end = j + 1
    }

    /// Decimal digits after "point": "point two", "point 77".
    private func decimalWords(at j: Int) -> (value: Double, end: Int)? {
        if isNumber(j), tokens[j].text.allSatisfy(\.isNumber), let v = Double("0." + tokens[j].text) { return (v, j + 1) }
        var digits = "0."
        var k = j
        if let t = NumberWords.tens[lower(k)] {
            var v = t
            k += 1
            if isPunct(k, "-"), let u = NumberWords.small[lower(k + 1)], u > 0, u < 10 {
                v += u
                k += 2
            }
            return (v / 100, k)
        }
        if let t = NumberWords.small[lower(k)], t >= 10 { return (t / 100, k + 1) }
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
        if isPunct(j, "-"), adjacent(j) == adjacent(j + 1) { j += 1 }
        let w = lower(j)
        var den: Double? = nil
        var end = j + 1
        if let d = NumberWords.pluralDenominators[w], e.value > 1 || w == "quarters" {
            den = d
        } else if let d = NumberWords.denominators[w], w != "second", e.value == 1 || w == "quarter" {
            den = d
        } else if let t = NumberWords.tens[w], isPunct(j + 1, "-"), adjacent(j + 1),
            let o = e.value == 1 ? NumberWords.ordinals[lower(j + 2)] : NumberWords.pluralDenominators[lower(j + 2)] ?? (lower(j + 2) == "firsts" ? 1 : nil),
            o < 10
        {
            den = t + o
            end = j + 3
        }
        guard let d = den else { return nil }
        var f = NumberExpr(value: e.value / d, start: e.start, end: end)
        f.isFraction = true
        return f
    }
}
