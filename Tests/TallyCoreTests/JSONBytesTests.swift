import Testing

@testable import TallyCore

@Suite struct JSONBytesTests {
    /// Texts with every escape JSON output needs: quotes, backslashes, controls, U+2028/2029, multibyte.
    static let texts = [
        "", "plain", "say \"no\"", "back\\slash", "tab\tnew\nline\r", "\u{01}\u{1F}", "line\u{2028}para\u{2029}end",
        "€1.2bn — “curly” ‘quotes’", "\u{E2}x", "emoji 👍🏽 and \u{2027}", "ends with quote\"",
        // Longer than eight bytes, with the escape at every offset of a block and across blocks.
        "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefg\"hijklmno\\pqrstuv\nwxyz", "1234567\u{2028}89abcdef",
        "123456\u{2029}789abcdefghij\u{2028}", "a plain sentence that is long enough for several blocks, with “curly quotes”.",
    ] + (0..<16).map { String(repeating: "x", count: $0) + "\"" + String(repeating: "y", count: 16 - $0) + "\u{1}z" }

    @Test(arguments: texts)
    func writesTheSameStringLiteralAsJSONText(text: String) {
        var bytes = JSONBytes()
        bytes.string(text)
        #expect(bytes.text == JSONText.string(text))
    }

    @Test func writesFiguresAndNullsLikeJSONText() {
        var bytes = JSONBytes()
        bytes.figure(.number(1200))
        bytes.literal(",")
        bytes.figure(.number(2.5))
        bytes.literal(",")
        bytes.figure(nil)
        bytes.literal(",")
        bytes.optionalString(nil)
        bytes.literal(",")
        bytes.int(-42)
        bytes.literal(",")
        bytes.int(Int.min)
        bytes.literal(",")
        bytes.figure(.number(-0.0))
        #expect(bytes.text == "1200,2.5,null,null,-42,\(Int.min),0")
    }
}
