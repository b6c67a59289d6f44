import Foundation
import TallyCore

/// Output formats of `tally report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json, html
}

/// Renders a `Report` for people (terminal, Markdown) and machines (JSON, `docs/contract.md`).
///
/// Every rendering lists findings most severe first (conflict, framing, variance, agreement), then
/// by kind. The HTML page is `HTMLReport`, also reached here as `.html`.
public enum ReportRenderer {
    /// - Parameters:
    ///   - color: ANSI colour in the text rendering (pass whether stdout is a terminal).
    ///   - documents: the ingested documents, when at hand: their text places each quote exactly
    ///     in its sentence where the same words occur twice.
    ///   - filter: the findings to show (`--verdict`, `--kind`, `--top`); the header still counts them all.
    public static func render(
        _ report: Report, format: ReportFormat, color: Bool = false, documents: [Document] = [], filter: ReportFilter = .all
    ) -> String {
        let texts = DocumentTexts(documents)
        let shown = filter.apply(report)
        let selection = ReportSelection(whole: report, note: filter.note(shown: shown.findings.count, of: report.findings.count))
        switch format {
        case .text: return TextReport(color: color, texts: texts, selection: selection).render(shown)
        case .markdown: return MarkdownReport(texts: texts, selection: selection).render(shown)
        case .json: return json(shown)
        case .html: return HTMLReport.render(shown, documents: documents, selection: selection)
        }
    }

    /// The contract's JSON (version 1), pretty-printed with sorted keys so equal reports give equal bytes.
    ///
    /// Written finding by finding: one encoding of the whole report held every finding's claims as
    /// encoder values at once (twice the memory of the reduce that found them). The bytes are those of
    /// one `JSONEncoder` pass: the report without findings, then each finding encoded alone and indented
    /// into the findings array where the encoder would have put it.
    public static func json(_ report: Report) -> String { String(decoding: jsonBytes(report), as: UTF8.self) }

    /// `render(_:format:color:documents:filter:)` handed to `emit` as UTF-8 bytes: the JSON report piece by
    /// piece, as it is made (a report of a gigabyte of news runs to gigabytes), the others whole.
    public static func render(
        _ report: Report, format: ReportFormat, color: Bool = false, documents: [Document] = [], filter: ReportFilter = .all,
        emit: ([UInt8]) -> Bool
    ) {
        if format == .json { return json(filter.apply(report), emit: emit) }
        _ = emit(Array(render(report, format: format, color: color, documents: documents, filter: filter).utf8))
    }

    /// `json(_:)` as UTF-8 bytes.
    public static func jsonBytes(_ report: Report) -> [UInt8] {
        var out: [UInt8] = []
        json(report) { piece in
            out += piece
            return true
        }
        return out
    }

    /// `json(_:)` handed to `emit` piece by piece (the report without its findings is cut where they go,
    /// and each finding is a piece), so that a large report is written without being held whole; stops
    /// when `emit` returns false.
    public static func json(_ report: Report, emit: ([UInt8]) -> Bool) {
        json(report, emit: emit) { finding, out in try jsonFinding(finding, emit: out) }
    }

    /// `json(_:emit:)` with each finding's bytes made by `finding` (given the finding and where its bytes go),
    /// as `jsonFinding(_:emit:)` makes them: a reduce that wrote its findings away as it made them hands back
    /// their bytes, and the report holds only what orders them.
    public static func json(_ report: Report, emit: ([UInt8]) -> Bool, finding piece: (Finding, (_ bytes: [UInt8]) -> Void) throws -> Void) {
        withoutActuallyEscaping(emit) { emit in json(report, escapingEmit: emit, finding: piece) }
    }

    private static func json(_ report: Report, escapingEmit emit: @escaping ([UInt8]) -> Bool, finding piece: (Finding, (_ bytes: [UInt8]) -> Void) throws -> Void) {
        let encoder = jsonEncoder()
        do {
            // The report without documents or findings, cut where they go: each array's pieces are indented
            // into it where the encoder would have put them (documents a thousand at a time: encoding half a
            // million at once took gigabytes).
            var frame = report
            frame.findings = []
            frame.documents = []
            let outline = Array(try encoder.encode(frame))
            var cursor = 0
            /// Emits the outline up to the array `key` opens, `fill`'s pieces, and moves past the empty array;
            /// false once `emit` refused. No string holds a raw line break or an unescaped quote: the first
            /// match is the top-level key's empty array.
            func splice(_ key: String, _ fill: () throws -> Bool) throws -> Bool {
                let empty = Array("\n  \"\(key)\" : [\n\n  ]".utf8)
                guard let at = outline[cursor...].firstRange(of: empty) else { return true }
                guard emit(Array(outline[cursor..<(at.lowerBound + empty.count - 5)])), try fill() else { return false }
                cursor = at.upperBound - 4
                return true
            }
            if !report.documents.isEmpty {
                let documents = report.documents
                guard try splice("documents", {
                    for start in stride(from: 0, to: documents.count, by: 1024) {
                        let bytes = Array(try encoder.encode(Array(documents[start..<min(start + 1024, documents.count)])))
                        var out: [UInt8] = start == 0 ? [] : [0x2C]
                        // "[" … "\n]" dropped; the elements, two spaces deeper.
                        for byte in bytes[1..<(bytes.count - 2)] {
                            out.append(byte)
                            if byte == 0x0A { out += [0x20, 0x20] }
                        }
                        guard emit(out) else { return false }
                    }
                    return true
                }) else { return }
            }
            if !report.findings.isEmpty {
                guard try splice("findings", {
                    for (index, finding) in report.findings.inReportOrder().enumerated() {
                        var out: [UInt8] = index == 0 ? [0x0A] : [0x2C, 0x0A]
                        out += [0x20, 0x20, 0x20, 0x20]
                        var stopped = false
                        try piece(finding) { bytes in
                            guard !stopped else { return }
                            out += bytes
                            if out.count >= 1 << 20 {
                                stopped = !emit(out)
                                out.removeAll(keepingCapacity: true)
                            }
                        }
                        guard !stopped, emit(out) else { return false }
                    }
                    return true
                }) else { return }
            }
            _ = emit(outline[cursor...] + [0x0A])
        } catch {
            // Unreachable with the float strategy above; kept so a renderer never traps.
            _ = emit(Array(("{\"version\": 1, \"error\": " + JSONText.string("\(error)") + "}\n").utf8))
        }
    }

    /// The encoder of the JSON report: pretty-printed, sorted keys, infinities and NaN as strings.
    public static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// A finding's bytes in the JSON report (its encoding, every line after the first indented by four spaces,
    /// as it sits in the findings array), handed to `emit` a claim at a time: the finding without its claims
    /// is cut where they go and each claim encoded alone, so a finding citing a hundred thousand claims is
    /// never encoded whole. The bytes are those of encoding the whole finding.
    public static func jsonFinding(_ finding: Finding, encoder: JSONEncoder = jsonEncoder(), emit: ([UInt8]) -> Void) throws {
        func indented<Bytes: Sequence<UInt8>>(_ bytes: Bytes, by spaces: Int, into out: inout [UInt8]) {
            for byte in bytes {
                out.append(byte)
                if byte == 0x0A { out += repeatElement(0x20, count: spaces) }
            }
        }
        var frame = finding
        frame.claims = []
        let outline = Array(try encoder.encode(frame))
        // "claims" sorts first, and no string holds a raw line break: this is the finding's empty claims array.
        let empty = Array("\"claims\" : [\n\n  ]".utf8)
        var out: [UInt8] = []
        guard !finding.claims.isEmpty, let at = outline.firstRange(of: empty) else {
            indented(outline, by: 4, into: &out)
            return emit(out)
        }
        indented(outline[..<(at.lowerBound + empty.count - 5)], by: 4, into: &out)
        for (index, claim) in finding.claims.enumerated() {
            out += index == 0 ? [0x0A] : [0x2C, 0x0A]
            out += repeatElement(0x20, count: 8)
            if !FindingClaimJSON.write(claim, indent: 8, into: &out) { indented(Array(try encoder.encode(claim)), by: 8, into: &out) }
            if out.count >= 1 << 16 {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        indented(outline[(at.upperBound - 4)...], by: 4, into: &out)
        emit(out)
    }
}

/// What a filtered rendering says about the findings it leaves out: the whole report's counts for the
/// header, and the note saying what is shown.
struct ReportSelection {
    var whole: Report?
    var note: String?

    static let none = ReportSelection(whole: nil, note: nil)

    /// The report the header summarises: the whole one when filtered.
    func header(_ shown: Report) -> Report { whole ?? shown }
}
