import TallyCore

/// The terminal rendering of a report: findings first, one block each, readable at 100 columns.
///
/// ANSI escape codes only when `color` is true (the CLI passes whether stdout is a terminal);
/// without colour the quote is marked with brackets inside its sentence.
struct TextReport {
    var color: Bool
    var texts = DocumentTexts([])
    var width = 100

    func render(_ report: Report) -> String {
        var out = ""
        out += style("Tally discrepancy report", .bold) + "\n"
        out += ReportOrder.summaryLine(report)
        let counts = ReportOrder.verdictCounts(report.findings)
        if !counts.isEmpty {
            out += ": " + counts.map { style("\($0.1) \($0.0.rawValue)", colorCode($0.0)) }.joined(separator: ", ")
        }
        out += "\n"
        let findings = ReportOrder.findings(report.findings)
        if findings.isEmpty { out += "\nNo findings: no two claims about the same subject and event to compare.\n" }
        for (index, finding) in findings.enumerated() {
            out += "\n" + block(finding, number: index + 1)
        }
        if !report.documents.isEmpty {
            out += "\n" + style("Documents", .bold) + "\n"
            let docWidth = min(56, report.documents.map(\.doc.count).max() ?? 0)
            for doc in report.documents {
                var line = "  " + pad(doc.doc, docWidth) + "  " + pad(ReportOrder.plural(doc.claims, "claim"), 9)
                let meta = [doc.published?.iso, doc.outlet, doc.title].compactMap { $0 }.filter { !$0.isEmpty }
                if !meta.isEmpty { line += "  " + meta.joined(separator: " · ") }
                out += clip(line, width) + "\n"
            }
        }
        if !report.skipped.isEmpty {
            out += "\n" + style("Skipped inputs", .bold) + "\n"
            for skipped in report.skipped {
                out += "  " + style(skipped.path, .yellow) + ": " + skipped.reason + "\n"
            }
        }
        return out
    }

    func block(_ finding: Finding, number: Int) -> String {
        var out = "\(number). " + style(finding.verdict.rawValue.uppercased(), colorCode(finding.verdict), bold: true)
        out += "  " + style(ReportOrder.heading(finding), .bold) + "\n"
        out += wrap(finding.reason, indent: "   ") + "\n"
        let marks = ReportOrder.positionMarks(finding)
        let claims = ReportOrder.claims(finding)
        let figureWidth = min(32, claims.map { FigureText.describe($0.claim).count }.max() ?? 0)
        let speakerWidth = min(24, claims.map { ($0.claim.speaker ?? "unattributed").count }.max() ?? 0)
        for item in claims {
            let claim = item.claim
            let mark = marks[item.position] ?? "•"
            let figure = pad(FigureText.describe(claim), figureWidth)
            let speaker = pad(claim.speaker ?? "unattributed", speakerWidth)
            let used = 3 + 3 + figure.count + 2 + speaker.count + 2
            var line = "   " + style(pad(mark, 2), colorCode(finding.verdict), bold: true) + " "
            line += style(figure, .bold) + "  " + speaker + "  " + clipStart(claim.doc, max(12, width - used))
            out += line + "\n"
            let context = QuoteContext.make(claim, text: texts.text(claim.doc), width: width - 10)
            let quote = color ? style(context.quote, .underlineBold) : "[" + context.quote + "]"
            out += "      " + style("“", .dim) + style(context.before, .dim) + quote + style(context.after, .dim) + style("”", .dim) + "\n"
        }
        return out
    }

    // MARK: Layout helpers

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// Keeps the end of a long path: "…/articles/001.txt".
    func clipStart(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : "…" + String(text.suffix(width - 1))
    }

    /// Word-wraps `text` to the report width, every line starting with `indent`.
    func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    // MARK: ANSI

    enum Code: String {
        case bold = "1", dim = "2", underlineBold = "1;4", red = "31", yellow = "33", magenta = "35", green = "32", cyan = "36"
    }

    func colorCode(_ verdict: Verdict) -> Code {
        switch verdict {
        case .conflict: return .red
        case .framing: return .magenta
        case .variance: return .yellow
        case .agreement: return .green
        }
    }

    func style(_ text: String, _ code: Code, bold: Bool = false) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[" + (bold ? "1;" : "") + code.rawValue + "m" + text + "\u{1B}[0m"
    }
}
