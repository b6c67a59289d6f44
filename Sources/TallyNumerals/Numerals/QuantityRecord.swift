import TallyCore

/// One line of `tally quantities --format jsonl` (`docs/contract.md`): every field is
/// written, `null` included, in contract order.
public struct QuantityRecord: Sendable, Hashable, Codable {
    public var doc: String
    /// The surface span, exactly as in the source text.
    public var text: String
    public var start: Int
    public var end: Int
    public var value: Figure?
    public var low: Figure?
    public var high: Figure?
    public var qualifier: Qualifier
    public var unit: String?
    public var kind: QuantityKind
    /// `up`, `down` or nil (an addition to the contract, after `kind`).
    public var change: Change?
    /// The level the figure moved from, where stated (after `change`).
    public var from: Figure?
    /// For a date made a bound ("since 2010"), the side of it meant (after `from`; `Quantity.bound`).
    public var bound: Qualifier?
    /// For a duration the calendar places ("the past three days"), the first and last day it covers, as ISO
    /// dates (after `bound`; `Quantity.window`).
    public var windowStart: String?
    public var windowEnd: String?

    public init(doc: String, quantity q: Quantity, in analysis: TextAnalysis) {
        self.doc = doc
        self.text = analysis.slice(q.start, q.end)
        self.start = q.start
        self.end = q.end
        self.value = q.value
        self.low = q.low
        self.high = q.high
        self.qualifier = q.qualifier
        self.unit = q.unit
        self.kind = q.kind
        self.change = q.change
        self.from = q.from
        self.bound = q.bound
        self.windowStart = q.window?.lowerBound.iso
        self.windowEnd = q.window?.upperBound.iso
    }

    enum CodingKeys: String, CodingKey {
        case doc, text, start, end, value, low, high, qualifier, unit, kind, change, from, bound
        case windowStart = "window_start", windowEnd = "window_end"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doc = try c.decode(String.self, forKey: .doc)
        text = try c.decode(String.self, forKey: .text)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        value = try c.decodeIfPresent(Figure.self, forKey: .value)
        low = try c.decodeIfPresent(Figure.self, forKey: .low)
        high = try c.decodeIfPresent(Figure.self, forKey: .high)
        qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        kind = try c.decode(QuantityKind.self, forKey: .kind)
        // Records written before the change fields lack them.
        change = try c.decodeIfPresent(Change.self, forKey: .change)
        from = try c.decodeIfPresent(Figure.self, forKey: .from)
        bound = try c.decodeIfPresent(Qualifier.self, forKey: .bound)
        windowStart = try c.decodeIfPresent(String.self, forKey: .windowStart)
        windowEnd = try c.decodeIfPresent(String.self, forKey: .windowEnd)
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeFields([
            (CodingKeys.doc, doc), (.text, text), (.start, start), (.end, end), (.value, value), (.low, low), (.high, high),
            (.qualifier, qualifier), (.unit, unit), (.kind, kind), (.change, change?.rawValue), (.from, from), (.bound, bound?.rawValue),
            (.windowStart, windowStart), (.windowEnd, windowEnd),
        ])
    }

    /// All quantities of one document as records, in text order.
    public static func records(doc: String, text: String, reference: CalendarDate?, scanner: NumeralScanner) -> [QuantityRecord] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: reference).map { QuantityRecord(doc: doc, quantity: $0, in: analysis) }
    }
}
