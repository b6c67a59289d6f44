import TallyMemory
import TallyCore

/// Output formats of `tally extract`.
public enum ClaimFormat: String, Sendable, CaseIterable {
    case jsonl, json, csv
}

/// Writes claims as JSON Lines, a JSON array or CSV, with every contract field in contract order
/// (`docs/contract.md`, `tally extract`), nulls included: the fields of `ClaimField`, in its order.
/// CSV rows end with two more cells, the claim's document's `outlet` and `title` (see `csvDocumentColumns`).
public enum ClaimWriter {
    /// - Parameter documents: the claims' documents, when at hand, for the CSV's `outlet` and `title`
    ///   (matched by id; a claim of a document not given has them empty).
    public static func render(_ claims: [Claim], format: ClaimFormat, documents: [Document] = [], excel: Bool = false) -> String {
        var out = ""
        write(claims, format: format, documents: documents, excel: excel, to: &out)
        return out
    }

    /// Writes all of `claims` to `stream`, from the header to the closing bracket.
    public static func write<S: Sequence, Out: TextOutputStream>(
        _ claims: S, format: ClaimFormat, documents: [Document] = [], excel: Bool = false, to stream: inout Out
    ) where S.Element == Claim {
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var writer = ClaimStreamWriter(format: format, excel: excel)
        for claim in claims { writer.append(claim, of: byID[claim.doc], to: &stream) }
        writer.finish(to: &stream)
    }

    /// Appends `claims` as `format`'s records, each with its separator, to `out`: a JSON Lines record
    /// ends in "\n", a CSV record in "\r\n", and a JSON array element starts with ",\n  " (the first of
    /// the output becomes "[\n  " in `ClaimStreamWriter`, which also writes the header and the brackets).
    ///
    /// One pass per claim straight into bytes, on the worker threads of a batch; `ClaimStreamWriter.append(records:to:)`
    /// then only copies them. `document`, the claims' document, fills the CSV's `outlet` and `title`.
    public static func record(_ claims: [Claim], of document: Document? = nil, format: ClaimFormat, to out: JSONBuffer) {
        if format == .csv {
            var bytes: [UInt8] = []
            for claim in claims { appendCSVRecord(claim, of: document, to: &bytes) }
            out.append(bytes)
            return
        }
        for claim in claims {
            var bound = JSONSizeBound()
            writeRecord(claim, format: format, to: &bound)
            out.append(bound: bound) { writeRecord(claim, format: format, to: &$0) }
        }
    }

    /// One claim as a JSON object on one line (no trailing newline).
    public static func jsonObject(_ claim: Claim) -> String {
        var bound = JSONSizeBound()
        writeObject(claim, to: &bound)
        let out = JSONBuffer(capacity: bound.count)
        out.append(bound: bound) { writeObject(claim, to: &$0) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A JSON Lines record or a JSON array element: the object with its separator.
    @inline(__always)
    static func writeRecord<Sink: JSONSink>(_ claim: Claim, format: ClaimFormat, to out: inout Sink) {
        if format == .json { out.literal(",\n  ") }
        writeObject(claim, to: &out)
        if format == .jsonl { out.literal("\n") }
    }

    /// The claim's JSON object, field by field in table order.
    @inline(__always)
    static func writeObject<Sink: JSONSink>(_ claim: Claim, to out: inout Sink) {
        var object = JSONClaimObject(out: out)
        claim.visitFields(&object)
        out = object.out
        out.literal("}")
    }

    /// One claim as a CSV record (no line terminator).
    public static func csvRecord(_ claim: Claim, of document: Document? = nil) -> String {
        var bytes: [UInt8] = []
        appendCSVRecord(claim, of: document, to: &bytes)
        return String(decoding: bytes.dropLast(2), as: UTF8.self)
    }

    /// Appends one claim as a CSV record and its "\r\n": a cell per field in table order, null as an
    /// empty cell, then its document's `csvDocumentColumns` (empty without a document).
    public static func appendCSVRecord(_ claim: Claim, of document: Document? = nil, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + 256 + claim.sentence.utf8.count + claim.quote.utf8.count)
        for (index, (_, value)) in claim.fieldValues.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            let cell: String
            switch value {
            case .text(let text), .keyword(let text): cell = csvText(text ?? "")
            case .figure(let figure): cell = csvFigure(figure)
            case .integer(let n): cell = n.map(String.init) ?? ""
            case .words(let words): cell = csvText(words?.joined(separator: " ") ?? "")
            }
            appendCSVField(cell, to: &bytes)
        }
        for text in [document?.outlet, document?.title] {
            bytes.append(0x2C)
            appendCSVField(csvText(text ?? ""), to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func csvField(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCSVField(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a CSV field (see `csvField`).
    static func appendCSVField(_ text: String, to bytes: inout [UInt8]) {
        text.withBytes { source in
            guard source.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                source.append(0..<source.count, to: &bytes)
                return
            }
            bytes.append(0x22)
            for byte in source {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    /// Article text for a CSV cell: one that a spreadsheet would read as a formula (starting `=`, `+`,
    /// `-`, `@`, or a tab or carriage return before one) gets a leading `'`, so `=HYPERLINK(…)` from an
    /// article stays text. Figures and integers are tally's own numbers and keep their sign.
    public static func csvText(_ text: String) -> String {
        guard let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return text }
        return "'" + text
    }

    static func csvFigure(_ figure: Figure?) -> String {
        guard let figure else { return "" }
        switch figure {
        case .date(let date): return date.iso
        case .number(let n): return JSONText.number(n) ?? ""
        }
    }
}

/// Writes claims one at a time, for runs too large to hold in memory: `append` each claim (or the
/// bytes `ClaimWriter.record(_:format:to:)` made of some), then `finish` once (which also writes the
/// header or brackets of an empty output).
public struct ClaimStreamWriter: Sendable {
    public let format: ClaimFormat
    /// CSV for Excel (`--excel`): the output starts with `ExcelCSV.byteOrderMark`.
    public let excel: Bool
    /// Whether any record was written yet.
    var started = false

    public init(format: ClaimFormat, excel: Bool = false) {
        self.format = format
        self.excel = excel && format == .csv
    }

    public mutating func append<Out: TextOutputStream>(_ claim: Claim, of document: Document? = nil, to stream: inout Out) {
        let records = JSONBuffer()
        ClaimWriter.record([claim], of: document, format: format, to: records)
        var out: [UInt8] = []
        append(records: records.bytes, to: &out)
        stream.write(String(decoding: out, as: UTF8.self))
    }

    /// Appends records made by `ClaimWriter.record(_:format:to:)` in this writer's format (on a worker
    /// thread, say), with the header before the first CSV record and the bracket before the first JSON one.
    public mutating func append(records: [UInt8], to out: inout [UInt8]) {
        guard !records.isEmpty else { return }
        switch format {
        case .jsonl:
            out.append(contentsOf: records)
        case .json:
            if started {
                out.append(contentsOf: records)
            } else {
                out.append(0x5B)  // "[" for the first element's ","
                out.append(contentsOf: records[1...])
            }
        case .csv:
            if !started { appendCSVHeader(to: &out) }
            out.append(contentsOf: records)
        }
        started = true
    }

    public mutating func finish<Out: TextOutputStream>(to stream: inout Out) {
        var out: [UInt8] = []
        finish(to: &out)
        stream.write(String(decoding: out, as: UTF8.self))
    }

    /// The end of the output: the closing bracket, or all there is of an empty one.
    public mutating func finish(to out: inout [UInt8]) {
        switch format {
        case .jsonl: break
        case .json: out.append(contentsOf: (started ? "\n]\n" : "[]\n").utf8)
        case .csv: if !started { appendCSVHeader(to: &out) }
        }
    }

    /// The start of a CSV output: the byte order mark for Excel, then the header line.
    private func appendCSVHeader(to out: inout [UInt8]) {
        if excel { out.append(contentsOf: ExcelCSV.byteOrderMark) }
        out.append(contentsOf: ClaimWriter.csvHeader.utf8)
    }
}

extension ClaimWriter {
    /// The columns a CSV row has after the claim's fields: its document's outlet and title, so a
    /// spreadsheet names the source without a join on `doc` (the JSON outputs leave that to the report's
    /// `documents`). Both are article text, formula-guarded like the claim's text cells.
    public static let csvDocumentColumns = ["outlet", "title"]

    /// The CSV header line: the field names in table order, then `csvDocumentColumns`.
    static let csvHeader = (ClaimField.allCases.map(\.name) + csvDocumentColumns).joined(separator: ",") + "\r\n"
}
