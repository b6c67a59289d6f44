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
    }

    enum CodingKeys: String, CodingKey {
        case doc, text, start, end, value, low, high, qualifier, unit, kind
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeFields([
            (CodingKeys.doc, doc), (.text, text), (.start, start), (.end, end), (.value, value), (.low, low), (.high, high),
            (.qualifier, qualifier), (.unit, unit), (.kind, kind),
        ])
    }

    /// All quantities of one document as records, in text order.
    public static func records(doc: String, text: String, reference: CalendarDate?, scanner: NumeralScanner) -> [QuantityRecord] {
        let analysis = TextAnalysis(text: text)
        return scanner.scan(analysis, reference: reference).map { QuantityRecord(doc: doc, quantity: $0, in: analysis) }
    }
}
