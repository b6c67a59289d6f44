import Foundation
import Testing
import TallyCore
import TallyNumerals
@testable import TallyReport

@Suite struct QuantityWriterTests {
    /// Lines as `tally quantities` writes them: contract order, nulls written, dates as ISO strings.
    static let lines = [
        #"{"doc":"text","text":"at least 1,000","start":0,"end":14,"value":1000,"low":1000,"high":null,"qualifier":"at_least","unit":null,"kind":"number"}"#,
        #"{"doc":"a \"quoted\"\\doc","text":"90-minute\u2028","start":31,"end":40,"value":1.5,"low":-90,"high":90,"qualifier":"exact","unit":"minutes","kind":"duration"}"#,
        #"{"doc":"text","text":"Monday","start":52,"end":58,"value":"2025-06-02","low":"2025-06","high":"2025","qualifier":"exact","unit":null,"kind":"date"}"#,
    ]

    /// Each line decoded to a record and written again, all into one buffer: the same bytes.
    @Test func writesRecordsBackExactly() throws {
        let out = JSONBuffer(capacity: 64)
        for line in Self.lines {
            let record = try JSONDecoder().decode(QuantityRecord.self, from: Data(line.utf8))
            QuantityWriter.jsonLine(record, to: out)
        }
        #expect(String(decoding: out.bytes, as: UTF8.self) == Self.lines.joined(separator: "\n") + "\n")
    }
}
