import TallyCore

/// Output formats of `tally report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

/// Renders a `Report` for people (terminal, Markdown, HTML) and machines (JSON).
///
/// PLACEHOLDER API (owned by the report work).
public enum ReportRenderer {
    public static func render(_ report: Report, format: ReportFormat, color: Bool = false) -> String {
        ""
    }
}

/// Output formats of `tally extract`.
public enum ClaimFormat: String, Sendable, CaseIterable {
    case jsonl, json, csv
}

/// Writes claims as JSON Lines, a JSON array or CSV.
public enum ClaimWriter {
    public static func render(_ claims: [Claim], format: ClaimFormat) -> String {
        ""
    }
}
