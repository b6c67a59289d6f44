import Foundation
import Testing
import TallyCore

/// Writes the bad inputs of `BadFolderTests` into a folder, returning what each must be reported as.
enum BadFiles {
    static func make(in folder: URL, article: Data) throws -> [BadFolderTests.Bad] {
        var bad: [BadFolderTests.Bad] = []
        func write(_ name: String, _ bytes: [UInt8], _ expect: [String]) throws {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            bad.append(.init(name: name, expect: expect))
        }
        let text = [UInt8](article)
        try write("empty.txt", [], ["skipped", "empty file"])
        try write("blank.txt", Array(" \n\t\n  \n".utf8), ["skipped", "empty file"])
        var random = SystemRandomNumberGenerator()
        try write("binary.html", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }, ["skipped", "binary"])
        try write("nul.txt", Array(text.prefix(200)) + [0, 0, 0] + Array(text.dropFirst(200)), ["skipped", "NUL bytes"])
        try write("png.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array(repeating: 1, count: 64), ["skipped", "binary"])
        let utf16 = Array(String(decoding: text, as: UTF8.self).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try write("utf16-no-bom.txt", utf16, ["skipped", "UTF-16"])
        try write("truncated.txt.gz", Array(try gzip(text).prefix(300)), ["warning", "truncated gzip"])
        try write("bomb.txt.gz", try gzip([UInt8](repeating: 0x61, count: 45 << 20)), ["skipped", "larger than the 40.0 MB limit"])
        var latin = Array(text.prefix(400))
        latin += [0xE9, 0x20, 0xFC, 0x20, 0xFF, 0x80] + Array(text.dropFirst(400))
        try write("invalid-utf8.txt", latin, ["warning", "not UTF-8"])
        try write("huge-line.txt", Array(String(repeating: "the 1,000 prisoners and ", count: 10_000).utf8), ["warning", "long"])
        try write("deep.html", Array(("<html><body>" + String(repeating: "<div>", count: 2000) + "<p>About 300 bodies were found.</p>").utf8),
                  ["warning", "nested"])
        try write("broken.html", Array("<html><head><title>Cut</title></head><body><p>At least 40 people were hurt when the".utf8),
                  ["warning", "truncated HTML"])
        try write("only-markup.html", Array("<!doctype html><html><head><script>var a = 1;</script></head><body><nav><a href=x>x</a></nav></body></html>".utf8),
                  ["warning", "no article body"])
        let record = "{\"id\": \"ok\", \"text\": \"At least 1,000 prisoners were exchanged on 2 June.\"}"
        try write("bad-lines.jsonl", Array("\(record)\n{broken\n{\"text\": 12}\n".utf8), ["warning", "line 2"])
        try write("array.jsonl", Array("[{\"text\": \"1,000 prisoners\"}]\n".utf8), ["skipped", "JSON but not JSON Lines"])
        try write("all-bad.jsonl", Array("{\"text\": 1}\n{\"html\": false}\n".utf8), ["skipped", "no usable JSON Lines records"])
        try write("double.txt.gz", try gzip(try gzip(text)), ["skipped", "gzip inside gzip"])
        try write("binary-inside.txt.gz", try gzip((0..<2048).map { UInt8($0 % 7) }), ["skipped", "binary"])
        try write("claims.jsonl", Array("{\"doc\": \"a\", \"kind\": \"prisoners\", \"quote\": \"1,000 prisoners\", \"value\": 1000}\n".utf8), [])
        bad.removeLast()  // listed silently by design (a claims file inside a folder is not an article)
        // 50 MB page over the 40 MB limit: sparse, so the test writes no 50 MB.
        let big = folder.appendingPathComponent("over-limit.html").path
        #expect(FileManager.default.createFile(atPath: big, contents: Data("<html><body><p>".utf8)))
        #expect(truncate(big, 50 << 20) == 0)
        bad.append(.init(name: "over-limit.html", expect: ["skipped", "larger than the 40.0 MB limit"]))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
        bad.append(.init(name: "loop", expect: ["skipped", "symbolic link loop"]))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
        bad.append(.init(name: "dangling.txt", expect: ["skipped", "no such file"]))
        #expect(mkfifo(folder.appendingPathComponent("fifo.txt").path, 0o644) == 0)
        bad.append(.init(name: "fifo.txt", expect: ["skipped", "not a regular file"]))
        let unreadable = folder.appendingPathComponent("unreadable.txt").path
        try Data(article).write(to: URL(fileURLWithPath: unreadable))
        chmod(unreadable, 0)
        if access(unreadable, R_OK) != 0 {  // root reads it anyway: then it is simply a good article
            bad.append(.init(name: "unreadable.txt", expect: ["skipped", "permission denied"]))
        }
        return bad
    }

    /// gzip-compresses `bytes` with the system `gzip` (no zlib binding in the tests).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tally-gz-\(UUID().uuidString)")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-6", input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
