import Foundation
import TallyCore

/// A claims file as `tally extract --format jsonl` writes it, read back for the reduce step
/// (`tally reconcile`): one claim per line. Blank lines are skipped; a line that is not a claim is
/// kept as a bad line with its number rather than ending the read, so one damaged record from a map
/// task does not lose the rest.
public struct ClaimsFile: Sendable {
    /// A line that is not a claim record, and why.
    public struct BadLine: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { "\(path):\(line): not a claim record (\(reason))" }
    }

    public var path: String
    public var claims: [Claim]
    public var badLines: [BadLine]

    /// Reads the file at `path`, or standard input for `-`; nil when it cannot be read.
    public static func read(_ path: String) -> ClaimsFile? {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        return data.map { ClaimsFile(data: $0, path: path) }
    }

    /// Parses a claims file already in memory; `path` names it in bad lines.
    public init(data: Data, path: String) {
        self.path = path
        claims = []
        badLines = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                claims.append(try decoder.decode(Claim.self, from: Data(line)))
            } catch {
                badLines.append(BadLine(path: path, line: lineNumber, reason: ClaimsFile.describe(error)))
            }
        }
    }

    /// A decoding error in a reader's words: the field that is missing or wrong, or invalid JSON.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "bad field '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "bad field '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "\(error)"
        }
    }
}
