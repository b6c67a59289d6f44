import Foundation
import TallyCore
import Yams

/// One article's hand annotation (`corpus/gold/*.yaml`, format in `../shared/corpus/README.md`).
public struct GoldArticle: Sendable, Hashable {
    /// The article's file name in `corpus/articles/`.
    public var article: String
    /// For a JSON Lines article, the `id` of the record annotated.
    public var record: String?
    public var published: String?
    public var claims: [GoldClaim]
    /// The gold file, for messages.
    public var file: String
}

/// One annotated claim: what a careful reader finds in the quote.
public struct GoldClaim: Sendable, Hashable {
    public var id: String
    /// `prisoners`, `bodies`, … or `other` for a trap (ages, ordinals, model names) no rule should claim.
    public var kind: String
    /// Exact substring of the article.
    public var quote: String
    public var value: GoldValue?
    /// The README's qualifiers, plus `per_side` (a per-side figure: scope per_side).
    public var qualifier: String?
    public var unit: String?
    public var scope: String?
    public var subject: String?
    public var core: Bool
    /// Line of the claim in the gold file.
    public var line: Int

    /// Whether the claim is a trap: listed so that a tool claiming it can be counted wrong.
    public var isTrap: Bool { kind == "other" }
}

/// A gold figure: one number or date, or an interval (`[low, high]`, either end may be null).
public indirect enum GoldValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case date(String)
    case interval(low: GoldValue?, high: GoldValue?)

    public var description: String {
        switch self {
        case .number(let n): return Figure.format(n)
        case .date(let d): return d
        case .interval(let low, let high): return "[\(low?.description ?? "null"), \(high?.description ?? "null")]"
        }
    }
}

/// A gold file that cannot be used, located.
public struct GoldLoadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(max(line, 1)): error: \(message)" }
}

extension GoldArticle {
    /// Parses one gold file; a malformed file is an error naming the line, never a crash.
    public static func load(file: String) throws(GoldLoadError) -> GoldArticle {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw GoldLoadError(file: file, line: 0, message: "cannot read gold file")
        }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws(GoldLoadError) -> GoldArticle {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw GoldLoadError(file: file, line: 0, message: "not valid YAML (\(error))")
        }
        guard let map = root?.mapping else { throw GoldLoadError(file: file, line: 1, message: "a gold file is a mapping with 'article' and 'claims'") }
        guard let article = map["article"]?.string, !article.isEmpty else {
            throw GoldLoadError(file: file, line: 1, message: "missing 'article' (the file name in corpus/articles/)")
        }
        var claims: [GoldClaim] = []
        for (index, node) in (map["claims"]?.sequence.map(Array.init) ?? []).enumerated() {
            guard let claim = node.mapping else { throw GoldLoadError(file: file, line: node.line, message: "a claim is a mapping") }
            guard let kind = claim["kind"]?.string, let quote = claim["quote"]?.string, !quote.isEmpty else {
                throw GoldLoadError(file: file, line: node.line, message: "a claim needs 'kind' and a non-empty 'quote'")
            }
            claims.append(GoldClaim(
                id: claim["id"]?.string ?? String(index + 1), kind: kind, quote: quote,
                value: claim["value"].flatMap(goldValue), qualifier: claim["qualifier"]?.string, unit: claim["unit"]?.string,
                scope: claim["scope"]?.string, subject: claim["subject"]?.string, core: claim["core"]?.bool ?? false, line: node.line))
        }
        return GoldArticle(article: article, record: map["record"]?.string, published: map["published"]?.string, claims: claims, file: file)
    }

    static func goldValue(_ node: Node) -> GoldValue? {
        if let items = node.sequence {
            let ends = Array(items)
            guard ends.count == 2 else { return nil }
            return .interval(low: scalar(ends[0]), high: scalar(ends[1]))
        }
        return scalar(node)
    }

    static func scalar(_ node: Node) -> GoldValue? {
        guard let text = node.string, !["", "~", "null"].contains(text) else { return nil }
        if let number = Double(text.replacingOccurrences(of: ",", with: "")) { return .number(number) }
        return .date(text)
    }

    /// Every `*.yaml` in a folder, sorted by name.
    public static func loadAll(directory: String) -> (articles: [GoldArticle], errors: [GoldLoadError]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var articles: [GoldArticle] = []
        var errors: [GoldLoadError] = []
        for name in names {
            do { articles.append(try load(file: directory + "/" + name)) } catch { errors.append(error) }
        }
        return (articles, errors)
    }
}
