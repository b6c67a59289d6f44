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
        var file = ClaimsFile(path: path, claims: [], badLines: [])
        guard read(path, claim: { file.claims.append($0) }, badLine: { file.badLines.append($0) }) else { return nil }
        return file
    }

    /// Reads the file at `path` (standard input for `-`) record by record, a megabyte at a time, handing
    /// each claim and each bad line over as it comes: the reduce never holds the file, which is several
    /// times the size of the articles it was extracted from. False when the file cannot be read (what
    /// was handed over before a read error stays handed over).
    public static func read(_ path: String, claim: (Claim) -> Void, badLine: (BadLine) -> Void) -> Bool {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else { return false }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        var lines = Lines(path: path)
        var pending: [UInt8] = []
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: 1 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                return false
            }
            pending += chunk
            guard let lastBreak = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            lines.parse(pending[..<lastBreak], claim: claim, badLine: badLine)
            pending.removeSubrange(...lastBreak)
        }
        lines.parse(pending[...], claim: claim, badLine: badLine)
        return true
    }

    /// Parses a claims file already in memory; `path` names it in bad lines.
    public init(data: Data, path: String) {
        self.init(path: path, claims: [], badLines: [])
        var lines = Lines(path: path)
        var claims: [Claim] = []
        var badLines: [BadLine] = []
        lines.parse(Array(data)[...], claim: { claims.append($0) }, badLine: { badLines.append($0) })
        self.claims = claims
        self.badLines = badLines
    }

    private init(path: String, claims: [Claim], badLines: [BadLine]) {
        self.path = path
        self.claims = claims
        self.badLines = badLines
    }

    /// Lines of a claims file, numbered across the pieces it is read in.
    struct Lines {
        let path: String
        let decoder = JSONDecoder()
        var number = 0

        init(path: String) { self.path = path }

        /// Parses the lines of `bytes`, whole lines only (the last one need not end in a line break).
        mutating func parse(_ bytes: ArraySlice<UInt8>, claim: (Claim) -> Void, badLine: (BadLine) -> Void) {
            for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                number += 1
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                do {
                    claim(try decoder.decode(Claim.self, from: Data(line)))
                } catch {
                    badLine(BadLine(path: path, line: number, reason: ClaimsFile.describe(error)))
                }
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
