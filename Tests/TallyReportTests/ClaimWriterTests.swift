import Foundation
import Testing
import TallyCore
@testable import TallyReport

@Suite struct ClaimWriterTests {
    let claims = [Fixtures.nearly400, Fixtures.perSide, Fixtures.range]

    @Test func jsonLinesDecodeBackOneClaimPerLine() throws {
        let text = ClaimWriter.render(claims, format: .jsonl)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(text.hasSuffix("\n"))
        for (line, claim) in zip(lines, claims) {
            #expect(line.hasPrefix("{\"doc\":"))
            #expect(try JSONDecoder().decode(Claim.self, from: Data(line.utf8)) == claim)
        }
    }

    @Test func jsonLinesWriteEveryContractFieldNullsIncluded() throws {
        let line = ClaimWriter.render([Fixtures.atLeast1000], format: .jsonl)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(ClaimField.allCases.map(\.name)))
        #expect(object["high"] is NSNull)
        #expect(object["speaker"] is NSNull)
        #expect(object["low"] as? Int == 1000)
        #expect(line.contains("\"value\":1000,"))  // a plain number, no separators
    }

    @Test func jsonArrayDecodesBack() throws {
        let text = ClaimWriter.render(claims, format: .json)
        #expect(try JSONDecoder().decode([Claim].self, from: Data(text.utf8)) == claims)
        #expect(ClaimWriter.render([], format: .json) == "[]\n")
    }

    @Test func jsonEscapesControlCharactersAndLineSeparators() throws {
        var claim = Fixtures.total
        claim.sentence = "tab\there\nnew \u{1} \u{2028} \"q\" \\"
        let line = ClaimWriter.render([claim], format: .jsonl)
        #expect(line.split(separator: "\n").count == 1)
        #expect(line.contains("\\u0001") && line.contains("\\u2028"))
        #expect(try JSONDecoder().decode(Claim.self, from: Data(line.utf8)) == claim)
    }

    @Test func csvQuotesFieldsPerRFC4180() throws {
        var claim = Fixtures.exact339
        claim.quote = "339 \"children\", said"
        claim.sentence = "line one\nline two"
        let text = ClaimWriter.render([claim, Fixtures.range], format: .csv)
        #expect(text.hasPrefix("doc,kind,value,low,high,qualifier,unit,scope,subject,event,speaker,quote,start,end,sentence,rule,story,status,change,from,outlet,title\r\n"))
        #expect(text.contains(",\"339 \"\"children\"\", said\","))
        let rows = CSV.parse(text)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == ClaimField.allCases.count + 2 })
        #expect(rows[1][11] == claim.quote)
        #expect(rows[1][14] == "line one\nline two")
        #expect(rows[1][2] == "339")
        #expect(rows[2][2] == "")  // a range has no single value
        #expect(rows[2][3] == "1000" && rows[2][4] == "1200")
        #expect(rows[2][11] == Fixtures.range.quote)
    }

    @Test func csvOfNoClaimsIsTheHeader() {
        #expect(ClaimWriter.render([], format: .csv) == ClaimField.allCases.map(\.name).joined(separator: ",") + ",outlet,title\r\n")
    }

    @Test func streamingWriterMatchesTheWholeRendering() {
        for format in ClaimFormat.allCases {
            var out = ""
            var writer = ClaimStreamWriter(format: format)
            for claim in claims { writer.append(claim, to: &out) }
            writer.finish(to: &out)
            #expect(out == ClaimWriter.render(claims, format: format))
        }
    }

    @Test func datesAreISOStrings() throws {
        var claim = Fixtures.total
        claim.kind = "date"
        claim.value = .date(CalendarDate(year: 2025, month: 6, day: 20))
        claim.low = claim.value
        claim.high = .date(CalendarDate(year: 2025, month: 6))
        let line = ClaimWriter.render([claim], format: .jsonl)
        #expect(line.contains("\"value\":\"2025-06-20\"") && line.contains("\"high\":\"2025-06\""))
        #expect(CSV.parse(ClaimWriter.render([claim], format: .csv))[1][2] == "2025-06-20")
    }
}

/// A small RFC 4180 reader, to check the writer's output the way a spreadsheet would read it.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" && chars.first == "\n" { chars.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

extension ClaimWriterTests {
    @Test func jsonKeysAreInContractOrder() {
        let line = ClaimWriter.jsonObject(Fixtures.range)
        var positions: [String.Index] = []
        for field in ClaimField.allCases.map(\.name) {
            guard let range = line.range(of: "\"\(field)\":") else { Issue.record("missing \(field)"); return }
            positions.append(range.lowerBound)
        }
        #expect(positions == positions.sorted())
    }

    /// The JSON writer's literal keys are the table's names, the first opening the object.
    @Test func jsonKeysAreTheFieldNames() {
        for (index, field) in ClaimField.allCases.enumerated() {
            let key = JSONClaimObject<JSONSizeBound>.key(field).description
            #expect(key == (index == 0 ? "{" : ",") + "\"\(field.name)\":", "\(field)")
        }
    }

    @Test func escapingIsDetectedExactly() {
        #expect(!JSONText.needsEscaping("“curly” — dash … ’"))  // E2-led characters that need no escape
        #expect(JSONText.needsEscaping("a\u{2028}b") && JSONText.needsEscaping("say \"x\""))
        #expect(JSONText.string("“x” — y") == "\"“x” — y\"")
    }
}

extension ClaimWriterTests {
    @Test func storySignatureIsWrittenInEveryFormat() throws {
        var claim = Fixtures.exact339
        claim.story = ["istanbul", "ukraine"]
        let line = ClaimWriter.render([claim], format: .jsonl)
        #expect(line.contains("\"story\":[\"istanbul\",\"ukraine\"],"))
        #expect(try JSONDecoder().decode(Claim.self, from: Data(line.utf8)) == claim)
        #expect(ClaimWriter.render([Fixtures.total], format: .jsonl).contains("\"story\":null,"))
        #expect(CSV.parse(ClaimWriter.render([claim], format: .csv))[1][ClaimField.allCases.firstIndex(of: .story)!] == "istanbul ukraine")
    }

    @Test func statusIsWrittenInEveryFormatAndReadBack() throws {
        var claim = Fixtures.exact339
        claim.status = .runningTotal
        let line = ClaimWriter.render([claim], format: .jsonl)
        #expect(line.contains("\"status\":\"running_total\","))
        #expect(try JSONDecoder().decode(Claim.self, from: Data(line.utf8)) == claim)
        #expect(ClaimWriter.render([Fixtures.total], format: .jsonl).contains("\"status\":null,"))
        #expect(CSV.parse(ClaimWriter.render([claim], format: .csv))[1][ClaimField.allCases.firstIndex(of: .status)!] == "running_total")
    }

    /// `change` and `from` come last (issue 15), in every format, and read back.
    @Test func changeAndFromAreWrittenLastInEveryFormatAndReadBack() throws {
        var claim = Fixtures.exact339
        claim.change = .down
        claim.from = .number(412)
        let line = ClaimWriter.render([claim], format: .jsonl)
        #expect(line.contains("\"change\":\"down\",\"from\":412}"))
        #expect(try JSONDecoder().decode(Claim.self, from: Data(line.utf8)) == claim)
        #expect(ClaimWriter.render([Fixtures.total], format: .jsonl).contains("\"change\":null,\"from\":null}"))
        let row = CSV.parse(ClaimWriter.render([claim], format: .csv))[1]
        #expect(row[ClaimField.allCases.count - 2] == "down" && row[ClaimField.allCases.count - 1] == "412")
        // A claims file written before the two fields still reads, without them.
        let older = line.replacingOccurrences(of: ",\"change\":\"down\",\"from\":412", with: "")
        #expect(try JSONDecoder().decode(Claim.self, from: Data(older.utf8)).change == nil)
    }
}

/// The byte path `tally extract` takes: records rendered per file, then framed by `ClaimStreamWriter`.
extension ClaimWriterTests {
    /// Claims split into files (some empty), rendered to bytes file by file: same as the whole rendering.
    @Test func recordsByFileMatchTheWholeRendering() {
        let files: [[Claim]] = [[], [Fixtures.nearly400], [], [Fixtures.perSide, Fixtures.range, Fixtures.total], [Fixtures.atLeast1000]]
        for format in ClaimFormat.allCases {
            for files in [files, [[]], []] {
                var writer = ClaimStreamWriter(format: format)
                var out: [UInt8] = []
                for claims in files {
                    let records = JSONBuffer()
                    ClaimWriter.record(claims, format: format, to: records)
                    writer.append(records: records.bytes, to: &out)
                }
                writer.finish(to: &out)
                #expect(String(decoding: out, as: UTF8.self) == ClaimWriter.render(files.flatMap { $0 }, format: format))
            }
        }
    }

    /// Every field with escapes, in each format, against the String writers.
    @Test func recordBytesMatchTheStringWriters() {
        var claim = Fixtures.range
        claim.sentence = "tab\there\nnew \u{1} \u{2028} \"q\" \\ “curly”, done"
        claim.subject = "a, \"b\""
        claim.story = ["x\"y", "z"]
        let jsonl = JSONBuffer()
        ClaimWriter.record([claim], format: .jsonl, to: jsonl)
        #expect(String(decoding: jsonl.bytes, as: UTF8.self) == ClaimWriter.jsonObject(claim) + "\n")
        let csv = JSONBuffer()
        ClaimWriter.record([claim], format: .csv, to: csv)
        #expect(String(decoding: csv.bytes, as: UTF8.self) == ClaimWriter.csvRecord(claim) + "\r\n")
        #expect(CSV.parse(ClaimWriter.csvHeader + ClaimWriter.csvRecord(claim) + "\r\n")[1][8] == "a, \"b\"")
        #expect(ClaimWriter.csvField("say \"hi\", then") == "\"say \"\"hi\"\", then\"")
        #expect(ClaimWriter.csvField("plain") == "plain")
    }
}

/// The CSV's document columns and `--excel` (issue 17).
extension ClaimWriterTests {
    /// Outlet and title come after every claim field (no column renamed or moved), quoted like any cell.
    @Test func csvRowsNameTheirDocumentsOutletAndTitle() throws {
        let document = Document(id: Fixtures.nearly400.doc, title: "Talks, \"round two\"\nin Istanbul", outlet: "Kyiv Independent", text: "")
        let text = ClaimWriter.render([Fixtures.nearly400, Fixtures.range], format: .csv, documents: [document])
        let rows = CSV.parse(text)
        let header = ClaimField.allCases.map(\.name) + ["outlet", "title"]
        #expect(rows[0] == header)
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(rows[1].suffix(2) == ["Kyiv Independent", "Talks, \"round two\"\nin Istanbul"])
        #expect(rows[2].suffix(2) == ["", ""])  // a document not given: empty cells
        // The byte path tally extract takes writes the same cells.
        let records = JSONBuffer()
        ClaimWriter.record([Fixtures.nearly400], of: document, format: .csv, to: records)
        #expect(String(decoding: records.bytes, as: UTF8.self) == ClaimWriter.csvRecord(Fixtures.nearly400, of: document) + "\r\n")
        #expect(CSV.parse(ClaimWriter.csvHeader + String(decoding: records.bytes, as: UTF8.self))[1] == rows[1])
        // JSON stays the contract's claim fields.
        #expect(!ClaimWriter.render([Fixtures.nearly400], format: .jsonl, documents: [document]).contains("Kyiv Independent"))
    }

    /// Outlet and title are article text: a formula there is written as text.
    @Test func csvDocumentColumnsAreFormulaGuarded() {
        for formula in ["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            let document = Document(id: Fixtures.range.doc, title: formula, outlet: formula, text: "")
            let row = CSV.parse(ClaimWriter.render([Fixtures.range], format: .csv, documents: [document]))[1]
            #expect(row.suffix(2) == ["'" + formula, "'" + formula])
        }
    }

    /// `--excel`: the UTF-8 byte order mark once, before the header, whether or not there are claims;
    /// records end in CRLF as in every CSV; other formats never get it.
    @Test func excelCSVStartsWithTheByteOrderMark() {
        let bom = "\u{FEFF}"
        let plain = ClaimWriter.render(claims, format: .csv)
        let excel = ClaimWriter.render(claims, format: .csv, excel: true)
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(excel == bom + plain)
        #expect(ClaimWriter.render([], format: .csv, excel: true) == bom + ClaimWriter.csvHeader)
        #expect(!plain.hasPrefix(bom))
        #expect(excel.replacingOccurrences(of: "\r\n", with: "").split(separator: "\n", omittingEmptySubsequences: false).count == 1)
        for format in [ClaimFormat.jsonl, .json] {
            #expect(ClaimWriter.render(claims, format: format, excel: true) == ClaimWriter.render(claims, format: format))
        }
        // Streamed file by file, as tally extract writes it: one mark, first.
        var writer = ClaimStreamWriter(format: .csv, excel: true)
        var out: [UInt8] = []
        for claim in claims {
            let records = JSONBuffer()
            ClaimWriter.record([claim], format: .csv, to: records)
            writer.append(records: records.bytes, to: &out)
        }
        writer.finish(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == excel)
    }
}
