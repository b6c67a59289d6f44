import Testing
import TallyCore
@testable import TallyReport

/// Article text and file names are hostile: they reach a terminal, a spreadsheet and a Markdown
/// viewer only as inert text (issue 19, item 4). The attack strings are built here, at test time.
@Suite struct UntrustedTextTests {
    static let esc = "\u{1B}"
    /// Clears the screen, sets the window title (OSC), a C1 CSI, a bidi override and a forged line.
    static let attack = esc + "[2J" + esc + "]0;owned\u{07}" + "\u{9B}31m" + "\u{202E}txt.exe" + "\ntally: all good\r"

    static func hostileReport() -> Report {
        var claim = Fixtures.range
        claim.doc = "evil" + attack + ".txt"
        claim.speaker = "Speaker" + attack
        claim.sentence = "Up to 1,200 prisoners " + attack + " were freed."
        claim.quote = "1,200 prisoners"
        claim.start = 6
        claim.end = 21
        let finding = Finding(verdict: .conflict, kind: "prisoners", subject: "prisoners" + attack, event: nil,
                              reason: "they differ" + attack, claims: [FindingClaim(claim: claim, position: 1)])
        return Report(
            documents: [DocumentSummary(doc: claim.doc, title: "Title" + attack, outlet: "Outlet" + attack, published: nil,
                                        url: "javascript:alert(1)", claims: 1)],
            findings: [finding],
            skipped: [SkippedInput(path: "bad" + attack + ".html", reason: "unreadable" + attack)])
    }

    @Test func theTextReportEscapesEveryControlFromArticlesAndFileNames() {
        for color in [false, true] {
            let text = ReportRenderer.render(Self.hostileReport(), format: .text, color: color)
            let controls = text.unicodeScalars.filter { TerminalText.needsEscape($0) && $0 != "\n" }
            if color {
                // Only the report's own colour codes: ESC followed by "[", digits, ";" and "m".
                #expect(TerminalText.forTerminal(text) == text)
            } else {
                #expect(controls.isEmpty, "raw controls: \(controls.map { $0.value })")
            }
            #expect(text.contains("\\x1b[2J") && text.contains("\\x1b]0;owned\\x07") && text.contains("\\x9b31m"))
            #expect(text.contains("\\u{202e}txt.exe"))
            // The forged line never starts a line of its own.
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("tally: all good") })
            #expect(text.contains("\\ntally: all good\\r"))
        }
    }

    @Test func escapingShowsEachControlAndKeepsOrdinaryText() {
        #expect(TerminalText.escape("plain é 👩‍👩‍👧 text") == "plain é 👩‍👩‍👧 text")
        #expect(TerminalText.escape("a\u{1B}[2Jb") == "a\\x1b[2Jb")
        #expect(TerminalText.escape("\u{0}\u{7F}\u{85}\t") == "\\x00\\x7f\\x85\\t")
        #expect(TerminalText.escape("x\u{2066}y") == "x\\u{2066}y")
    }

    @Test func theTerminalGuardKeepsLinesAndColourButNothingElse() {
        let own = "\u{1B}[1;31mCONFLICT\u{1B}[0m\n\tnext line"
        #expect(TerminalText.forTerminal(own) == own)
        #expect(TerminalText.forTerminal("a\u{1B}]0;title\u{07}b") == "a\\x1b]0;title\\x07b")
        #expect(TerminalText.forTerminal("\u{1B}[2J\u{1B}[") == "\\x1b[2J\\x1b[")
        #expect(TerminalText.forTerminal("\u{9B}2J\r") == "\\x9b2J\\r")
    }

    @Test func csvCellsThatWouldBeFormulasStartWithAQuote() {
        for formula in ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            var claim = Fixtures.range
            claim.speaker = formula
            claim.quote = formula
            claim.sentence = formula
            let row = CSV.parse(ClaimWriter.render([claim], format: .csv))[1]
            for cell in row where cell.contains(formula) {
                #expect(cell == "'" + formula)
            }
            #expect(row.contains("'" + formula))
        }
        // tally's own numbers keep their sign and stay numbers.
        var negative = Fixtures.range
        negative.low = .number(-5)
        #expect(CSV.parse(ClaimWriter.render([negative], format: .csv))[1].contains("-5"))
        #expect(ClaimWriter.csvText("1,000 freed") == "1,000 freed")
        #expect(ClaimWriter.csvText("") == "")
    }

    @Test func markdownLinksOnlyHTTP() {
        let markdown = ReportRenderer.render(Self.hostileReport(), format: .markdown)
        #expect(!markdown.contains("](javascript"))
        #expect(markdown.contains("`javascript:alert(1)`"))
        for url in ["JavaScript:alert(1)", "data:text/html,<b>", "file:///etc/passwd", " javascript:x", "vbscript:x"] {
            #expect(!MarkdownReport.link("t", url: url).contains("]("), "\(url)")
        }
        #expect(MarkdownReport.link("Story", url: "https://example.org/a b") == "[Story](https://example.org/a%20b)")
        #expect(MarkdownReport.link("Story", url: "HTTP://example.org/\u{1B}x") == "[Story](HTTP://example.org/x)")
        #expect(MarkdownReport.link(nil, url: nil) == "")
    }
}
