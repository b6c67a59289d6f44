import Foundation
import TallyCore

/// The accepted output for one article (`corpus/baseline/<article>.jsonl`): its claims sorted by
/// position, one JSON object per line with a fixed key order, so a `git diff` shows one line per
/// changed claim. `doc` and `sentence` are left out: the file name says the first, and the second
/// would churn every claim of a sentence when one word changes.
public enum Baseline {
    public static let fields = [
        "kind", "quote", "start", "end", "value", "low", "high", "qualifier", "unit", "scope", "subject", "event", "speaker", "rule",
    ]

    /// Claims in baseline order: by start, then end, kind and rule.
    public static func sorted(_ claims: [Claim]) -> [Claim] {
        claims.sorted { ($0.start, $0.end, $0.kind, $0.rule) < ($1.start, $1.end, $1.kind, $1.rule) }
    }

    public static func render(_ claims: [Claim]) -> String {
        sorted(claims).map { line($0) + "\n" }.joined()
    }

    /// One claim as a single-line JSON object in `fields` order.
    public static func line(_ claim: Claim) -> String {
        let values = [
            JSONText.string(claim.kind), JSONText.string(claim.quote), String(claim.start), String(claim.end), JSONText.figure(claim.value),
            JSONText.figure(claim.low), JSONText.figure(claim.high), JSONText.string(claim.qualifier.rawValue), JSONText.optional(claim.unit),
            JSONText.optional(claim.scope?.rawValue), JSONText.optional(claim.subject), JSONText.optional(claim.event),
            JSONText.optional(claim.speaker), JSONText.string(claim.rule),
        ]
        return "{" + zip(fields, values).map { JSONText.string($0) + ":" + $1 }.joined(separator: ",") + "}"
    }

    /// A baseline line that cannot be read.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): not a baseline claim (\(reason)); rewrite it with --update" }
    }

    /// Reads a baseline back into claims (`doc` = `article`, `sentence` empty).
    public static func parse(_ text: String, file: String, article: String) throws(ParseError) -> [Claim] {
        var claims: [Claim] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
            do {
                let record = try decoder.decode(Record.self, from: Data(line.utf8))
                claims.append(Claim(
                    doc: article, kind: record.kind, value: record.value, low: record.low, high: record.high,
                    qualifier: record.qualifier, unit: record.unit, scope: record.scope, subject: record.subject,
                    event: record.event, speaker: record.speaker, quote: record.quote, start: record.start, end: record.end,
                    sentence: "", rule: record.rule))
            } catch {
                throw ParseError(file: file, line: index + 1, reason: "\(type(of: error))")
            }
        }
        return claims
    }

    struct Record: Decodable {
        var kind: String
        var quote: String
        var start: Int
        var end: Int
        var value: Figure?
        var low: Figure?
        var high: Figure?
        var qualifier: Qualifier
        var unit: String?
        var scope: Scope?
        var subject: String?
        var event: String?
        var speaker: String?
        var rule: String
    }
}
