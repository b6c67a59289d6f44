import TallyCore

/// Number words: cardinals, articles ("a dozen"), halves and fractions, ordinals, vague plurals.
extension ScanContext {
    /// Number words: cardinals ("one hundred and six"), "a dozen", "half a million", fractions,
    /// ordinals ("second", "twenty-first") and vague plurals ("thousands").
    func words(at i: Int) -> NumberExpr? {
        guard has(i, .numberWord) else { return nil }
        let w = gram(i)
        if w == .minus || w == .negative, var e = number(at: i + 1), e.isCardinal, e.value > 0 {
            e.value = -e.value
            e.start = i
            e.isPlainInteger = false
            return e
        }
        if w == .a || w == .an { return article(at: i) }
        if w == .half { return half(at: i) }
        if w == .point, let v = decimalFraction(i + 1) {
            var e = NumberExpr(value: v, start: i, end: i + 2)
            applyScales(&e)
            return e
        }
        if w == .one, isPronoun(at: i) { return nil }
        if w == .hundred || w == .thousand || w == .million || w == .billion || w == .trillion,
            !(i > 0 && (isNumber(i - 1) || isCardinalWord(i - 1)))
        {
            var e = NumberExpr(value: word(NumberWords.scales, i)!, start: i, end: i + 1)
            e.scale = e.value
            applyScales(&e)
            return e
        }
        if w == .quarter, let s = word(NumberWords.scales, i + 1), s >= 1000 {
            var e = NumberExpr(value: 0.25 * s, start: i, end: i + 2)
            e.scale = s
            return e
        }
        if isCardinalWord(i) { return cardinal(at: i) }
        if let v = word(NumberWords.ordinals, i) {
            var e = NumberExpr(value: v, start: i, end: i + 1)
            e.isOrdinal = true
            return e
        }
        // "several", "several hundred", "several billion": an unstated figure of three to nine.
        if w == .several {
            // "several hundred thousand": every scale word that follows multiplies.
            var scale = 1.0
            var j = i + 1
            while let s = word(NumberWords.scales, j), s >= 100, !lower(j).hasSuffix("s") {
                scale *= s
                j += 1
            }
            // "several had been held": used as a pronoun before a verb, it counts nothing stated.
            if scale == 1, !isWord(j) || ScanContext.auxiliaries.contains(gram(j)) { return nil }
            var e = NumberExpr(value: 3 * scale, start: i, end: j)
            e.vague = (3 * scale, 9 * scale)
            return e
        }
        if w == .tens || w == .hundreds || w == .dozens, gram(i + 1) == .of,
            let big = word(NumberWords.vague, i + 2), gram(i + 2) != .dozens, gram(i + 2) != .hundreds
        {
            let factor = w == .tens ? 10.0 : (w == .hundreds ? 100.0 : 12.0)
            var e = NumberExpr(value: big.low * factor, start: i, end: i + 3)
            e.vague = (big.low * factor, big.low * factor * 10 - 1)
            return e
        }
        if let range = word(NumberWords.vague, i) {
            var e = NumberExpr(value: range.low, start: i, end: i + 1)
            e.vague = range
            return e
        }
        return nil
    }

    /// "several had been held": verbs after which "several" is a pronoun.
    static let auxiliaries = GrammarWordSet([.had, .have, .has, .were, .was, .are, .is_, .will, .would, .could, .did, .do_, .said, .say])
    /// Words before "one" that make it a pronoun.
    static let pronounDeterminers = GrammarWordSet([.the, .this, .that, .which, .each, .every, .any, .another, .no, .someone, .everyone])

    /// "the one", "which one", "no one", "one another", "the only one": a pronoun, not a number. "Only one"
    /// without a determiner before it counts ("only one passenger survived", "only one of the 242").
    private func isPronoun(at i: Int) -> Bool {
        let next = gram(i + 1)
        if next == .another || next == .possessive { return true }
        if word(NumberWords.scales, i + 1) != nil || isNumber(i + 1) { return false }
        guard i > 0 else { return false }
        if gram(i - 1) == .only { return i > 1 && ScanContext.pronounDeterminers.contains(gram(i - 2)) }
        return ScanContext.pronounDeterminers.contains(gram(i - 1))
    }

    /// "a hundred", "a dozen", "a couple of", "a few", "a fifth", "a half".
    private func article(at i: Int) -> NumberExpr? {
        let w = gram(i + 1)
        var e = NumberExpr(value: 1, start: i, end: i + 2)
        if w == .hundred || w == .thousand || w == .million || w == .billion || w == .trillion || w == .dozen {
            e.value = w == .dozen ? 12 : word(NumberWords.scales, i + 1)!
            e.scale = e.value
            if w == .dozen, gram(i + 2) == .of { e.end = i + 3 }
            applyScales(&e)
            return denominator(after: e) ?? e
        }
        if w == .couple || w == .pair {
            e.value = 2
            if gram(i + 2) == .of { e.end = i + 3 }
            return e
        }
        if w == .few {
            e.value = 3
            e.isApproximate = true
            return e
        }
        if w == .half {
            e.value = 0.5
            e.isFraction = true
            return fractionFollows(i + 2) ? e : nil
        }
        if let den = word(NumberWords.denominators, i + 1), w != .second, fractionFollows(i + 2) {
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
        let w = gram(j)
        return w == .of || w == .the || word(NumberWords.scales, j) != nil || timeUnit(j) != nil || w == .and || w == .or
    }

    /// "half a million", "half million", "half a dozen", "half of", "half".
    private func half(at i: Int) -> NumberExpr? {
        if let s = word(NumberWords.scales, i + 1), s >= 1000, !lower(i + 1).hasSuffix("s") {
            var e = NumberExpr(value: 0.5 * s, start: i, end: i + 2)
            e.scale = s
            return e
        }
        if gram(i + 1) == .a || gram(i + 1) == .an, let s = word(NumberWords.scales, i + 2), s >= 100 || gram(i + 2) == .dozen {
            var e = NumberExpr(value: 0.5 * s, start: i, end: i + 3)
            e.scale = s
            return e
        }
        if gram(i + 1) == .a, gram(i + 2) == .dozen { return NumberExpr(value: 6, start: i, end: i + 3) }
        // "more than half", "less than half": after a comparison "half" is a share whatever follows.
        guard fractionFollows(i + 1) || gram(i + 1) == .their || gram(i + 1) == .its || lower(i - 1) == "than" else { return nil }
        var e = NumberExpr(value: 0.5, start: i, end: i + 1)
        e.isFraction = true
        return e
    }

    private enum Last { case none, unit, teen, tens, hundred, big }

    /// Cardinal number words: "twenty-three", "one hundred and five", "three crore twelve lakh …",
    /// "two point two million", "one twenty two"; then fractions ("two-thirds") or "and a half".
    func cardinal(at i: Int) -> NumberExpr? {
        var total = 0.0
        var group = 0.0
        var lastBig = 0.0
        var last = Last.none
        var j = i
        var scale = 1.0
        loop: while j < tokenCount {
            let kind = facts[j].kind
            if kind == .punct {
                // "twenty-three": a hyphen only joins tens to a unit.
                if gram(j) == .hyphen, last == .tens, adjacent(j) == adjacent(j + 1), let v = word(NumberWords.small, j + 1), v > 0, v < 10 {
                    group += v
                    last = .unit
                    j += 2
                    continue
                }
                break
            }
            if kind == .number {
                guard let (v, plain) = parsed(j), plain, v < 1000 else { break }
                switch last {
                case .none: group = v
                case .hundred where v < 100: group += v
                case .big where word(NumberWords.scales, j + 1) != nil: group += v
                default: break loop
                }
                last = v < 10 ? .unit : (v < 20 ? .teen : .tens)
                j += 1
                continue
            }
            guard kind == .word else { break }
            let w = gram(j)
            if let v = word(NumberWords.small, j) {
                switch last {
                case .tens where v > 0 && v < 10: group += v
                case .none, .hundred, .big: group += v
                default: break loop
                }
                last = v < 10 ? .unit : .teen
            } else if let v = word(NumberWords.tens, j) {
                switch last {
                case .none, .hundred, .big: group += v
                case .unit where group > 0 && group < 10 && total == 0 && j == i + 1 && !isNumber(i)
                    && !(isPunct(j + 1, .hyphen) && (word(NumberWords.ordinals, j + 2) != nil || word(NumberWords.pluralDenominators, j + 2) != nil || gram(j + 2) == .firsts)):
                    group = group * 100 + v
                default: break loop
                }
                last = .tens
            } else if w == .hundred || w == .hundreds {
                guard last == .unit || last == .teen || last == .tens, group < 100 || (group < 1000 && j == i + 1 && isNumber(i)) else { break }
                group *= 100
                last = .hundred
            } else if let s = word(NumberWords.scales, j), s >= 1000 {
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
            } else if word(NumberWords.dozens, j) {
                guard last != .none else { break }
                group = (total + group) * 12
                total = 0
                last = .big
                lastBig = 12
            } else if w == .and, last == .hundred || last == .big, isCardinalWord(j + 1) || (last == .hundred && isNumber(j + 1)),
                !isDenominator(j + 2), !isDenominator(j + 3), !andOpensAnotherNumber(j + 1, afterHundred: last == .hundred, lastBig: lastBig)
            {
                j += 1
                continue
            } else if w == .point, last != .none, last != .big, let fraction = decimalWords(at: j + 1) {
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
        if last == .tens, isPunct(j, .hyphen), adjacent(j), adjacent(j + 1), let o = word(NumberWords.ordinals, j + 1), o < 10 {
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

    /// Whether the figure at `k`, after an "and", is a number of its own rather than the tail of the
    /// one before: zero ("4 thousand 3 hundred and 0"), or a figure with a scale the number already
    /// passed ("3 hundred and 2 hundred", "5 thousand and 2 million") is a second number; "two
    /// hundred and three thousand" (a larger scale, none passed yet) and "one thousand and two
    /// hundred" are one.
    private func andOpensAnotherNumber(_ k: Int, afterHundred: Bool, lastBig: Double) -> Bool {
        if let v = isNumber(k) ? parsed(k).flatMap({ $0.plain ? $0.value : nil }) : word(NumberWords.small, k), v == 0 { return true }
        // The scale word after the figure ("twenty-three thousand": past its hyphenated unit).
        var next = k + 1
        if isPunct(next, .hyphen), word(NumberWords.small, next + 1) != nil { next += 2 }
        let w = gram(next)
        if w == .hundred || w == .hundreds { return afterHundred }
        guard let s = word(NumberWords.scales, next), s >= 1000 else { return false }
        return lastBig > 0 && s >= lastBig
    }

    private func isDenominator(_ j: Int) -> Bool {
        let w = gram(j)
        return w != .second && (word(NumberWords.denominators, j) != nil || word(NumberWords.pluralDenominators, j) != nil)
    }

    /// "a quarter million", "two thirds of a million": a fraction of a scale.
    func applyFractionScale(_ e: inout NumberExpr) {
        var j = e.end
        if gram(j) == .of { j += gram(j + 1) == .a ? 2 : 1 }
        guard let s = word(NumberWords.scales, j), s >= 1000, !lower(j).hasSuffix("s") else { return }
        e.value *= s
        e.scale = s
        e.isFraction = false
        e.end = j + 1
    }

    /// Decimal digits after "point": "point two", "point 77".
    private func decimalWords(at j: Int) -> (value: Double, end: Int)? {
        if let v = decimalFraction(j) { return (v, j + 1) }
        var digits = "0."
        var k = j
        if let t = word(NumberWords.tens, k) {
            var v = t
            k += 1
            if isPunct(k, .hyphen), let u = word(NumberWords.small, k + 1), u > 0, u < 10 {
                v += u
                k += 2
            }
            return (v / 100, k)
        }
        if let t = word(NumberWords.small, k), t >= 10 { return (t / 100, k + 1) }
        while let v = word(NumberWords.small, k), v < 10 {
            digits += String(Int(v))
            k += 1
        }
        guard k > j, let v = Double(digits) else { return nil }
        return (v, k)
    }

    /// "two-thirds", "five eighths", "one quarter", "one twenty-fifth" after a cardinal numerator.
    private func denominator(after e: NumberExpr) -> NumberExpr? {
        guard e.value > 0, e.value == e.value.rounded() else { return nil }
        // A numerator with a scale takes only a larger scale's plural: "a hundred trillionths".
        if e.scale > 1 {
            guard let d = word(NumberWords.pluralDenominators, e.end), d >= 1e6, d > e.scale else { return nil }
            var f = NumberExpr(value: e.value / d, start: e.start, end: e.end + 1)
            f.isFraction = true
            return f
        }
        var j = e.end
        if isPunct(j, .hyphen), adjacent(j) == adjacent(j + 1) { j += 1 }
        let w = gram(j)
        var den: Double? = nil
        var end = j + 1
        if let d = word(NumberWords.pluralDenominators, j), e.value > 1 || w == .quarters {
            den = d
        } else if let d = word(NumberWords.denominators, j), w != .second, e.value == 1 || w == .quarter {
            den = d
        } else if let t = word(NumberWords.tens, j), isPunct(j + 1, .hyphen), adjacent(j + 1),
            let o = e.value == 1 ? word(NumberWords.ordinals, j + 2) : word(NumberWords.pluralDenominators, j + 2) ?? (gram(j + 2) == .firsts ? 1 : nil),
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
