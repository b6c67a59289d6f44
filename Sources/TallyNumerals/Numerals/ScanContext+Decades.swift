import TallyCore

/// Decades and centuries: "the 1990s", "the '90s", "the 19th century", "the twenty-first century".
/// A decade written with two digits is the latest one begun by the reference ("the 90s" in 2019 is
/// the 1990s) and must say so with "the" or an apostrophe: "in their 90s" is an age.
extension ScanContext {
    /// Whether a decade or century may start at `i`: digits glued to a word ("1990s", "15th"), or a
    /// day word ("nineteenth", "twenty-first") followed by a word in c. Inlined into the caller, so
    /// the commonest mentions cost two tests.
    @inline(__always) func mayOpenDecadeOrCentury(_ i: Int) -> Bool {
        if isNumber(i) { return adjacent(i + 1) && isWord(i + 1) }
        return has(i, .dayWord) && (leadIs(UInt8(ascii: "c"), from: i + 1, to: i + 1) || leadIs(UInt8(ascii: "c"), from: i + 3, to: i + 3))
    }

    /// A decade or century at token `i`, as the span of its years (ask `mayOpenDecadeOrCentury` first).
    func decadeOrCentury(at i: Int) -> DateMatch? {
        if isNumber(i), adjacent(i + 1), info[i + 1].lead | 0x20 == UInt8(ascii: "s"), tokens[i + 1].lower == "s", let n = integer(i), n % 10 == 0 {
            // "1990s", not "1990sx".
            if adjacent(i + 2), facts[i + 2].kind != .punct { return nil }
            let digits = tokens[i].text.utf8.count
            if digits == 4, n >= 1000, n < 2200 {
                return DateMatch(start: i, end: i + 2, low: CalendarDate(year: n), high: CalendarDate(year: n + 9))
            }
            // Two digits are a decade only as "the 90s" or "'90s": "in their 90s" is an age.
            guard digits == 2, isPunct(i - 1, .apostrophe) || gram(i - 1) == .the else { return nil }
            guard let ref = reference else { return DateMatch(start: i, end: i + 2, low: nil, high: nil) }
            var year = ref.year - ref.year % 100 + n
            if year > ref.year { year -= 100 }
            return DateMatch(start: i, end: i + 2, low: CalendarDate(year: year), high: CalendarDate(year: year + 9))
        }
        // "century" ends the ordinal: one token on ("15th" is two, "twenty-first" three).
        guard !isNumber(i) || leadIs(UInt8(ascii: "c"), from: i + 2, to: i + 2), let e = number(at: i), e.isOrdinal, e.value >= 1, e.value <= 22, e.value == e.value.rounded(),
            tokens.indices.contains(e.end), tokens[e.end].lower == "century"
        else { return nil }
        let first = (Int(e.value) - 1) * 100
        return DateMatch(start: i, end: e.end + 1, low: CalendarDate(year: first), high: CalendarDate(year: first + 99))
    }

    /// Some token from `from` to `to` (within the text) is a word starting with `letter` (lowercase
    /// ASCII), in either case: a one-byte test per token that rules a matcher out cheaply.
    @inline(__always) private func leadIs(_ letter: UInt8, from: Int, to: Int) -> Bool {
        var k = from
        while k <= to, k < tokenCount {
            if info[k].lead | 0x20 == letter, facts[k].kind == .word { return true }
            k += 1
        }
        return false
    }
}
