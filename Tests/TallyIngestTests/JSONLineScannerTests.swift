import Foundation
import Testing

@testable import TallyIngest

/// The byte-level JSON Lines scanner must agree with `JSONDecoder` on every line it accepts, and leave
/// every line `JSONDecoder` rejects (or reads differently) to `JSONDecoder`.
@Suite struct JSONLineScannerTests {
    /// Decodes a line the old way, as a dictionary of the record's fields (nil when JSONDecoder rejects it).
    static func decoded(_ line: String) -> [String: String]? {
        guard let record = try? JSONDecoder().decode(JSONLinesReader.Record.self, from: Data(line.utf8)) else { return nil }
        var fields: [String: String] = [:]
        for (name, value) in [
            ("id", record.id), ("url", record.url), ("published", record.published), ("title", record.title),
            ("outlet", record.outlet), ("author", record.author), ("text", record.text), ("html", record.html),
        ] {
            if let value { fields[name] = value }
        }
        return fields
    }

    static func scanned(_ line: String) -> [String: String]? { JSONLineScanner.fields(of: Array(line.utf8)[...]) }

    static let lines = [
        #"{"id":"a1","published":"2025-06-02","text":"Nearly 400 children."}"#,
        #"{"id": 17, "text": "plain", "extra": [1, 2.5e3, {"k": null}, true, false]}"#,
        #" { "text" : "tab\there \"quoted\" back\\slash \/ \u00e9 \ud83d\udc4d" } "#,
        #"{"text":"café — “curly”","title":"Kyiv","outlet":"Wire","author":"A. B.","url":"https://x/y"}"#,
        #"{"html":"<p>1,000 prisoners</p>","id":"h"}"#,
        #"{}"#, #"{"id":-0,"text":"x"}"#, #"{"id":12.5,"text":"x"}"#, #"{"id":007,"text":"x"}"#,
        #"{"id":true,"text":"x"}"#, #"{"title":null,"text":"x"}"#, #"{"title":5,"text":"x"}"#,
        #"{"text":5}"#, #"{"text":"x","text":"y"}"#, #"{"text":"lone \ud800 surrogate"}"#,
        #"{"text":"bad \x escape"}"#, "{\"text\":\"raw \u{1} control\"}", #"{"text":"x",}"#, #"{"text":"x"} trailing"#,
        #"["text"]"#, #"{"text":"x""#, #"{"a":01,"text":"x"}"#, #"{"a":1.,"text":"x"}"#, #"{"a":-,"text":"x"}"#,
        #"{"a":tru,"text":"x"}"#, #"{"a":[1,],"text":"x"}"#, #"{"a":{"b":},"text":"x"}"#, "{\"text\":\"x\"}\r",
        #"{"id":123456789012345678901234,"text":"x"}"#,
        String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
    ]

    @Test(arguments: lines)
    func agreesWithJSONDecoderWheneverItReadsALine(line: String) {
        guard let fields = JSONLineScannerTests.scanned(line) else { return }  // left to JSONDecoder
        #expect(fields == JSONLineScannerTests.decoded(line))
    }

    @Test func readsTheCommonRecordsItself() {
        for line in JSONLineScannerTests.lines.prefix(5) { #expect(JSONLineScannerTests.scanned(line) != nil, "\(line)") }
    }

    @Test func agreesOnRandomRecords() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "👍", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\udc4d", "\\ud800", "\\q", " ", "\u{7}", "—", "\\/"]
        var scannedLines = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let id = Bool.random(using: &generator) ? "\"d\(Int.random(in: 0...99, using: &generator))\"" : String(Int.random(in: -5...5, using: &generator))
            let line = "{\"id\":\(id),\"text\":\"\(text)\",\"n\":[\(Int.random(in: 0...9, using: &generator)),{\"k\":\"\(text)\"}]}"
            if let fields = JSONLineScannerTests.scanned(line) {
                scannedLines += 1
                #expect(fields == JSONLineScannerTests.decoded(line), "\(line)")
            }
        }
        #expect(scannedLines > 500)
    }
}
