import Testing
import TallyCore
@testable import TallyReport

@Suite struct TextReportTests {
    let text = ReportRenderer.render(Fixtures.report, format: .text, color: false)

    @Test func findingsComeMostSevereFirst() throws {
        let conflict = try #require(text.range(of: "CONFLICT"))
        let framing = try #require(text.range(of: "FRAMING"))
        let variance = try #require(text.range(of: "VARIANCE"))
        #expect(conflict.lowerBound < framing.lowerBound && framing.lowerBound < variance.lowerBound)
        #expect(text.contains("1. CONFLICT") && text.contains("3. VARIANCE"))
    }

    @Test func summaryHeaderCountsDocumentsClaimsAndVerdicts() {
        let header = text.split(separator: "\n").prefix(2).joined(separator: "\n")
        #expect(header.contains("2 documents · 6 claims · 3 findings: 1 conflict, 1 framing, 1 variance"))
    }

    @Test func eachClaimShowsSideFigureSpeakerDocAndQuoteInContext() {
        #expect(text.contains("Zelensky says nearly 400 children; Medinsky says 339 — the figures do not overlap"))
        let lines = text.split(separator: "\n").map(String.init)
        let zelensky = lines.first { $0.contains("less than 400") }
        #expect(zelensky?.contains("A ") == true && zelensky?.contains("Zelensky") == true && zelensky?.contains("a.txt") == true)
        let medinsky = lines.first { $0.contains("Medinsky") && $0.contains("b.txt") }
        #expect(medinsky?.contains("B ") == true && medinsky?.contains("339") == true)
        #expect(text.contains("a list of [nearly 400 children] it says were deported."))
        #expect(text.contains("6,000 per side") && text.contains("12,000 in total"))
        #expect(text.contains("at least 1,000") && text.contains("1,000–1,200"))
        #expect(text.contains("unattributed"))
    }

    /// The summary of a long reason is cut where dropping words one at a time would cut it (the halving
    /// search finds the same longest prefix that fits).
    @Test func longReasonsAreCutWhereDroppingWordsOneByOneWould() {
        let report = TextReport(color: false)
        func naive(_ reason: String, lines: Int = 2) -> String {
            let indent = "   "
            let whole = report.wrap(reason, indent: indent)
            guard whole.split(separator: "\n").count > lines else { return whole }
            let cut = reason.range(of: " — ", options: .backwards).flatMap { reason.distance(from: $0.lowerBound, to: reason.endIndex) <= report.width / 2 ? $0 : nil }
            let head = cut.map { String(reason[..<$0.lowerBound]) } ?? reason
            let tail = cut.map { String(reason[$0.lowerBound...]) } ?? ""
            var words = head.split(separator: " ")
            while !words.isEmpty {
                words.removeLast()
                let shortened = report.wrap(words.joined(separator: " ") + " …" + tail, indent: indent)
                if shortened.split(separator: "\n").count <= lines { return shortened }
            }
            return report.wrap(String(reason.prefix(lines * (report.width - indent.count) - 2)) + " …", indent: indent)
        }
        var state: UInt64 = 7
        for sources in [1, 3, 12, 40, 300] {
            let names = (0..<sources).map { i -> String in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return "Outlet\(i) says " + String(repeating: "x", count: Int(state >> 60) + 1) + " \(Int(state >> 40) % 9000)"
            }
            for tail in ["", " — the figures do not overlap", " — " + String(repeating: "long ", count: 30)] {
                let reason = names.joined(separator: "; ") + tail
                #expect(report.summary(reason) == naive(reason))
            }
        }
        let unbroken = String(repeating: "y", count: 400)
        #expect(report.summary(unbroken) == naive(unbroken))
    }

    @Test func conflictSidesInPositionOrder() throws {
        // The conflict lists position 0 (Zelensky) before position 1 although given the other way round.
        let a = try #require(text.range(of: "Zelensky  "))
        let b = try #require(text.range(of: "Medinsky  "))
        #expect(a.lowerBound < b.lowerBound)
    }

    @Test func skippedInputsAndDocumentsAtTheEnd() throws {
        let skipped = try #require(text.range(of: "Skipped inputs"))
        let variance = try #require(text.range(of: "VARIANCE"))
        #expect(variance.lowerBound < skipped.lowerBound)
        #expect(text.contains("empty.txt: empty file"))
        #expect(text.contains("Daily Example"))
    }

    @Test func fitsIn100ColumnsWithoutColour() {
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        #expect(!text.contains("\u{1B}["))
    }

    @Test func colourOnlyWhenAsked() {
        let colored = ReportRenderer.render(Fixtures.report, format: .text, color: true)
        #expect(colored.contains("\u{1B}[1;31mCONFLICT\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;4mnearly 400 children\u{1B}[0m"))
        let stripped = colored.replacingEscapes()
        #expect(stripped.contains("CONFLICT") && stripped.contains("nearly 400 children"))
    }

    @Test func emptyReportSaysSo() {
        let empty = ReportRenderer.render(Report(documents: [], findings: []), format: .text)
        #expect(empty.contains("0 documents · 0 claims · 0 findings"))
        #expect(empty.contains("No findings"))
    }

    @Test func longSentencesAreTrimmedAroundTheQuote() {
        var claim = Fixtures.nearly400
        let filler = String(repeating: "word ", count: 40)
        claim.sentence = filler + "a list of nearly 400 children " + filler + "end."
        let context = QuoteContext.make(claim, width: 80)
        #expect(context.quote == "nearly 400 children")
        #expect(context.before.hasPrefix("…") && context.after.hasSuffix("…"))
        #expect(context.plain.count <= 80)
        #expect(context.before.hasSuffix("of ") && context.after.hasPrefix(" word"))
    }

    @Test func documentOffsetsPickTheRightOccurrence() {
        let text = "Intro.\nThey freed 100 men, then 100 men more."
        let document = Document(id: "d", text: text)
        let second = Array(text.unicodeScalars).count - " more.".unicodeScalars.count - "100 men".unicodeScalars.count
        let claim = Claim(doc: "d", kind: "people", value: .number(100), low: .number(100), high: .number(100),
                          qualifier: .exact, unit: nil, scope: nil, subject: nil, event: nil, speaker: nil,
                          quote: "100 men", start: second, end: second + 7,
                          sentence: "They freed 100 men, then 100 men more.", rule: "r")
        #expect(QuoteContext.quoteRange(of: claim, in: document) == 25..<32)
        #expect(QuoteContext.quoteRange(of: claim) == 11..<18)  // without the document: the first
        var missing = claim
        missing.quote = "absent"
        #expect(QuoteContext.quoteRange(of: missing, in: document) == nil)
        #expect(QuoteContext.make(missing).quote == "absent")
    }

    @Test func figureWording() {
        #expect(FigureText.describe(Fixtures.nearly400) == "less than 400")
        #expect(FigureText.describe(Fixtures.perSide) == "6,000 per side")
        var duration = Fixtures.total
        duration.qualifier = .approximate
        duration.value = .number(1)
        duration.unit = "hours"
        duration.scope = nil
        #expect(FigureText.describe(duration) == "about 1 hour")
    }
}

extension String {
    /// The text with ANSI escape sequences removed.
    func replacingEscapes() -> String {
        var out = ""
        var inEscape = false
        for char in self {
            if char == "\u{1B}" { inEscape = true; continue }
            if inEscape { if char == "m" { inEscape = false }; continue }
            out.append(char)
        }
        return out
    }
}


@Suite struct FigureTextTests {
    func claim(_ q: Qualifier, value: Figure? = nil, low: Figure? = nil, high: Figure? = nil, unit: String? = nil) -> Claim {
        var c = Fixtures.total
        (c.qualifier, c.value, c.low, c.high, c.unit, c.scope) = (q, value, low, high, unit, nil)
        return c
    }

    @Test func wordingPerQualifier() {
        #expect(FigureText.describe(claim(.atMost, value: .number(1200), high: .number(1200))) == "up to 1,200")
        #expect(FigureText.describe(claim(.moreThan, value: .number(40), low: .number(40))) == "more than 40")
        #expect(FigureText.describe(claim(.approximate, value: .number(1), unit: "hours")) == "about 1 hour")
        #expect(FigureText.describe(claim(.approximate, value: .number(90), unit: "minutes")) == "about 90 minutes")
        #expect(FigureText.describe(claim(.exact, value: .number(100), unit: "USD")) == "100 USD")
    }

    @Test func datesReadAsDates() {
        let june20 = Figure.date(CalendarDate(year: 2025, month: 6, day: 20))
        let june30 = Figure.date(CalendarDate(year: 2025, month: 6, day: 30))
        #expect(FigureText.describe(claim(.range, low: june20, high: june30)) == "2025-06-20 to 2025-06-30")
        #expect(FigureText.describe(claim(.lessThan, high: .date(CalendarDate(year: 2025, month: 6)))) == "before 2025-06")
    }

    @Test func missingFiguresFallBackToTheQuote() {
        var c = claim(.lessThan)
        c.quote = "before the end of June"
        #expect(FigureText.describe(c) == "before the end of June")
    }
}

@Suite struct RendererDocumentTests {
    @Test func documentsPlaceARepeatedQuoteExactly() {
        let text = "They freed 100 men, then 100 men more."
        let claim = Claim(doc: "d", kind: "people", value: .number(100), low: .number(100), high: .number(100),
                          qualifier: .exact, unit: nil, scope: nil, subject: "freed", event: nil, speaker: nil,
                          quote: "100 men", start: 25, end: 32, sentence: text, rule: "r")
        let report = Report(documents: [], findings: [Finding(verdict: .agreement, kind: "people", subject: "freed",
            event: nil, reason: "same", claims: [FindingClaim(claim: claim, position: 0)])])
        let documents = [Document(id: "d", text: text)]
        #expect(ReportRenderer.render(report, format: .text, documents: documents).contains("then [100 men] more."))
        #expect(ReportRenderer.render(report, format: .markdown, documents: documents).contains("then **100 men** more."))
        #expect(ReportRenderer.render(report, format: .text).contains("freed [100 men], then"))
    }
}

extension TextReportTests {
    @Test func longPathsAndSpeakersStayWithin100Columns() {
        var report = Fixtures.report
        for i in report.findings.indices {
            for j in report.findings[i].claims.indices {
                report.findings[i].claims[j].claim.doc = "corpus/articles/2025/06/very/deep/folder/" + report.findings[i].claims[j].claim.doc
                report.findings[i].claims[j].claim.speaker = "Russian presidential aide Vladimir Medinsky"
            }
        }
        let text = ReportRenderer.render(report, format: .text)
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        #expect(text.contains("…/folder/a.txt") || text.contains("folder/a.txt"))
    }
}
