import TallyCore
import TallyMemory

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

/// A number token's digits, parsed once per scan.
struct NumberValue {
    /// The value, nil for "192.168.1.2" (more than one decimal point).
    var value: Double?
    /// Digits only: no separators or decimals.
    var plain: Bool
    /// The digits as an integer, when `plain` and it fits in an `Int` (what `Int(text)` gives).
    var int: Int?

    static let none = NumberValue(value: nil, plain: false, int: nil)

    private init(value: Double?, plain: Bool, int: Int?) {
        self.value = value
        self.plain = plain
        self.int = int
    }

    /// Exact powers of ten as doubles.
    static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { p, _ in p * 10 } }

    /// Same results as `parseDigitText(text)` and `Int(text)`: up to 15 digits the value is one
    /// exact integer divided by an exact power of ten (correctly rounded, as `Double(String)` is).
    init(_ text: String) {
        self = text.withBytes { NumberValue(utf8: $0, text: text) }
    }

    /// `init(_:)` over the text's UTF-8 bytes.
    private init(utf8: ByteView, text: String) {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var dots = 0
        var plain = true
        var int = 0
        var intFits = true
        for b in utf8 {
            if b >= 0x30 && b <= 0x39 {
                let d = UInt64(b - 0x30)
                if digits < 19 { mantissa = mantissa &* 10 &+ d }
                digits += 1
                if dots > 0 { fraction += 1 }
                if intFits {
                    let (m, o1) = int.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int(d))
                    if o1 || o2 { intFits = false } else { int = a }
                }
            } else if b == 0x2E {
                dots += 1
                plain = false
            } else {
                plain = false
            }
        }
        self.plain = plain
        self.int = plain && intFits ? int : nil
        if dots > 1 {
            value = nil
        } else if digits <= 15 {
            value = Double(mantissa) / NumberValue.powers[fraction]
        } else {
            value = parseDigitText(text)?.value
        }
    }

    /// "0." followed by the digits of `text` (plain digits): "point 77".
    static func fraction(_ text: String) -> Double? {
        let count = text.utf8.count
        guard count <= 15 else { return Double("0." + text) }
        var mantissa: UInt64 = 0
        for b in text.utf8 { mantissa = mantissa * 10 + UInt64(b - 0x30) }
        return Double(mantissa) / powers[count]
    }
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
