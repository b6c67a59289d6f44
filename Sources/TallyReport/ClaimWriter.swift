import TallyCore

/// Output formats of `tally extract`.
public enum ClaimFormat: String, Sendable, CaseIterable {
    case jsonl, json, csv
}

/// Writes claims as JSON Lines, a JSON array or CSV, with every contract field in contract order
/// (`../shared/CONTRACT.md`, `tally extract`), nulls included.
public enum ClaimWriter {
    /// The contract's claim fields, in order: the JSON keys and the CSV header.
    public static let fields = [
        "doc", "kind", "value", "low", "high", "qualifier", "unit", "scope", "subject", "event", "speaker",
        "quote", "start", "end", "sentence", "rule", "story",
    ]

    public static func render(_ claims: [Claim], format: ClaimFormat) -> String {
        var out = ""
        write(claims, format: format, to: &out)
        return out
    }

    /// Writes all of `claims` to `stream`, from the header to the closing bracket.
    public static func write<S: Sequence, Out: TextOutputStream>(_ claims: S, format: ClaimFormat, to stream: inout Out)
    where S.Element == Claim {
        var writer = ClaimStreamWriter(format: format)
        for claim in claims { writer.append(claim, to: &stream) }
        writer.finish(to: &stream)
    }

    /// One claim as the format writes it, without separators: a JSON object or a CSV record.
    public static func record(_ claim: Claim, format: ClaimFormat) -> String {
        format == .csv ? csvRecord(claim) : jsonObject(claim)
    }

    /// One claim as a JSON object on one line (no trailing newline).
    ///
    /// Written straight into the String's memory in two passes over the claim: the first measures it
    /// (and scans each string once for escapes), the second copies plain strings whole.
    public static func jsonObject(_ claim: Claim) -> String {
        var measure = JSONMeasure()
        writeObject(claim, to: &measure)
        return JSONWriter.text(measure) { writeObject(claim, to: &$0) }
    }

    /// The claim's JSON object, field by field in contract order.
    static func writeObject<Sink: JSONSink>(_ claim: Claim, to out: inout Sink) {
        out.literal("{\"doc\":")
        out.string(claim.doc)
        out.literal(",\"kind\":")
        out.string(claim.kind)
        out.figureFields(value: claim.value, low: claim.low, high: claim.high, qualifier: claim.qualifier)
        out.literal(",\"unit\":")
        out.optionalString(claim.unit)
        out.literal(",\"scope\":")
        if let scope = claim.scope {
            out.literal("\"")
            out.raw(scope.rawValue)
            out.literal("\"")
        } else {
            out.literal("null")
        }
        out.literal(",\"subject\":")
        out.optionalString(claim.subject)
        out.literal(",\"event\":")
        out.optionalString(claim.event)
        out.literal(",\"speaker\":")
        out.optionalString(claim.speaker)
        out.literal(",\"quote\":")
        out.string(claim.quote)
        out.literal(",\"start\":")
        out.int(claim.start)
        out.literal(",\"end\":")
        out.int(claim.end)
        out.literal(",\"sentence\":")
        out.string(claim.sentence)
        out.literal(",\"rule\":")
        out.string(claim.rule)
        out.literal(",\"story\":")
        if let story = claim.story {
            out.literal("[")
            for index in story.indices {
                if index > 0 { out.literal(",") }
                out.string(story[index])
            }
            out.literal("]")
        } else {
            out.literal("null")
        }
        out.literal("}")
    }

    /// One claim as a CSV record (no line terminator).
    public static func csvRecord(_ claim: Claim) -> String {
        let values: [String] = [
            claim.doc, claim.kind, csvFigure(claim.value), csvFigure(claim.low), csvFigure(claim.high),
            claim.qualifier.rawValue, claim.unit ?? "", claim.scope?.rawValue ?? "", claim.subject ?? "",
            claim.event ?? "", claim.speaker ?? "", claim.quote, String(claim.start), String(claim.end),
            claim.sentence, claim.rule, claim.story?.joined(separator: " ") ?? "",
        ]
        var out = ""
        out.reserveCapacity(256 + claim.sentence.utf8.count + claim.quote.utf8.count)
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            out += csvField(value)
        }
        return out
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func csvField(_ text: String) -> String {
        var needsQuotes = false
        for byte in text.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return text }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func csvFigure(_ figure: Figure?) -> String {
        guard let figure else { return "" }
        switch figure {
        case .date(let date): return date.iso
        case .number(let n): return JSONText.number(n) ?? ""
        }
    }
}

/// Writes claims one at a time, for runs too large to hold in memory: `append` each claim, then
/// `finish` once (which also writes the header or brackets of an empty output).
public struct ClaimStreamWriter: Sendable {
    public let format: ClaimFormat
    @usableFromInline var count = 0

    public init(format: ClaimFormat) { self.format = format }

    public mutating func append<Out: TextOutputStream>(_ claim: Claim, to stream: inout Out) {
        append(record: ClaimWriter.record(claim, format: format), to: &stream)
    }

    /// Appends a claim already rendered with `ClaimWriter.record(_:format:)` (on a worker thread, say).
    /// Inlinable, so it is specialised for the caller's stream (a String): through the generic
    /// `TextOutputStream` each write cost hundreds of instructions.
    @inlinable
    public mutating func append<Out: TextOutputStream>(record: String, to stream: inout Out) {
        switch format {
        case .jsonl:
            stream.write(record)
            stream.write("\n")
        case .json:
            stream.write(count == 0 ? "[\n  " : ",\n  ")
            stream.write(record)
        case .csv:
            if count == 0 { stream.write(ClaimWriter.fields.joined(separator: ",") + "\r\n") }
            stream.write(record)
            stream.write("\r\n")
        }
        count += 1
    }

    @inlinable
    public mutating func finish<Out: TextOutputStream>(to stream: inout Out) {
        switch format {
        case .jsonl: break
        case .json: stream.write(count == 0 ? "[]\n" : "\n]\n")
        case .csv: if count == 0 { stream.write(ClaimWriter.fields.joined(separator: ",") + "\r\n") }
        }
        count = -1
    }
}
