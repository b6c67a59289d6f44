/// The kinds of number mention the numerals layer recognises (`tally quantities`).
public enum QuantityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case number, range, duration, date, money, percent
    case perSide = "per_side"
    /// An age ("aged 18 to 25", "a 90-year-old", "under 25"): a number mention that is never a count.
    case age
    /// A figure in a unit of measure ("512GB", "7 kW", "120 km/h", "40 tonnes"): never a count.
    case measure
}

/// One number mention in a text, claim or not: what the numerals layer understood.
///
/// `start`/`end` are Unicode-scalar offsets into the analysed text; `tokens` is the half-open range
/// of token indices the mention covers, qualifier words included.
public struct Quantity: Sendable, Hashable {
    public var kind: QuantityKind
    public var start: Int
    public var end: Int
    public var tokens: Range<Int>
    /// The figure as stated; `nil` for a range.
    public var value: Figure?
    /// The interval the text asserts; `nil` on an open side ("at least 1,000" has no `high`).
    public var low: Figure?
    public var high: Figure?
    public var qualifier: Qualifier
    /// `minutes`, `days`, `USD`, `percent`… or `nil` for a bare number.
    public var unit: String?
    /// True for vague quantities such as "thousands" or "dozens".
    public var isVague: Bool
    /// The direction the text says the figure moved in ("rose 1.3 percent", "down 12 cents"), if any.
    public var change: Change?
    /// The level it moved from, where stated ("slid from $41,200 to $39,870": 41,200 on the second figure).
    public var from: Figure?
    /// For a date the text makes a bound, the side of it meant: "since 2010" `atLeast`, "after Feb
    /// 2018" `moreThan`, "before 2019" `lessThan`, "no later than January 1" `atMost`; nil for the
    /// date itself. The date keeps its span and qualifier (a claim still states 2010).
    public var bound: Qualifier?
    /// For a duration the calendar places, the days it covers: a window counted from the
    /// publication date ("the past two weeks": the 14 days before it; "the next 3 days": the three
    /// after it), the day a span reaches from a date ("2 weeks before May 13, 1999": April 29), or
    /// after "for" the days it runs from one ("for 3 days from Monday"). The duration keeps its
    /// value and unit; nil for everything else.
    public var window: ClosedRange<CalendarDate>?

    public init(
        kind: QuantityKind, start: Int, end: Int, tokens: Range<Int>, value: Figure?, low: Figure?, high: Figure?,
        qualifier: Qualifier, unit: String? = nil, isVague: Bool = false, change: Change? = nil, from: Figure? = nil,
        bound: Qualifier? = nil, window: ClosedRange<CalendarDate>? = nil
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.tokens = tokens
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.unit = unit
        self.isVague = isVague
        self.change = change
        self.from = from
        self.bound = bound
        self.window = window
    }
}

/// Which way a figure moved, as the text states it ("rose", "fell", "up", "down").
public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
    case up, down
}
