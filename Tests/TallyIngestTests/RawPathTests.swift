import Foundation
import Testing
import TallyCore
@testable import TallyIngest

/// Issue 19: files whose names are not UTF-8 were listed, then reported as "no such file".
@Suite struct RawPathTests {
    /// Creates `bytes` (a raw, possibly invalid UTF-8 path) holding `text`.
    static func write(_ bytes: [UInt8], _ text: String) throws {
        let fd = open(bytes.map { CChar(bitPattern: $0) } + [0], O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        try #require(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    @Test func filesAndFoldersWithLatin1NamesAreRead() throws {
        let folder = NSTemporaryDirectory() + "tally-rawpath-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = Array(folder.utf8)
        try Self.write(base + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8), "Cafe\nAt least 1,000 prisoners were freed.\n")
        #expect(mkdir((base + Array("/d".utf8) + [0xFF]).map { CChar(bitPattern: $0) } + [0], 0o755) == 0)
        try Self.write(base + Array("/d".utf8) + [0xFF] + Array("/x.txt".utf8), "Exchange\nAbout 300 prisoners were freed.\n")
        try Self.write(base + Array("/plain-\u{FFFD}.txt".utf8), "Plain\nA valid name with a replacement character in it.\n")

        let ingestor = Ingestor()
        let (files, skipped) = ingestor.inputFiles(for: [folder])
        #expect(skipped.isEmpty, "\(skipped)")
        #expect(files.count == 3)
        var texts: [String] = []
        for file in files { texts += try ingestor.ingest(file: file).map(\.text) }
        #expect(texts.contains("Cafe\nAt least 1,000 prisoners were freed."))
        #expect(texts.contains("Exchange\nAbout 300 prisoners were freed."))
        #expect(texts.contains("Plain\nA valid name with a replacement character in it."))
    }

    @Test func ordinaryPathsAreTheirUTF8() {
        #expect(RawPath.cString("a/b.txt") == Array("a/b.txt".utf8CString))
        #expect(RawPath.cString("/nonexistent/\u{FFFD}.txt") == Array("/nonexistent/\u{FFFD}.txt".utf8CString))
    }
}
