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

    @Test func anUnreadableFileIsNil() {
        #expect(ClaimsFile.read("/nonexistent/claims.jsonl") == nil)
    }
}
