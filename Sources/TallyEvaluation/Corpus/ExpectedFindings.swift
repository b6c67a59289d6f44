import Foundation
import Yams

/// A folder's `expected.yaml` (layout of `../shared/realnews/`): the findings a good report makes, and the
/// pairs it must never set against each other in a conflict. Claims are named `NNN#gold-id` (the article
/// file's three-character prefix and the gold claim's id), so the file survives changes to the tool.
public struct ExpectedFindings: Sendable, Hashable {
    /// A finding that must group a claim of side `a` with one of side `b`, with one of `verdicts`.
    public struct Pair: Sendable, Hashable {
        public var id: String
        public var a: [String]
        public var b: [String]
        /// Acceptable verdicts; empty for a `not_conflicts` pair.
        public var verdicts: [String]
    }

    public var findings: [Pair]
    public var notConflicts: [Pair]

    /// Parses the file; a malformed one is an error naming the line.
    public static func load(file: String) throws(GoldLoadError) -> ExpectedFindings {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw GoldLoadError(file: file, line: 0, message: "cannot read expected findings")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: file)
    }

    public static func parse(_ text: String, file: String) throws(GoldLoadError) -> ExpectedFindings {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw GoldLoadError(file: file, line: 0, message: "not valid YAML (\(error))") }
        guard let map = root?.mapping else {
            throw GoldLoadError(file: file, line: 1, message: "expected findings are a mapping with 'findings' and 'not_conflicts'")
        }
        return ExpectedFindings(
            findings: try pairs(map["findings"], verdicts: true, file: file),
            notConflicts: try pairs(map["not_conflicts"], verdicts: false, file: file))
    }

    static func pairs(_ node: Node?, verdicts: Bool, file: String) throws(GoldLoadError) -> [Pair] {
        var pairs: [Pair] = []
        for entry in node?.sequence.map(Array.init) ?? [] {
            guard let map = entry.mapping, let id = map["id"]?.string else {
                throw GoldLoadError(file: file, line: entry.line, message: "an entry is a mapping with 'id', 'a' and 'b'")
            }
            let a = strings(map["a"]), b = strings(map["b"]), wanted = strings(map["verdict"])
            if a.isEmpty || b.isEmpty || (verdicts && wanted.isEmpty) {
                throw GoldLoadError(file: file, line: entry.line, message: "'\(id)' needs 'a' and 'b'" + (verdicts ? " and 'verdict'" : ""))
            }
            pairs.append(Pair(id: id, a: a, b: b, verdicts: wanted))
        }
        return pairs
    }

    /// A list of scalars, or one scalar as a list of one.
    static func strings(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let items = node.sequence { return items.compactMap(\.string) }
        return node.string.map { [$0] } ?? []
    }
}
