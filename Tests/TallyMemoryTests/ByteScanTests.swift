import Testing

@testable import TallyMemory

/// `ByteScan` finds a byte anywhere in a string's UTF-8, including past the first few kilobytes.
@Suite struct ByteScanTests {
    @Test func findsANulAnywhere() {
        let long = String(repeating: "plain text, ", count: 10_000)
        #expect(!ByteScan.contains(0, in: long))
        #expect(ByteScan.contains(0, in: long + "\u{0}"))
        #expect(ByteScan.contains(0, in: "\u{0}" + long))
        #expect(!ByteScan.contains(0, in: ""))
        #expect(ByteScan.contains(0xE2, in: "a – b"))  // the first byte of an en dash
    }
}
