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

    /// One claim as a JSON object on one line (no trailing newline).
    public static func jsonObject(_ claim: Claim) -> String {
        let values: [String] = [
            JSONText.string(claim.doc), JSONText.string(claim.kind), JSONText.figure(claim.value),
            JSONText.figure(claim.low), JSONText.figure(claim.high), JSONText.string(claim.qualifier.rawValue),
            JSONText.optional(claim.unit), JSONText.optional(claim.scope?.rawValue), JSONText.optional(claim.subject),
            JSONText.optional(claim.event), JSONText.optional(claim.speaker), JSONText.string(claim.quote),
            String(claim.start), String(claim.end), JSONText.string(claim.sentence), JSONText.string(claim.rule),
            claim.story.map { "[" + $0.map(JSONText.string).joined(separator: ",") + "]" } ?? "null",
        ]
        return "{" + zip(fields, values).map { JSONText.string($0) + ":" + $1 }.joined(separator: ",") + "}"
    }

    /// One claim as a CSV record (no line terminator).
    public static func csvRecord(_ claim: Claim) -> String {
        let values: [String] = [
            claim.doc, claim.kind, csvFigure(claim.value), csvFigure(claim.low), csvFigure(claim.high),
            claim.qualifier.rawValue, claim.unit ?? "", claim.scope?.rawValue ?? "", claim.subject ?? "",
            claim.event ?? "", claim.speaker ?? "", claim.quote, String(claim.start), String(claim.end),
            claim.sentence, claim.rule, claim.story?.joined(separator: " ") ?? "",
        ]
        return values.map(csvField).joined(separator: ",")
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func csvField(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
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
    private var count = 0

    public init(format: ClaimFormat) { self.format = format }

    public mutating func append<Out: TextOutputStream>(_ claim: Claim, to stream: inout Out) {
        switch format {
        case .jsonl:
            stream.write(ClaimWriter.jsonObject(claim) + "\n")
        case .json:
            stream.write((count == 0 ? "[\n  " : ",\n  ") + ClaimWriter.jsonObject(claim))
        case .csv:
            if count == 0 { stream.write(ClaimWriter.fields.joined(separator: ",") + "\r\n") }
            stream.write(ClaimWriter.csvRecord(claim) + "\r\n")
        }
        count += 1
    }

    public mutating func finish<Out: TextOutputStream>(to stream: inout Out) {
        switch format {
        case .jsonl: break
        case .json: stream.write(count == 0 ? "[]\n" : "\n]\n")
        case .csv: if count == 0 { stream.write(ClaimWriter.fields.joined(separator: ",") + "\r\n") }
        }
        count = -1
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for char in self { if char == target { out += replacement } else { out.append(char) } }
        return out
    }
}
