import TallyCore
import TallyNumerals

/// Writes `tally quantities` records as JSON Lines by hand (contract order, nulls written), as
/// `ClaimWriter` does for claims: in one pass each, straight into bytes.
public enum QuantityWriter {
    /// Appends the record's line to `out`.
    public static func jsonLine(_ record: QuantityRecord, to out: JSONBuffer) {
        var bound = JSONSizeBound()
        writeLine(record, to: &bound)
        out.append(bound: bound) { writeLine(record, to: &$0) }
    }

    /// The record's JSON object and its line break.
    static func writeLine<Sink: JSONSink>(_ record: QuantityRecord, to line: inout Sink) {
        line.literal("{\"doc\":")
        line.string(record.doc)
        line.literal(",\"text\":")
        line.string(record.text)
        line.literal(",\"start\":")
        line.int(record.start)
        line.literal(",\"end\":")
        line.int(record.end)
        line.figureFields(value: record.value, low: record.low, high: record.high, qualifier: record.qualifier)
        line.literal(",\"unit\":")
        line.optionalString(record.unit)
        line.literal(",\"kind\":\"")
        line.raw(record.kind.rawValue)
        line.literal("\"}\n")
    }
}
