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
        line.literal("\",\"change\":")
        line.optionalString(record.change?.rawValue)
        line.literal(",\"from\":")
        line.figure(record.from)
        line.literal(",\"bound\":")
        line.optionalString(record.bound?.rawValue)
        line.literal(",\"window_start\":")
        line.optionalString(record.windowStart)
        line.literal(",\"window_end\":")
        line.optionalString(record.windowEnd)
        line.literal("}\n")
    }

    /// The CSV header line (`tally quantities --format csv`): the JSON Lines keys, in the same order.
    public static let csvHeader = "doc,text,start,end,value,low,high,qualifier,unit,kind,change,from,bound,window_start,window_end\r\n"

    /// Appends the record as a CSV record and its "\r\n" (RFC 4180; null as an empty cell; article
    /// text that a spreadsheet would read as a formula gets a leading `'`, as in claims CSV).
    public static func csvRecord(_ record: QuantityRecord, to out: JSONBuffer) {
        var bytes: [UInt8] = []
        func cell(_ text: String, last: Bool = false) {
            ClaimWriter.appendCSVField(text, to: &bytes)
            if !last { bytes.append(0x2C) }
        }
        cell(ClaimWriter.csvText(record.doc))
        cell(ClaimWriter.csvText(record.text))
        cell(String(record.start))
        cell(String(record.end))
        cell(ClaimWriter.csvFigure(record.value))
        cell(ClaimWriter.csvFigure(record.low))
        cell(ClaimWriter.csvFigure(record.high))
        cell(record.qualifier.rawValue)
        cell(record.unit ?? "")
        cell(record.kind.rawValue)
        cell(record.change?.rawValue ?? "")
        cell(ClaimWriter.csvFigure(record.from))
        cell(record.bound?.rawValue ?? "")
        cell(record.windowStart ?? "")
        cell(record.windowEnd ?? "", last: true)
        bytes.append(0x0D)
        bytes.append(0x0A)
        out.append(bytes)
    }
}

/// `tally quantities --format`: JSON Lines (the default) or CSV.
public enum QuantityFormat: String, Sendable, CaseIterable {
    case jsonl, csv
}
