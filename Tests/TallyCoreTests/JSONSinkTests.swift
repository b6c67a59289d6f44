import Testing

@testable import TallyCore
@testable import TallyMemory

@Suite struct JSONSinkTests {
    /// One record with every kind of field, written by any sink.
    static func write<Sink: JSONSink>(_ texts: [String], to sink: inout Sink) {
        sink.literal("{\"texts\":[")
        for (index, text) in texts.enumerated() {
            if index > 0 { sink.literal(",") }
            sink.string(text)
        }
        sink.literal("],\"n\":")
        sink.int(-1234)
        sink.literal(",\"zero\":")
        sink.int(0)
        sink.literal(",\"max\":")
        sink.int(Int.max)
        sink.figureFields(value: .number(2.5), low: .date(CalendarDate(year: 2025, month: 6, day: 2)), high: nil, qualifier: .atMost)
        sink.literal(",\"dates\":[")
        sink.date(CalendarDate(year: 2025))
        sink.literal(",")
        sink.date(CalendarDate(year: 987, month: 11))
        sink.literal(",")
        sink.date(CalendarDate(year: 12345, month: 1, day: 9))  // wider than YYYY: written from `iso`
        sink.literal(",")
        sink.date(CalendarDate(year: -44, month: 3, day: 15))
        sink.literal("],\"unit\":")
        sink.optionalString(nil)
        sink.literal(",\"raw\":\"")
        sink.raw("per_side")
        sink.literal("\"}")
    }

    /// The record through the one-pass path (`JSONSizeBound`, then `JSONWriter` into a `JSONBuffer`).
    static func bufferedText(_ texts: [String]) -> String {
        let buffer = JSONBuffer(capacity: 16)
        buffer.append(bound: JSONBufferTests.bound(texts)) { write(texts, to: &$0) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test func bufferedWritingMatchesJSONBytes() {
        let texts = JSONBytesTests.texts
        var bytes = JSONBytes()
        Self.write(texts, to: &bytes)
        let text = Self.bufferedText(texts)
        #expect(text == bytes.text)
        #expect(text.contains("\"dates\":[\"2025\",\"0987-11\",\"12345-01-09\",\"-0044-03-15\"]"))
    }

    /// Many strings, some needing escapes, some not: the same text as `JSONBytes`.
    @Test func manyStringsMixingPlainAndEscaped() {
        let texts = (0..<100).map { $0 % 7 == 0 ? "say \"\($0)\"" : "plain \($0)" }
        var bytes = JSONBytes()
        Self.write(texts, to: &bytes)
        #expect(Self.bufferedText(texts) == bytes.text)
    }

    /// Nothing but escapes: control characters and line separators, which grow most.
    @Test func recordsOfEscapesOnly() {
        let texts = [String(repeating: "\u{1}", count: 50), String(repeating: "\u{2028}", count: 20), "\u{1F}\u{2029}\u{0}"]
        var bytes = JSONBytes()
        Self.write(texts, to: &bytes)
        #expect(Self.bufferedText(texts) == bytes.text)
    }

    @Test(arguments: JSONBytesTests.texts)
    func escapedCountIsWhatTheEscaperWrites(text: String) {
        var bytes = JSONBytes()
        bytes.string(text)
        let count = JSONEscaping.escapedCount(text)
        #expect(count + 2 == bytes.bytes.count)
        #expect(JSONText.needsEscaping(text) == (count != text.utf8.count))
    }

    /// The lowest flagged byte of a word is exactly the first byte that may need an escape.
    @Test func specialBytesFlagsTheFirstSpecialByteExactly() {
        let specials: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C, 0xE2]
        let plains: [UInt8] = [0x20, 0x21, 0x23, 0x41, 0x5B, 0x5D, 0x7F, 0x80, 0xA8, 0xC3, 0xE1, 0xE3, 0xFF]
        for plain in plains {
            #expect(JSONEscaping.specialBytes(UInt64(plain) &* 0x0101_0101_0101_0101) == 0)
        }
        for special in specials {
            for position in 0..<8 {
                for filler in plains {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = special
                    // Bytes above the special one may be anything, specials included.
                    if position < 7 { bytes[7] = specials[(position + Int(filler)) % specials.count] }
                    if position == 7 { bytes[7] = special }
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let mask = JSONEscaping.specialBytes(UInt64(littleEndian: word))
                    #expect(mask.trailingZeroBitCount >> 3 == position, "special \(special) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func digitsOfIntegers() {
        for n in [0, 7, 9, 10, 99, 100, -1, -10, 1_000_000, Int.max, Int.min] {
            #expect(JSONDigits.count(n) == String(n).utf8.count)
            var bytes = JSONBytes()
            bytes.int(n)
            #expect(bytes.text == String(n))
        }
    }
}

/// The one-pass path: `JSONSizeBound` gives room, `JSONBuffer` writes with `JSONWriter`.
@Suite struct JSONBufferTests {
    static func bound(_ texts: [String]) -> JSONSizeBound {
        var bound = JSONSizeBound()
        JSONSinkTests.write(texts, to: &bound)
        return bound
    }

    @Test func appendsWhatJSONBytesWrites() {
        for texts in [JSONBytesTests.texts, [], [String(repeating: "\u{1}", count: 50), "\u{2028}\u{2029}"]] {
            var reference = JSONBytes()
            JSONSinkTests.write(texts, to: &reference)
            let buffer = JSONBuffer()
            buffer.append(Array("prefix".utf8))
            buffer.append(bound: Self.bound(texts)) { JSONSinkTests.write(texts, to: &$0) }
            #expect(buffer.bytes == Array("prefix".utf8) + reference.bytes)
            #expect(buffer.withBytes { Array($0) } == buffer.bytes)
            #expect(buffer.count == buffer.bytes.count)
        }
    }

    /// The bound holds the record however it escapes: at worst every string byte becomes six.
    @Test func boundIsNeverBelowTheRecord() {
        let texts = JSONBytesTests.texts + [String(repeating: "\u{1}", count: 40), String(repeating: "\u{2028}", count: 9)]
        for text in texts {
            var exact = JSONBytes()
            JSONSinkTests.write([text], to: &exact)
            #expect(Self.bound([text]).count >= exact.bytes.count)
        }
    }

    /// Records larger than the buffer grow it; records append one after another; `removeAll` empties it.
    @Test func growsForLargeRecords() {
        let buffer = JSONBuffer(capacity: 16)
        var reference = JSONBytes()
        for length in [0, 10, 5_000, 3, 100_000] {
            let texts = [String(repeating: "a\"", count: length)]
            JSONSinkTests.write(texts, to: &reference)
            buffer.append(bound: Self.bound(texts)) { JSONSinkTests.write(texts, to: &$0) }
        }
        #expect(buffer.bytes == reference.bytes)
        buffer.removeAll()
        #expect(buffer.count == 0 && buffer.bytes.isEmpty)
        buffer.append(bound: Self.bound(["x"])) { JSONSinkTests.write(["x"], to: &$0) }
        #expect(String(decoding: buffer.bytes, as: UTF8.self).hasPrefix("{\"texts\":[\"x\"]"))
    }
}
