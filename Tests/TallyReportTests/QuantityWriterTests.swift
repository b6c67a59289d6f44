import Foundation
import Testing
import TallyCore
import TallyNumerals
@testable import TallyReport

@Suite struct QuantityWriterTests {
    /// Lines as `tally quantities` writes them: contract order, nulls written, dates as ISO strings.
    static let lines = [
        #"{"doc":"text","text":"at least 1,000","start":0,"end":14,"value":1000,"low":1000,"high":null,"qualifier":"at_least","unit":null,"kind":"number","change":null,"from":null,"bound":null,"window_start":null,"window_end":null}"#,
        #"{"doc":"a \"quoted\"\\doc","text":"90-minute\u2028","start":31,"end":40,"value":1.5,"low":-90,"high":90,"qualifier":"exact","unit":"minutes","kind":"duration","change":"down","from":120,"bound":null,"window_start":"2025-05-30","window_end":"2025-06-01"}"#,
        #"{"doc":"text","text":"Monday","start":52,"end":58,"value":"2025-06-02","low":"2025-06","high":"2025","qualifier":"exact","unit":null,"kind":"date","change":null,"from":null,"bound":"at_least","window_start":null,"window_end":null}"#,
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

    /// CSV rows: the JSON Lines keys as the header, a row per record, empty cells for nulls, quoted
    /// where a comma or quote needs it, and a formula-like text defused.
    @Test func writesCSVRows() throws {
        let out = JSONBuffer(capacity: 64)
        for line in Self.lines {
            QuantityWriter.csvRecord(try JSONDecoder().decode(QuantityRecord.self, from: Data(line.utf8)), to: out)
        }
        let rows = String(decoding: out.bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(QuantityWriter.csvHeader == "doc,text,start,end,value,low,high,qualifier,unit,kind,change,from,bound,window_start,window_end\r\n")
        #expect(rows[0] == "text,\"at least 1,000\",0,14,1000,1000,,at_least,,number,,,,,")
        #expect(rows[1].hasSuffix(",minutes,duration,down,120,,2025-05-30,2025-06-01"))
        #expect(rows[2] == "text,Monday,52,58,2025-06-02,2025-06,2025,exact,,date,,,at_least,,")
        let formulaLine = #"{"doc":"d","text":"=1+1","start":0,"end":4,"value":2,"low":null,"high":null,"qualifier":"exact","unit":null,"kind":"number"}"#
        let formula = try JSONDecoder().decode(QuantityRecord.self, from: Data(formulaLine.utf8))
        let one = JSONBuffer(capacity: 16)
        QuantityWriter.csvRecord(formula, to: one)
        #expect(String(decoding: one.bytes, as: UTF8.self) == "d,'=1+1,0,4,2,,,exact,,number,,,,,\r\n")
    }
}
