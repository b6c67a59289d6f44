import TallyMemory

/// JSON text built as UTF-8 bytes in an array (`JSONBuffer` with `JSONWriter` is the one-pass path
/// for streaming many records). Escaping and digits are TallyMemory's `JSONEscaping` and `JSONDigits`.
public struct JSONBytes: JSONSink {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text as it is (keys, punctuation, numbers already formatted).
    @inline(__always)
    public mutating func raw(_ text: String) {
        text.withBytes { $0.append(0..<$0.count, to: &bytes) }
    }

    /// Appends a literal as it is (keys and punctuation).
    @inline(__always)
    public mutating func literal(_ literal: StaticString) {
        literal.withBytes { $0.append(0..<$0.count, to: &bytes) }
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped;
    /// U+2028/2029 escaped too so the text is also safe inside a script.
    public mutating func string(_ text: String) {
        bytes.append(0x22)
        JSONEscaping.appendEscaped(text, to: &bytes)
        bytes.append(0x22)
    }

    /// A date as its ISO string.
    public mutating func date(_ date: CalendarDate) { string(date.iso) }

    /// Appends an integer in decimal.
    public mutating func int(_ n: Int) {
        JSONDigits.append(n, to: &bytes)
    }
}
