/// Where JSON records are written: `JSONBytes` (a growing byte array), or the one pass that appends a
/// record to a `JSONBuffer` — `JSONSizeBound` gives room enough without reading the strings, then
/// `JSONWriter` escapes as it copies. A record writer is one generic function run with each.
public protocol JSONSink {
    /// Keys and punctuation, as they are.
    mutating func literal(_ literal: StaticString)
    /// Text known to need no escapes, as it is.
    mutating func raw(_ text: String)
    /// A JSON string literal, escaped.
    mutating func string(_ text: String)
    mutating func int(_ n: Int)
    /// A date as its ISO string (`"2025-06-02"`).
    mutating func date(_ date: CalendarDate)
}

extension JSONSink {
    /// A string literal, or `null`.
    @inlinable
    public mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { literal("null") }
    }

    /// A figure as the contract writes it (see `JSONText.figure`).
    @inlinable
    public mutating func figure(_ figure: Figure?) {
        switch figure {
        case .date(let date)?: self.date(date)
        case .number(let n)?:
            // Whole and below 9e15 (so exactly an Int): as an integer. Same test as `n == n.rounded()`
            // without the libm call; NaN and infinities fail `abs(n) < 9e15`.
            if abs(n) < 9e15, Double(Int(n)) == n { int(Int(n)) } else { raw(JSONText.number(n) ?? "null") }
        case nil: literal("null")
        }
    }

    /// `,"value":…,"low":…,"high":…,"qualifier":"…"`: the figure fields claims and quantities share.
    @inlinable
    public mutating func figureFields(value: Figure?, low: Figure?, high: Figure?, qualifier: Qualifier) {
        literal(",\"value\":")
        figure(value)
        literal(",\"low\":")
        figure(low)
        literal(",\"high\":")
        figure(high)
        literal(",\"qualifier\":\"")
        raw(qualifier.rawValue)
        literal("\"")
    }
}
