import TallyCore

/// A number expression found at some token: "1,000", "twenty-three", "3bn", "half a million".
struct NumberExpr {
    var value: Double
    /// Half-open token range.
    var start: Int
    var end: Int
    /// Written with digits (as opposed to words).
    var isDigits = false
    /// One digit token with no separators, decimals or scale: "2022", "16" (year and day candidates).
    var isPlainInteger = false
    var isOrdinal = false
    var isFraction = false
    /// A scale word or suffix multiplied the figure ("million", "bn").
    var scale: Double = 1
    /// "a few": a figure the text does not pin down.
    var isApproximate = false
    /// A vague plural ("thousands"): the interval it asserts.
    var vague: (low: Double, high: Double)? = nil
    /// Digits glued to letters that are no known suffix ("180ml", "5G"): not a quantity on its own.
    var isGlued = false

    init(value: Double, start: Int, end: Int) {
        self.value = value
        self.start = start
        self.end = end
    }

    /// A plain count or measure figure (not an ordinal, vague or glued).
    var isCardinal: Bool { !isOrdinal && vague == nil && !isGlued }
}

/// Parses the digit text of a number token ("1,000", "2.5", "1 000"); nil for "192.168.1.2".
func parseDigitText(_ text: String) -> (value: Double, plain: Bool)? {
    var digits: [UInt8] = []
    digits.reserveCapacity(text.utf8.count)
    var dots = 0
    var plain = true
    for b in text.utf8 {
        switch b {
        case 0x30...0x39: digits.append(b)
        case 0x2E:
            dots += 1
            plain = false
            digits.append(b)
        default: plain = false  // "," or a grouping space
        }
    }
    guard dots <= 1, let value = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
    return (value, plain)
}
