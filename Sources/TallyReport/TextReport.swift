import TallyCore

/// The terminal rendering of a report: findings first, one block each, readable at 100 columns.
///
/// ANSI escape codes only when `color` is true (the CLI passes whether stdout is a terminal);
/// without colour the quote is marked with brackets inside its sentence. Every piece of article text
/// and every file name goes through `TerminalText.escape` (`t(_:)`), so none can send the terminal a
/// control sequence or start a line of its own.
struct TextReport {
    var color: Bool
    var texts = DocumentTexts([])
    var selection = ReportSelection.none
    var width = 100
    /// Claims listed per side of a finding, sides listed, and claims listed in all (fewer per side when
    /// there are many sides); the rest are counted.
    var claimsPerSide = 6
    var sidesShown = 8
    var claimsShown = 16
    /// Documents listed under a filtered report (those its findings cite); the rest are counted.
    var citedDocumentsShown = 100

    func render(_ report: Report) -> String {
        var out = ""
        out += style("Tally discrepancy report", .bold) + "\n"
        let whole = selection.header(report)
        out += ReportOrder.summaryLine(whole)
        let counts = ReportOrder.verdictCounts(whole.findings)
        if !counts.isEmpty {
            out += ": " + counts.map { style("\($0.1) \($0.0.rawValue)", colorCode($0.0)) }.joined(separator: ", ")
        }
        out += "\n"
        if let note = selection.note { out += note + "\n" }
        let findings = report.findings.inReportOrder()
        if findings.isEmpty, selection.note == nil { out += "\nNo findings: no two claims about the same subject and event to compare.\n" }
        let names = SourceNames(report.documents)
        for (index, finding) in findings.enumerated() {
            out += "\n" + block(finding, number: index + 1, names: names)
        }
        // A filtered report lists the documents its findings cite, not every document read.
        var documents = report.documents
        var documentsHeading = "Documents"
        if selection.note != nil {
            let cited = Set(findings.flatMap { $0.claims.map(\.claim.doc) })
            documents = documents.filter { cited.contains($0.doc) }
            documentsHeading = "Documents cited (\(documents.count) of \(report.documents.count))"
        }
        let unlisted = selection.note != nil ? max(0, documents.count - citedDocumentsShown) : 0
        documents = Array(documents.prefix(documents.count - unlisted))
        if !documents.isEmpty {
            out += "\n" + style(documentsHeading, .bold) + "\n"
            let docWidth = min(56, documents.map { t($0.doc).count }.max() ?? 0)
            for doc in documents {
                let line = "  " + pad(t(doc.doc), docWidth) + "  " + pad(ReportOrder.plural(doc.claims, "claim"), 9)
                let meta = [doc.published?.iso, doc.outlet, doc.title].compactMap { $0 }.filter { !$0.isEmpty }.map(t)
                    .joined(separator: " · ")
                // Titles and outlets are what a reader knows a document by: kept whole, on lines of their own when long.
                if meta.isEmpty {
                    out += line + "\n"
                } else if line.count + 2 + meta.count <= width {
                    out += line + "  " + meta + "\n"
                } else {
                    out += line + "\n" + wrap(meta, indent: "      ") + "\n"
                }
            }
            if unlisted > 0 { out += "  " + style("… \(ReportOrder.plural(unlisted, "more document"))", .dim) + "\n" }
        }
        if !report.skipped.isEmpty {
            out += "\n" + style("Skipped inputs", .bold) + "\n"
            for skipped in report.skipped {
                out += "  " + style(t(skipped.path), .yellow) + ": " + t(skipped.reason) + "\n"
            }
        }
        if let unpaired = selection.header(report).unpaired { out += "\n" + wrap(unpaired.sentence, indent: "") + "\n" }
        return out
    }

    func block(_ finding: Finding, number: Int, names: SourceNames = SourceNames([])) -> String {
        var out = "\(number). " + style(finding.verdict.rawValue.uppercased(), colorCode(finding.verdict), bold: true)
        out += "  " + style(t(ReportOrder.heading(finding)), .bold) + "\n"
        out += summary(t(names.reason(finding))) + "\n"
        let marks = ReportOrder.positionMarks(finding)
        let claims = ReportOrder.claims(finding)
        let figureWidth = min(32, claims.map { t(FigureText.describe($0.claim)).count }.max() ?? 0)
        let speakerWidth = min(24, claims.map { t($0.claim.speaker ?? "unattributed").count }.max() ?? 0)
        // A finding over thousands of articles would run to thousands of lines: a few claims on each of the
        // first sides, then how many more (the JSON and HTML renderings list them all).
        let sides = Array(Set(claims.map(\.position))).sorted()
        let shownSides = Set(sides.prefix(sidesShown))
        let perSide = max(1, min(claimsPerSide, claimsShown / max(1, min(sides.count, sidesShown))))
        var shownOnSide: [Int: Int] = [:]
        var hidden = (claims: 0, sides: Set<Int>())
        for (index, item) in claims.enumerated() {
            let claim = item.claim
            let mark = marks[item.position] ?? "•"
            shownOnSide[item.position, default: 0] += 1
            let rank = shownOnSide[item.position]!
            guard shownSides.contains(item.position) else {
                hidden.claims += 1
                hidden.sides.insert(item.position)
                continue
            }
            if rank > perSide {
                let isLastOfSide = index + 1 == claims.count || claims[index + 1].position != item.position
                if isLastOfSide {
                    let more = rank - perSide
                    let side = marks.count > 1 ? " on side \(mark)" : ""
                    out += "   " + style("… \(ReportOrder.plural(more, "more claim"))\(side)", .dim) + "\n"
                }
                continue
            }
            let figure = pad(t(FigureText.describe(claim)), figureWidth)
            let speaker = pad(t(claim.speaker ?? "unattributed"), speakerWidth)
            let used = 3 + 3 + figure.count + 2 + speaker.count + 2
            var line = "   " + style(pad(mark, 2), colorCode(finding.verdict), bold: true) + " "
            line += style(figure, .bold) + "  " + speaker + "  " + source(claim.doc, names: names, width: max(12, width - used))
            out += line + "\n"
            let context = QuoteContext.make(claim, text: texts.text(claim.doc), width: width - 10)
            let quote = color ? style(t(context.quote), .underlineBold) : "[" + t(context.quote) + "]"
            out += "      " + style("“", .dim) + style(t(context.before), .dim) + quote + style(t(context.after), .dim) + style("”", .dim) + "\n"
        }
        if hidden.claims > 0 {
            out += "   " + style("… \(ReportOrder.plural(hidden.sides.count, "more side")) with \(ReportOrder.plural(hidden.claims, "claim"))", .dim) + "\n"
        }
        if hidden.claims > 0 || shownOnSide.values.contains(where: { $0 > perSide }) {
            out += "   " + style("(every claim: --format json or --html)", .dim) + "\n"
        }
        return out
    }

    /// The reason in at most two lines: when longer (a finding with many sources), the list of who says what
    /// is cut with "…", keeping the verdict's words after the last " — " when they are short; the sources
    /// are listed below.
    func summary(_ reason: String, lines: Int = 2) -> String {
        let indent = "   "
        let whole = wrap(reason, indent: indent)
        guard whole.split(separator: "\n").count > lines else { return whole }
        // The verdict's words are kept when short ("— the figures do not overlap"); a long tail is cut instead.
        let cut = reason.range(of: " — ", options: .backwards).flatMap { reason.distance(from: $0.lowerBound, to: reason.endIndex) <= width / 2 ? $0 : nil }
        let head = cut.map { String(reason[..<$0.lowerBound]) } ?? reason
        let tail = cut.map { String(reason[$0.lowerBound...]) } ?? ""
        // The longest run of leading words that fits, one word short of the whole at most. Fewer words never
        // wrap to more lines, so it is found by halving: dropping one word at a time was quadratic, and a
        // reason naming thousands of sources took seconds.
        let words = head.split(separator: " ")
        func shortened(_ count: Int) -> String { wrap(words.prefix(count).joined(separator: " ") + " …" + tail, indent: indent) }
        func fits(_ text: String) -> Bool { text.split(separator: "\n").count <= lines }
        if !words.isEmpty, fits(shortened(0)) {
            var (fitting, tooLong) = (0, words.count)
            while tooLong - fitting > 1 {
                let middle = (fitting + tooLong) / 2
                if fits(shortened(middle)) { fitting = middle } else { tooLong = middle }
            }
            return shortened(fitting)
        }
        return wrap(String(reason.prefix(lines * (width - indent.count) - 2)) + " …", indent: indent)
    }

    /// "Radio Belmar International (Lena Sorvik) · …count.html": the outlet whole where it fits, the file
    /// name cut from its start; the path alone when the outlet is unknown.
    func source(_ doc: String, names: SourceNames, width: Int) -> String {
        guard let name = names.name(doc).map(t) else { return clipStart(t(doc), width) }
        let file = t(SourceNames.fileName(doc))
        if name.count + 3 + file.count <= width { return name + " · " + file }
        if name.count + 3 + 12 <= width { return name + " · " + clipStart(file, width - name.count - 3) }
        return String(name.prefix(width - 1)) + "…"
    }

    // MARK: Layout helpers

    /// Untrusted text, escaped for the terminal.
    func t(_ text: String) -> String { TerminalText.escape(text) }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
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
