import Foundation
import Testing
import TallyCore
@testable import TallyPipeline

@Suite struct ClaimsFileTests {
    static let record = #"{"doc":"a.txt","kind":"prisoners","value":1000,"low":1000,"high":null,"qualifier":"at_least","unit":"prisoners","scope":"per_side","subject":"prisoner exchange","event":"2025-06-02","speaker":"Umerov","quote":"at least 1,000 prisoners","start":29,"end":53,"sentence":"s","rule":"prisoners.exchanged"}"#

    @Test func readsEveryClaimAndSkipsBlankLines() {
        let text = Self.record + "\n\n  \r\n" + Self.record.replacingOccurrences(of: "\"start\":29", with: "\"start\":30") + "\n"
        let file = ClaimsFile(data: Data(text.utf8), path: "claims.jsonl")
        #expect(file.badLines.isEmpty)
        #expect(file.claims.map(\.start) == [29, 30])
        #expect(file.claims.first?.qualifier == .atLeast && file.claims.first?.speaker == "Umerov")
    }

    @Test func keepsBadLinesWithTheirNumbersAndReasons() {
        let missing = Self.record.replacingOccurrences(of: #""kind":"prisoners","#, with: "")
        let wrongType = Self.record.replacingOccurrences(of: #""start":29"#, with: #""start":"x""#)
        let text = [Self.record, "{oops", missing, wrongType].joined(separator: "\n")
        let file = ClaimsFile(data: Data(text.utf8), path: "c.jsonl")
        #expect(file.claims.count == 1)
        #expect(file.badLines.map(\.description) == [
            "c.jsonl:2: not a claim record (invalid JSON)",
            "c.jsonl:3: not a claim record (missing field 'kind')",
            "c.jsonl:4: not a claim record (bad field 'start')",
        ])
    }

    /// Read a megabyte at a time, a file gives the claims, bad lines and line numbers it gives whole.
    @Test func readRecordByRecordAsWhole() throws {
        var lines: [String] = []
        for index in 0..<9_000 {
            switch index % 1_000 {
            case 7: lines.append("{oops")
            case 8: lines.append("  ")
            default: lines.append(Self.record.replacingOccurrences(of: "\"start\":29", with: "\"start\":\(index)"))
            }
        }
        let text = lines.joined(separator: "\n")  // no final line break: the last record counts too
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UInt32.random(in: 0...UInt32.max)).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(text.utf8.count > 2 << 20)
        let whole = ClaimsFile(data: Data(text.utf8), path: path)
        var claims: [Claim] = []
        var bad: [ClaimsFile.BadLine] = []
        #expect(ClaimsFile.read(path, claim: { claims.append($0) }, badLine: { bad.append($0) }))
        #expect(claims == whole.claims && claims.count == 8_982)
        #expect(bad == whole.badLines && bad.count == 9 && bad.first?.line == 8)
        #expect(ClaimsFile.read(path)?.claims == whole.claims)
        #expect(!ClaimsFile.read(FileManager.default.temporaryDirectory.path, claim: { _ in }, badLine: { _ in }))
    }

    @Test func anUnreadableFileIsNil() {
        #expect(ClaimsFile.read("/nonexistent/claims.jsonl") == nil)
    }
}
