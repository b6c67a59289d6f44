import Foundation
import TallyCore
@testable import TallyNumerals

/// The repository root, found from this file's path (Tests/TallyNumeralsTests/Support.swift).
let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real lexicon in `rules/lexicon`, parsed as the tool parses it.
let lexicon: Lexicon = {
    var merged = Lexicon()
    let folder = repoRoot.appendingPathComponent("rules/lexicon")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for file in files.sorted() where file.hasSuffix(".yaml") {
        let path = folder.appendingPathComponent(file).path
        let source = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let (parsed, problems) = Lexicon.parse(yaml: source, file: "rules/lexicon/" + file)
        precondition(problems.isEmpty, "\(problems)")
        merged.merge(parsed)
    }
    return merged
}()

let scanner = NumeralScanner(vocabulary: NumeralVocabulary(lexicon: lexicon))

/// 2 June 2025, a Monday: the publication date of the sample stories.
let june2 = CalendarDate(year: 2025, month: 6, day: 2)

/// Quantities of a text, as compact strings for readable expectations:
/// `kind text value low..high qualifier unit`.
func describe(_ text: String, reference: CalendarDate? = june2) -> [String] {
    let analysis = TextAnalysis(text: text)
    return scanner.scan(analysis, reference: reference).map { q in
        var parts = [q.kind.rawValue, "[\(analysis.slice(q.start, q.end))]"]
        parts.append(q.value.map(\.description) ?? "nil")
        parts.append("\(q.low.map(\.description) ?? "nil")..\(q.high.map(\.description) ?? "nil")")
        parts.append(q.qualifier.rawValue)
        if let unit = q.unit { parts.append(unit) }
        if q.isVague { parts.append("vague") }
        return parts.joined(separator: " ")
    }
}

/// Thursday 15 August 2019: the reference of the date tests of issue 15.
let august15 = CalendarDate(year: 2019, month: 8, day: 15)

/// Each quantity as "text: low..high" (with its kind first when `kinds`), read against `reference`;
/// dates only when `datesOnly`.
func spans(_ text: String, reference: CalendarDate = august15, datesOnly: Bool = false, kinds: Bool = false) -> [String] {
    let analysis = TextAnalysis(text: text)
    return scanner.scan(analysis, reference: reference).filter { !datesOnly || $0.kind == .date }.map { q in
        (kinds ? "\(q.kind.rawValue) " : "") + "\(analysis.slice(q.start, q.end)): \(q.low.map(\.description) ?? "nil")..\(q.high.map(\.description) ?? "nil")"
    }
}

