import Foundation

/// `-` among the inputs: standard input, read once, whole, before the batch starts (an article piped in
/// is one file), and never more than the size limit allows (one byte over it, so the limit is reported).
enum StandardInput {
    /// The path that names standard input.
    static let path = "-"
    /// The document id its article gets (plain text and HTML have no name of their own).
    static let documentID = "stdin"

    static func read(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let handle = FileHandle.standardInput
        // Typed at a terminal, the article ends with Ctrl-D; say so rather than seem to hang.
        if isatty(0) == 1 { Console.error("tally: reading an article from the terminal; end it with Ctrl-D") }
        do {
            while bytes.count <= limit, let chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - bytes.count)), !chunk.isEmpty {
                bytes += chunk
            }
        } catch {
            Console.error("tally: cannot read standard input: \(error.localizedDescription)")
            throw Exit.noInput
        }
        return bytes
    }
}
