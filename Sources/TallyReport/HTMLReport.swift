import TallyCore

/// The report as one self-contained HTML page (`tally report --html FILE`): inline CSS and script,
/// no external assets. Findings come first, each with its sources side by side: the sentence with
/// the figure highlighted, the speaker, and a link to the article where its URL is known. Readers
/// filter by verdict and kind (also from the URL: `?verdict=conflict,framing&kind=children`).
///
/// Everything taken from articles is escaped; only http(s) URLs become links.
public enum HTMLReport {
    public static func render(_ report: Report, documents: [Document] = []) -> String {
        render(report, documents: documents, selection: .none)
    }

    /// `report` holds the findings shown; `selection` the whole report's counts and what was left out.
    static func render(_ report: Report, documents: [Document], selection: ReportSelection) -> String {
        var page = Page(report: report, documents: documents)
        page.selection = selection
        return page.render()
    }
}

/// Builds the page; one instance per rendering.
struct Page {
    let report: Report
    let findings: [Finding]
    let texts: DocumentTexts
    let summariesByID: [String: DocumentSummary]
    let names: SourceNames
    var selection = ReportSelection.none
    var out = ""

    init(report: Report, documents: [Document]) {
        self.report = report
        findings = report.findings.inReportOrder()
        texts = DocumentTexts(documents)
        names = SourceNames(report.documents)
        summariesByID = Dictionary(report.documents.map { ($0.doc, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func render() -> String {
        out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>Tally discrepancy report</title>
            <style>\(HTMLAssets.css)</style>
            </head>
            <body>

            """
        header()
        filters()
        out += "<main id=\"findings\">\n"
        for (index, finding) in findings.enumerated() { article(finding, number: index + 1) }
        out += "<p id=\"none\" class=\"empty\"\(findings.isEmpty ? "" : " hidden")>"
        if !findings.isEmpty {
            out += "No finding matches these filters."
        } else {
            out += selection.note == nil ? "No findings: no two claims about the same subject and event to compare." : "No finding is of the kind or verdict chosen."
        }
        out += "</p>\n</main>\n"
        documentTable()
        skipped()
        if let unpaired = selection.header(report).unpaired { out += "<p class=\"unpaired\">" + HTMLText.escape(unpaired.sentence) + "</p>\n" }
        out += "<footer>Made by Tally from \(ReportOrder.plural(report.documents.count, "document")). Figures are as the articles state them; check the sources.</footer>\n"
        out += "<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    mutating func header() {
        out += "<header>\n<h1>Tally <span>discrepancy report</span></h1>\n<p class=\"summary\">"
        out += HTMLText.escape(ReportOrder.summaryLine(selection.header(report))) + "</p>\n"
        if let note = selection.note { out += "<p class=\"selection\">" + HTMLText.escape(note) + "</p>\n" }
        out += "<ul class=\"counts\">\n"
        for (verdict, count) in ReportOrder.verdictCounts(findings) {
            out += "<li class=\"badge v-\(verdict.rawValue)\" title=\"\(HTMLText.escape(Page.meaning(verdict)))\">"
            out += "<b>\(count)</b> \(verdict.rawValue)</li>\n"
        }
        out += "</ul>\n</header>\n"
        guard !findings.isEmpty else { return }
        out += "<details class=\"legend\"><summary>How to read this report</summary>\n<dl>\n"
        for verdict in Verdict.allCases {
            out += "<dt><span class=\"badge v-\(verdict.rawValue)\">\(verdict.rawValue)</span></dt><dd>\(HTMLText.escape(Page.meaning(verdict)))</dd>\n"
        }
        out += "</dl>\n<p>Each finding gathers the claims about one thing counted at one event. In a conflict, claims on one "
        out += "side agree with each other and not with the other side. The large figure is Tally's reading of the "
        out += "highlighted words; check it against the sentence.</p>\n</details>\n"
    }

    mutating func filters() {
        guard !findings.isEmpty else { return }
        out += "<form id=\"filters\" aria-label=\"Filter findings\">\n<fieldset><legend>Verdict</legend>\n"
        for (verdict, count) in ReportOrder.verdictCounts(findings) {
            out += "<label class=\"chip v-\(verdict.rawValue)\"><input type=\"checkbox\" data-filter=\"verdict\" value=\"\(verdict.rawValue)\" checked> "
            out += "\(verdict.rawValue) <small>\(count)</small></label>\n"
        }
        out += "</fieldset>\n<fieldset><legend>Kind</legend>\n"
        var kinds: [String: Int] = [:]
        for finding in findings { kinds[finding.kind, default: 0] += 1 }
        for (kind, count) in kinds.sorted(by: { $0.key < $1.key }) {
            let value = HTMLText.escape(kind)
            out += "<label class=\"chip\"><input type=\"checkbox\" data-filter=\"kind\" value=\"\(value)\" checked> "
            out += "\(value) <small>\(count)</small></label>\n"
        }
        out += "</fieldset>\n<p class=\"shown\"><span id=\"shown\">\(findings.count)</span> of \(findings.count) findings shown "
        out += "<button type=\"button\" id=\"reset\">Show all</button></p>\n</form>\n"
    }

    mutating func article(_ finding: Finding, number: Int) {
        let verdict = finding.verdict.rawValue
        out += "<article class=\"finding v-\(verdict)\" id=\"finding-\(number)\" data-verdict=\"\(verdict)\" data-kind=\"\(HTMLText.escape(finding.kind))\">\n"
        out += "<header><span class=\"badge v-\(verdict)\" title=\"\(HTMLText.escape(Page.meaning(finding.verdict)))\">\(verdict)</span> "
        out += "<h2><a href=\"#finding-\(number)\">\(number).</a> \(HTMLText.escape(finding.subject ?? finding.kind))</h2>"
        out += "<span class=\"meta\"><span class=\"kind\">\(HTMLText.escape(finding.kind))</span>"
        if let event = finding.event, !event.isEmpty { out += " · <span class=\"event\">\(HTMLText.escape(event))</span>" }
        let reason = names.reason(finding)
        // A finding over hundreds of sources would open with a wall of text: a short reason, the whole one on request.
        if let short = ReportOrder.shortened(reason, limit: 280) {
            out += "</span></header>\n<details class=\"reason\"><summary>\(HTMLText.escape(short))</summary><p>\(HTMLText.escape(reason))</p></details>\n"
        } else {
            out += "</span></header>\n<p class=\"reason\">\(HTMLText.escape(reason))</p>\n"
        }
        let marks = ReportOrder.positionMarks(finding)
        let chart = FindingChart(finding: finding, number: number, marks: marks) { [summariesByID, texts] doc in
            summariesByID[doc]?.published ?? texts.document(doc)?.published
        }
        if let svg = chart.svg() { out += "<div class=\"chart-box\">\(svg)</div>\n" }
        let claims = ReportOrder.claims(finding)
        let positions = claims.map(\.position).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        let sided = positions.count > 1
        out += "<div class=\"sides\(sided ? " versus" : "")\">\n"
        for position in positions {
            out += "<section class=\"side\">"
            if sided {
                let mark = marks[position] ?? "?"
                out += mark == ReportOrder.neutralMark ? "<h3>Fits every side</h3>" : "<h3>Side \(HTMLText.escape(mark))</h3>"
            }
            out += "\n"
            for item in claims where item.position == position { card(item.claim) }
            out += "</section>\n"
        }
        out += "</div>\n</article>\n"
    }

    mutating func card(_ claim: Claim) {
        let document = texts.document(claim.doc)
        let summary = summariesByID[claim.doc]
        out += "<figure class=\"claim\">\n<div class=\"figure\">\(HTMLText.escape(FigureText.describe(claim)))</div>\n"
        out += "<blockquote>" + highlightedSentence(claim) + "</blockquote>\n<figcaption>"
        if let speaker = claim.speaker, !speaker.isEmpty {
            out += "<span class=\"speaker\">\(HTMLText.escape(speaker))</span>"
        } else {
            out += "<span class=\"speaker none\">unattributed</span>"
        }
        out += " <span class=\"source\">" + sourceLink(claim.doc, document: document, summary: summary) + "</span>"
        if let url = summary?.url ?? document?.url, let href = HTMLText.href(url + Page.textFragment(claim.quote)) {
            out += " <a class=\"at-quote\" href=\"\(href)\" rel=\"noopener noreferrer\" target=\"_blank\">open at the quote ↗</a>"
        }
        out += "</figcaption>\n</figure>\n"
    }

    /// The claim's sentence with the quote in `<mark>`, escaped; long sentences trimmed around it.
    func highlightedSentence(_ claim: Claim) -> String {
        let context = QuoteContext.make(claim, text: texts.text(claim.doc), width: 360)
        return HTMLText.escape(context.before) + "<mark>" + HTMLText.escape(context.quote) + "</mark>" + HTMLText.escape(context.after)
    }

    /// The outlet (or title, or doc id) linked to the article when its URL is http(s), the title
    /// as its tooltip, then the doc id and date.
    func sourceLink(_ doc: String, document: Document?, summary: DocumentSummary?) -> String {
        let title = (summary?.title ?? document?.title).flatMap { $0.isEmpty ? nil : $0 }
        let outlet = (summary?.outlet ?? document?.outlet).flatMap { $0.isEmpty ? nil : $0 }
        let published = (summary?.published ?? document?.published)?.iso
        let name = HTMLText.escape(outlet ?? title.map { Page.shorten($0, to: 60) } ?? doc)
        let tooltip = title.map { " title=\"\(HTMLText.escape($0))\"" } ?? ""
        var html = ""
        if let href = HTMLText.href(summary?.url ?? document?.url) {
            html += "<a href=\"\(href)\"\(tooltip) rel=\"noopener noreferrer\" target=\"_blank\">\(name)</a>"
        } else {
            html += "<span class=\"outlet\"\(tooltip)>\(name)</span>"
        }
        var details: [String] = []
        if outlet != nil || title != nil {
            // The file name is enough beside the outlet; the full path is the tooltip.
            let name = doc.split(separator: "/").last.map(String.init) ?? doc
            details.append("<code title=\"\(HTMLText.escape(doc))\">\(HTMLText.escape(name.isEmpty ? doc : name))</code>")
        }
        if let published { details.append("<time>\(HTMLText.escape(published))</time>") }
        if !details.isEmpty { html += " <span class=\"details\">" + details.joined(separator: " · ") + "</span>" }
        return html
    }

    mutating func documentTable() {
        guard !report.documents.isEmpty else { return }
        out += "<section id=\"documents\"><h2>Documents</h2>\n<table>\n<thead><tr><th>Document</th><th>Outlet</th>"
        out += "<th>Published</th><th class=\"num\">Claims</th></tr></thead>\n<tbody>\n"
        for summary in report.documents {
            let document = texts.document(summary.doc)
            let title = summary.title ?? document?.title
            var cell = "<code>\(HTMLText.escape(summary.doc))</code>"
            if let title, !title.isEmpty {
                let text = HTMLText.escape(title)
                if let href = HTMLText.href(summary.url ?? document?.url) {
                    cell += "<br><a href=\"\(href)\" rel=\"noopener noreferrer\" target=\"_blank\">\(text)</a>"
                } else {
                    cell += "<br>\(text)"
                }
            }
            out += "<tr><td>\(cell)</td><td>\(HTMLText.escape(summary.outlet ?? document?.outlet ?? ""))</td>"
            out += "<td>\(HTMLText.escape((summary.published ?? document?.published)?.iso ?? ""))</td><td class=\"num\">\(summary.claims)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
    }

    mutating func skipped() {
        guard !report.skipped.isEmpty else { return }
        out += "<section id=\"skipped\"><h2>Skipped inputs</h2>\n<ul>\n"
        for item in report.skipped {
            out += "<li><code>\(HTMLText.escape(item.path))</code>: \(HTMLText.escape(item.reason))</li>\n"
        }
        out += "</ul>\n</section>\n"
    }

    /// A text fragment (`#:~:text=…`) that makes browsers scroll to and highlight `quote` in the
    /// article; everything but unreserved ASCII is percent-encoded (`-`, `,`, `&` included).
    static func textFragment(_ quote: String) -> String {
        let words = quote.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var encoded = ""
        for byte in words.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return "#:~:text=" + encoded
    }

    /// The text cut at a word to about `limit` characters, with "…".
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(word.count > limit / 2 ? word : cut) + "…"
    }

    /// What a verdict means, for tooltips.
    static func meaning(_ verdict: Verdict) -> String {
        switch verdict {
        case .conflict: return "The figures cannot all be right: their ranges do not overlap."
        case .framing: return "The figures agree once scope is accounted for (per side vs total, mutual vs one-way)."
        case .variance: return "The figures overlap but are stated differently."
        case .agreement: return "The sources give the same figure."
        }
    }
}
