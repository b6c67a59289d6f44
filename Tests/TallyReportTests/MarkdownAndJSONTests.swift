import Foundation
import Testing
import TallyCore
@testable import TallyReport

@Suite struct MarkdownReportTests {
    let markdown = ReportRenderer.render(Fixtures.report, format: .markdown)

    @Test func headingsPerFindingMostSevereFirst() throws {
        let conflict = try #require(markdown.range(of: "### 1. Conflict: children — children on Ukraine's list (round 2)"))
        let framing = try #require(markdown.range(of: "### 2. Framing: bodies"))
        let variance = try #require(markdown.range(of: "### 3. Variance: prisoners"))
        #expect(conflict.lowerBound < framing.lowerBound && framing.lowerBound < variance.lowerBound)
    }

    @Test func claimTablesWithBoldQuotes() {
        #expect(markdown.contains("| A | less than 400 | Zelensky | Daily Example · `a.txt` | Zelensky said Kyiv had given Moscow a list of **nearly 400 children** it says were deported. |"))
        #expect(markdown.contains("| B | 339 | Medinsky | `b.txt` |"))
        #expect(MarkdownReport.codeCell("a|b`c.txt") == "`a\\|b'c.txt`")
    }

    @Test func articleTextIsEscaped() throws {
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("1,000–1,200") })
        // Only the table's own pipes are unescaped: six of them for five columns.
        let scalars = Array(row.unicodeScalars)
        let bare = scalars.indices.filter { scalars[$0] == "|" && ($0 == 0 || scalars[$0 - 1] != "\\") }
        #expect(bare.count == 6)
    }

    @Test func documentsLinkToTheirURLAndSkippedAreListed() {
        #expect(markdown.contains("[Talks end in an hour](https://example.org/a?x=1&y=2)"))
        #expect(markdown.contains("- `empty.txt`: empty file"))
    }
}

@Suite struct JSONReportTests {
    let json = ReportRenderer.render(Fixtures.report, format: .json)

    @Test func decodesBackIntoTheSortedReport() throws {
        let decoded = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        #expect(decoded.version == 1)
        #expect(decoded.documents == Fixtures.report.documents)
        #expect(decoded.findings.map(\.verdict) == [.conflict, .framing, .variance])
        // The contract's finding claims carry no kind/subject/event of their own: the finding has them.
        let conflict = decoded.findings[0]
        #expect(conflict.reason == Fixtures.conflict.reason && conflict.subject == Fixtures.conflict.subject)
        #expect(conflict.claims.map(\.position) == Fixtures.conflict.claims.map(\.position))
        for (got, want) in zip(conflict.claims.map(\.claim), Fixtures.conflict.claims.map(\.claim)) {
            #expect(got.quote == want.quote && got.value == want.value && got.low == want.low && got.high == want.high)
            #expect(got.speaker == want.speaker && got.start == want.start && got.sentence == want.sentence)
        }
        #expect(decoded.skipped == Fixtures.report.skipped)
    }

    @Test func hasTheContractShape() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(Set(["doc", "title", "outlet", "published", "claims"]).isSubset(of: documents[0].keys))
        #expect(documents[1]["outlet"] is NSNull)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(Set(["verdict", "kind", "subject", "event", "reason", "claims"]).isSubset(of: findings[0].keys))
        let claim = try #require((findings[0]["claims"] as? [[String: Any]])?.first)
        let contract = ["doc", "quote", "value", "low", "high", "qualifier", "unit", "scope", "speaker", "start", "end", "position"]
        #expect(Set(contract).isSubset(of: claim.keys))
    }

    /// Written finding by finding (documents a thousand at a time), the bytes are those one encoding of the whole report gives.
    @Test func isTheBytesOfOneEncoderPass() throws {
        func whole(_ report: Report) throws -> String {
            var sorted = report
            sorted.findings = report.findings.inReportOrder()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            return String(decoding: try encoder.encode(sorted), as: UTF8.self) + "\n"
        }
        #expect(json == (try whole(Fixtures.report)))
        var none = Fixtures.report
        none.findings = []
        none.unpaired = UnpairedClaims()
        #expect(ReportRenderer.json(none) == (try whole(none)))
        var one = Fixtures.report
        one.findings = [Fixtures.conflict]
        one.documents[0].title = "a title with \"findings\" : [ in it\n"
        #expect(ReportRenderer.json(one) == (try whole(one)))
        // Documents go a thousand at a time: 2,500 of them, and none.
        var many = Fixtures.report
        many.documents = (0..<2_500).map { index in
            var document = Fixtures.report.documents[index % Fixtures.report.documents.count]
            document.doc += "-\(index)"
            return document
        }
        #expect(ReportRenderer.json(many) == (try whole(many)))
        var noDocuments = Fixtures.report
        noDocuments.documents = []
        #expect(ReportRenderer.json(noDocuments) == (try whole(noDocuments)))
        // Handed over piece by piece (the outline cut where the documents and the findings go, the documents
        // in one piece, then one piece per finding).
        var pieces: [[UInt8]] = []
        ReportRenderer.render(Fixtures.report, format: .json) { pieces.append($0); return true }
        #expect(pieces.count == 4 + Fixtures.report.findings.count)
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == json)
        var first: [[UInt8]] = []
        ReportRenderer.render(Fixtures.report, format: .json) { first.append($0); return false }
        #expect(first.count == 1)
        var text: [[UInt8]] = []
        ReportRenderer.render(Fixtures.report, format: .text) { text.append($0); return true }
        #expect(text == [Array(ReportRenderer.render(Fixtures.report, format: .text).utf8)])
    }

    @Test func isDeterministicAndPretty() {
        #expect(json == ReportRenderer.render(Fixtures.report, format: .json))
        #expect(json.contains("\n  \"documents\" : ["))
        #expect(json.contains("https://example.org/a"))  // slashes not escaped
    }
}

extension MarkdownReportTests {
    @Test func strongNeverOpensNextToASpace() {
        #expect(MarkdownReport.strong(" 400 ") == " **400** ")
        #expect(MarkdownReport.strong("a*b") == "**a\\*b**")
        #expect(MarkdownReport.strong("  ") == "  ")
    }
}
