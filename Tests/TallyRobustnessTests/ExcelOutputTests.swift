import Foundation
import Testing

/// `tally extract --excel` (issue 17): CSV that Excel opens as UTF-8, each row naming its outlet and title,
/// article text that looks like a formula kept as text.
@Suite struct ExcelOutputTests {
    static let article = """
        <html><head><title>=HYPERLINK("http://evil","Łódź, “talks”")</title>
        <meta property="og:site_name" content="Kyiv Independent"></head>
        <body><article><p>Ukraine said at least 1,000 prisoners would be exchanged on each side on June 2, 2025.</p>
        <p>Russia said 390 captives were exchanged on Friday.</p></article></body></html>
        """

    @Test func excelCSVHasTheMarkOutletAndTitleAndNoFormulas() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("excel")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.article.write(to: folder.appendingPathComponent("a.html"), atomically: true, encoding: .utf8)
        let run = try TallyProcess.run(["extract", "a.html", "--excel", "--output", "claims.csv", "-q"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: folder.appendingPathComponent("claims.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",story,status,change,from,outlet,title"))
        #expect(lines.count >= 3, "\(text)")
        #expect(lines[1].hasSuffix(",Kyiv Independent,\"'=HYPERLINK(\"\"http://evil\"\",\"\"Łódź, “talks”\"\")\""), "\(lines[1])")

        // Without --excel: the same rows, no mark.
        let plain = try TallyProcess.run(["extract", "a.html", "--format", "csv", "-q"], in: folder)
        #expect(plain.stdout == text)
        // --excel is CSV only.
        let json = try TallyProcess.run(["extract", "a.html", "--excel", "--format", "json"], in: folder)
        #expect(json.status == 64 && json.stderr.contains("--excel writes CSV"), "\(json.stderr)")
    }
}
