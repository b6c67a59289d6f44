import TallyCore
import TallyNumerals

/// Writes `tally quantities` records as JSON Lines by hand (contract order, nulls written), as
/// `ClaimWriter` does for claims: measured, then written straight into the line's String.
public enum QuantityWriter {
    public static func jsonLine(_ record: QuantityRecord, to out: inout String) {
        var measure = JSONMeasure()
        writeLine(record, to: &measure)
        out += JSONWriter.text(measure) { writeLine(record, to: &$0) }
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
