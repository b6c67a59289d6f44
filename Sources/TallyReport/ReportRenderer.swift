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
    public static func json(_ report: Report) -> String {
        var sorted = report
        sorted.findings = report.findings.inReportOrder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(sorted), as: UTF8.self) + "\n"
        } catch {
            // Unreachable with the float strategy above; kept so a renderer never traps.
            return "{\"version\": 1, \"error\": " + JSONText.string("\(error)") + "}\n"
        }
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
