import TallyCore

/// Number expressions: digits with suffixes and scales, number words, fractions, vague plurals.
extension ScanContext {
    /// The number expression starting at token `i`, if any. The matchers ask for the same token
    /// several times in a row, so the last answer is kept.
    func number(at i: Int) -> NumberExpr? {
        if numberMemoIndex.value == i { return numberMemoValue.value }
        let e = parseNumber(at: i)
        numberMemoIndex.value = i
        numberMemoValue.value = e
        return e
    }

    private func parseNumber(at i: Int) -> NumberExpr? {
        guard i < tokenCount else { return nil }
        switch facts[i].kind {
        case .number:
            return digits(at: i)
        case .punct:
            if facts[i].gram == .hyphen, minusAllowed(at: i), var e = isNumber(i + 1) ? digits(at: i + 1) : number(at: i + 1), e.isCardinal {
                e.value = -e.value
                e.start = i
                e.isPlainInteger = false
                return e
            }
            if facts[i].gram == .dot, isNumber(i + 1), adjacent(i + 1), !adjacent(i) || isPunct(i - 1, .hyphen),
                let v = decimalFraction(i + 1)
            {
                var e = NumberExpr(value: v, start: i, end: i + 2)
                e.isDigits = true
                if isWord(i + 2), adjacent(i + 2) {
                    guard let scale = word(NumberWords.gluedScales, i + 2) else {
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
            if let f = word(NumberWords.vulgarFractions, i) {
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
        guard isNumber(i + 1) || (isPunct(i + 1, .dot) && adjacent(i + 1) && isNumber(i + 2) && adjacent(i + 2)) else { return false }
        if i > 0 {
            if adjacent(i), facts[i - 1].kind != .punct || facts[i - 1].gram == .hyphen || facts[i - 1].gram == .slash { return false }
            if facts[i - 1].kind == .number || isCardinalWord(i - 1) { return false }
        }
        // "-2020-07-01-": a dash before a dated chain is not a sign.
        if isPunct(i + 2, .hyphen), adjacent(i + 2), isNumber(i + 3) { return false }
        return adjacent(i + 1) || i == 0
    }

    /// Digits, with a glued suffix ("3bn", "2nd"), a fraction ("1/5"), decimals and scale words.
    func digits(at i: Int) -> NumberExpr? {
        guard isNumber(i), let (value, plain) = parsed(i) else { return nil }
        var e = NumberExpr(value: value, start: i, end: i + 1)
        e.isDigits = true
        e.isPlainInteger = plain
        if isWord(i + 1), adjacent(i + 1), let (exponent, end) = exponent(at: i + 1) {
            // "1e10", "1.3e6", "12.32e+14": scientific notation.
            // Parsed whole, so 6.02e23 is the nearest double to it, not 6.02 times 1e23 rounded twice.
            e.value = Double("\(e.value)e\(exponent)") ?? e.value
            e.isPlainInteger = false
            e.end = end
            return e
        }
        if mayBePower(after: i), let (power, end) = writtenPower(after: i) {
            e.value = power(e.value)
            e.isPlainInteger = false
            e.end = end
            return e
        }
        if isWord(i + 1), adjacent(i + 1) {
            let suffix = gram(i + 1)
            if plain, word(NumberWords.ordinalSuffixes, i + 1) {
                e.isOrdinal = true
                e.isPlainInteger = false
                e.end = i + 2
                return e
            }
            if let scale = word(NumberWords.gluedScales, i + 1), !(suffix == .g && !(value < 1)) {
                e.value *= scale
                e.scale = scale
                e.isPlainInteger = false
                e.end = i + 2
            } else if timeUnit(i + 1) == nil, currency(at: i + 1) == nil, !has(i + 1, .percent) || phrase(vocabulary.percentTable, at: i + 1) == nil,
                !isGluedUnitWord(i + 1)
            {
                e.isGlued = true
                return e
            }
        }
        if e.end == i + 1, plain, i + 1 < tokenCount, adjacent(i + 1), let f = word(NumberWords.vulgarFractions, i + 1) {
            e.value += f
            e.isPlainInteger = false
            e.end = i + 2
        }
        // "2 1/4": a whole number and a fraction.
        if e.end == i + 1, plain, isNumber(i + 1), tokens[i + 1].spaceBefore, isPunct(i + 2, .slash), adjacent(i + 2), isNumber(i + 3), adjacent(i + 3),
            !(isPunct(i + 4, .slash) && adjacent(i + 4)), let (a, ap) = parsed(i + 1), let (b, bp) = parsed(i + 3),
            ap, bp, a > 0, a < b, b <= 16
        {
            e.value += a / b
            e.isPlainInteger = false
            e.end = i + 4
            return e
        }
        // "1/5": a fraction, unless it is part of a date such as "6/2/2025".
        if e.end == i + 1, plain, isPunct(i + 1, .slash), adjacent(i + 1), isNumber(i + 2), adjacent(i + 2),
            !(isPunct(i + 3, .slash) && adjacent(i + 3)), !(isPunct(i - 1, .slash) && adjacent(i)), let (den, denPlain) = parsed(i + 2),
            denPlain, den > 0, value < den
        {
            e.value = value / den
            e.isFraction = true
            e.isPlainInteger = false
            e.end = i + 3
            return e
        }
        // "1 point 1"
        if e.end == i + 1, plain, gram(i + 1) == .point, let fraction = decimalFraction(i + 2)
        {
            e.value += fraction
            e.isPlainInteger = false
            e.end = i + 3
        }
        // "3 hundred and 21", "6 crore and two hundred": digits inside a worded number.
        if e.end == i + 1, plain, e.value < 1000, word(NumberWords.scales, i + 1) != nil || word(NumberWords.dozens, i + 1),
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
            if let s = word(NumberWords.scales, end), s >= 1000, s < e.scale {
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
        while e.end < tokenCount {
            let j = e.end
            guard isWord(j) else { return }
            let w = facts[j].gram
            var factor: Double
            // Scale and dozen words are all number words; "M", "K"/"k" and "G" follow digits ("BN" is a scale).
            if has(j, .numberWord), word(NumberWords.dozens, j) {
                factor = 12
            } else if has(j, .numberWord), let s = word(NumberWords.scales, j) {
                factor = s
            } else if e.isDigits, w == .k {
                factor = 1e3
            } else if e.isDigits, w == .m, info[j].lead == UInt8(ascii: "M") {
                factor = 1e6
            } else if e.isDigits, w == .g, info[j].lead == UInt8(ascii: "G") {
                factor = 1e9
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
    func applyEcho(_ e: inout NumberExpr) {
        guard isPunct(e.end, .openParen), let inner = number(at: e.end + 1), inner.value == e.value, isPunct(inner.end, .closeParen) else { return }
        e.end = inner.end + 1
    }

    /// "and a half", "and half", "and a quarter", "and three quarters" after a whole number.
    func andFraction(at j: Int) -> (Double, Int)? {
        guard gram(j) == .and else { return nil }
        var k = j + 1
        var numerator = 1.0
        if gram(k) == .a || gram(k) == .an || gram(k) == .one {
            k += 1
        } else if let v = word(NumberWords.small, k), v > 1, v < 10 {
            numerator = v
            k += 1
        }
        // "and fifty-four hundredths": a worded numerator of two or more words, below its denominator.
        if numerator == 1, k == j + 1, has(k, .dayWord), let n = cardinal(at: k), n.isFraction, n.value < 1, n.end > k + 2 {
            return (n.value, n.end)
        }
        let w = gram(k)
        if w == .half || w == .halves { return numerator == 1 ? (0.5, k + 1) : nil }
        if let den = word(NumberWords.denominators, k) ?? word(NumberWords.pluralDenominators, k), w != .second {
            return (numerator / den, k + 1)
        }
        return nil
    }

    /// A caret, "x" or "×" (first byte 0xC3) touches the figure at `i`: one byte rules out a power
    /// after every other figure (inlined into `digits`).
    @inline(__always) private func mayBePower(after i: Int) -> Bool {
        guard adjacent(i + 1) else { return false }
        let lead = info[i + 1].lead
        return lead == UInt8(ascii: "^") || lead | 0x20 == UInt8(ascii: "x") || lead == 0xC3
    }

    /// A power written out after the figure at `i`: "1.1^23", "2.5^-1", "1.3x10^6", "6.23×10^-4". The
    /// operation to apply to the figure and the token past the power; nil when none is written there.
    private func writtenPower(after i: Int) -> ((Double) -> Double, Int)? {
        if info[i + 1].lead == UInt8(ascii: "^"), let (n, end) = caretExponent(at: i + 1) {
            return ({ ScanContext.raise($0, to: n) }, end)
        }
        // "x10^6": times ten to a power, the "x" a letter or the sign.
        guard lower(i + 1) == "x" || tokens[i + 1].text == "\u{00D7}", integer(i + 2) == 10, adjacent(i + 2), let (n, end) = caretExponent(at: i + 3) else { return nil }
        return ({ Double("\($0)e\(n)") ?? $0 * ScanContext.raise(10, to: n) }, end)
    }

    /// "^23", "^-1", "^+23", "^--23" touching the figure (token `j` is the caret): the exponent and the
    /// token past it. Not the start of a longer code ("^23b").
    private func caretExponent(at j: Int) -> (Int, Int)? {
        guard j < tokenCount, adjacent(j), tokens[j].text == "^" else { return nil }
        var k = j + 1
        var sign = 1
        while k < j + 3, isPunct(k, .plus) || isPunct(k, .hyphen), adjacent(k) {
            if isPunct(k, .hyphen) { sign = -sign }
            k += 1
        }
        guard isNumber(k), adjacent(k), let n = integer(k), n <= 300 else { return nil }
        if k + 1 < tokenCount, adjacent(k + 1), facts[k + 1].kind != .punct { return nil }
        return (sign * n, k + 1)
    }

    /// `base` to the integer power `n`, by squaring.
    static func raise(_ base: Double, to n: Int) -> Double {
        var result = 1.0
        var b = base
        var k = n.magnitude
        while k > 0 {
            if k & 1 == 1 { result *= b }
            b *= b
            k >>= 1
        }
        return n < 0 ? 1 / result : result
    }

    /// "e10", "e+14", "e-1" glued after digits: the exponent and the token past it.
    private func exponent(at j: Int) -> (Int, Int)? {
        guard tokens[j].text == "e" || tokens[j].text == "E" else { return nil }
        var k = j + 1
        var sign = 1
        if isPunct(k, .plus) || isPunct(k, .hyphen), adjacent(k) {
            sign = isPunct(k, .hyphen) ? -1 : 1
            k += 1
        }
        guard isNumber(k), adjacent(k), let (value, plain) = parsed(k), plain, value <= 300 else { return nil }
        // Not the start of a longer code ("1e10x").
        if k + 1 < tokenCount, adjacent(k + 1), facts[k + 1].kind != .punct { return nil }
        return (sign * Int(value), k + 1)
    }
}
