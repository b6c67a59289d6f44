import TallyCore

/// The Markdown rendering of a report: a heading per finding, a table of its claims.
///
/// Every piece of article text is escaped, so a quote cannot break the table or inject markup.
struct MarkdownReport {
    var texts = DocumentTexts([])
    var selection = ReportSelection.none

    func render(_ report: Report) -> String {
        var out = "# Tally discrepancy report\n\n"
        let whole = selection.header(report)
        out += ReportOrder.summaryLine(whole)
        let counts = ReportOrder.verdictCounts(whole.findings)
        if !counts.isEmpty { out += ": " + counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") }
        out += ".\n"
        if let note = selection.note { out += "\n" + Self.escape(note) + "\n" }
        out += "\n## Findings\n\n"
        let findings = report.findings.inReportOrder()
        if findings.isEmpty, selection.note == nil { out += "No findings: no two claims about the same subject and event to compare.\n\n" }
        let names = SourceNames(report.documents)
        for (index, finding) in findings.enumerated() {
            out += section(finding, number: index + 1, names: names)
        }
        if !report.documents.isEmpty {
            out += "## Documents\n\n| Document | Claims | Published | Outlet | Title |\n|---|---:|---|---|---|\n"
            for doc in report.documents {
                let title = Self.link(doc.title, url: doc.url)
                out += "| " + [Self.codeCell(doc.doc), "\(doc.claims)", Self.escape(doc.published?.iso ?? ""),
                               Self.escape(doc.outlet ?? ""), title].joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        if !report.skipped.isEmpty {
            out += "## Skipped inputs\n\n"
            for skipped in report.skipped {
                out += "- `" + Self.code(skipped.path) + "`: " + Self.escape(skipped.reason) + "\n"
            }
            out += "\n"
        }
        if let unpaired = selection.header(report).unpaired { out += Self.escape(unpaired.sentence) + "\n" }
        return out
    }

    func section(_ finding: Finding, number: Int, names: SourceNames = SourceNames([])) -> String {
        var out = "### \(number). \(finding.verdict.rawValue.capitalized): " + Self.escape(ReportOrder.heading(finding)) + "\n\n"
        out += Self.escape(names.reason(finding)) + "\n\n"
        out += "| Side | Figure | Speaker | Document | Quote in context |\n|---|---|---|---|---|\n"
        let marks = ReportOrder.positionMarks(finding)
        for item in ReportOrder.claims(finding) {
            let claim = item.claim
            let context = QuoteContext.make(claim, text: texts.text(claim.doc), width: 160)
            let quote = Self.escape(context.before) + Self.strong(context.quote) + Self.escape(context.after)
            out += "| " + [marks[item.position] ?? "•", Self.escape(FigureText.describe(claim)),
                           Self.escape(claim.speaker ?? "unattributed"),
                           (names.name(claim.doc).map { Self.escape($0) + " · " } ?? "") + Self.codeCell(claim.doc), quote]
                .joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    /// Escapes Markdown and HTML syntax in inline text; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!", "$":
                out += "\\" + String(char)
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(char)
            }
        }
        return out
    }

    /// `**quote**`, with any leading or trailing space moved outside the markers (Markdown does not
    /// open or close emphasis next to a space).
    static func strong(_ text: String) -> String {
        let core = text.trimmingWhitespace()
        guard !core.isEmpty else { return escape(text) }
        let lead = text.first?.isWhitespace == true ? " " : ""
        let trail = text.last?.isWhitespace == true ? " " : ""
        return lead + "**" + escape(core) + "**" + trail
    }

    /// Text for inside a code span: backticks and line breaks cannot end it early.
    static func code(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : ($0.isNewline ? " " : $0) })
    }

    /// A code span inside a table cell: GFM splits cells at `|` even in code, so it is escaped.
    static func codeCell(_ text: String) -> String {
        var out = "`"
        for char in code(text) { if char == "|" { out += "\\|" } else { out.append(char) } }
        return out + "`"
    }

    /// A document's title linked to its URL when that is an http(s) link; any other URL
    /// (`javascript:`, `data:`, `file:`) is shown as code, never made a link.
    static func link(_ title: String?, url: String?) -> String {
        guard let url, !url.isEmpty else { return escape(title ?? "") }
        let trimmed = url.trimmingWhitespace()
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return (title.map { escape($0) + " " } ?? "") + codeCell(url)
        }
        return "[" + escape(title ?? trimmed) + "](" + escapeURL(trimmed) + ")"
    }

    /// A link destination: spaces, parentheses and angle brackets percent-encoded.
    static func escapeURL(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\n", "\r", "\t": break
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
