import Foundation
import TallyCore

/// The printed forms of a story check. The lines follow `score_claims.py` and `check_findings.py` line for
/// line, so their output and this one can be compared with `diff`.
public enum StoryCheckReport {
    public static func text(_ result: StoryCheckResult, verbose: Bool = false) -> String {
        var out = "\(result.root): \(result.documents) documents, \(result.claims) claims (read only; no baseline)\n\n"
        out += "Claims against gold (quotes overlap in the article file, values compatible; people scored as prisoners;\n"
        out += "recall over core gold claims, a claim matching only non-core gold is neutral)\n"
        out += claimsTable(result.scores, verbose: verbose)
        if let findings = result.findings {
            out += "\nFindings against \(result.expectedFile ?? "expected.yaml")\n" + findingsText(findings)
        } else {
            out += "\nno expected.yaml: findings not checked\n"
        }
        for problem in result.problems { out += "problem: \(problem)\n" }
        return out
    }

    /// `kind gold found tp fp P R` per kind, then the precision/recall/F1 line.
    public static func claimsTable(_ scores: OverlapScores, verbose: Bool = false) -> String {
        var out = pad("kind", 12) + " " + ["gold", "found", "tp", "fp"].map { left($0, 5) }.joined(separator: " ") + " " + left("P", 6) + " " + left("R", 6) + "\n"
        for kind in scores.byKind.keys.sorted() {
            let s = scores.byKind[kind]!
            out += pad(kind, 12) + " " + [s.gold, s.goldFound, s.matched, s.falsePositives].map { left(String($0), 5) }.joined(separator: " ")
            out += " " + fixed(s.precision, 6) + " " + fixed(s.recall, 6) + "\n"
        }
        if verbose {
            // As score_claims.py --verbose prints them: merged kinds, numbers as Python writes them.
            for (article, claim, kind) in scores.missed {
                out += "MISS \(article) \(claim.id) \(kind) \(claim.value.map(CompatibleValues.pythonList) ?? "None") \(claim.quote)\n"
            }
            for (article, claim, kind) in scores.falsePositives {
                let ends = [claim.low, claim.high].map { $0.map(CompatibleValues.pythonString) ?? "None" }
                out += "FP   \(article) \(kind) \(ends[0]) \(ends[1]) \(claim.quote)\n"
            }
        }
        let t = scores.total
        out += "precision \(fixed(t.precision)) recall \(fixed(t.recall)) F1 \(fixed(t.f1)) "
        out += "(core gold \(t.gold), predictions scored \(t.matched + t.falsePositives), neutral \(t.neutral))\n"
        return out
    }

    /// One line per expected finding (`OK`, `~` flagged with another verdict, `MISS`), each false conflict,
    /// and the summary line.
    public static func findingsText(_ check: FindingsCheck) -> String {
        var out = ""
        for line in check.lines {
            let grouped = line.verdicts.isEmpty ? "not grouped" : list(line.verdicts)
            out += "\(line.outcome.rawValue) \(line.id): \(grouped) (want \(list(line.wanted)))\n"
        }
        for bad in check.falseConflicts { out += "FALSE CONFLICT \(bad.id): \(String(bad.reason.prefix(120)))\n" }
        return out + check.summary + "\n"
    }

    public static func json(_ result: StoryCheckResult) -> String {
        func counts(_ s: OverlapCounts) -> String {
            "{\"gold\": \(s.gold), \"found\": \(s.goldFound), \"tp\": \(s.matched), \"fp\": \(s.falsePositives), \"neutral\": \(s.neutral), "
                + "\"precision\": \(fixed(s.precision, digits: 6)), \"recall\": \(fixed(s.recall, digits: 6)), \"f1\": \(fixed(s.f1, digits: 6))}"
        }
        var out = "{\n  \"corpus\": \(JSONText.string(result.root)),\n  \"documents\": \(result.documents),\n  \"claims\": \(result.claims),\n"
        out += "  \"scores\": {\n    \"total\": \(counts(result.scores.total)),\n    \"by_kind\": {"
        out += result.scores.byKind.keys.sorted().map { "\n      \(JSONText.string($0)): \(counts(result.scores.byKind[$0]!))" }.joined(separator: ",")
        out += result.scores.byKind.isEmpty ? "}\n  },\n" : "\n    }\n  },\n"
        out += "  \"findings\": " + (result.findings.map { findingsJSON($0, indent: "  ") } ?? "null") + ",\n"
        out += "  \"problems\": [\(result.problems.map(JSONText.string).joined(separator: ", "))]\n}\n"
        return out
    }

    /// The findings check as a JSON object (also used by the baseline check when the corpus has expected findings).
    public static func findingsJSON(_ check: FindingsCheck, indent: String) -> String {
        let lines = check.lines.map { line in
            "\(indent)    {\"id\": \(JSONText.string(line.id)), \"outcome\": \(JSONText.string(outcomeName(line.outcome))), "
                + "\"verdicts\": [\(line.verdicts.map(JSONText.string).joined(separator: ", "))], \"want\": [\(line.wanted.map(JSONText.string).joined(separator: ", "))]}"
        }
        let falses = check.falseConflicts.map { "\(indent)    {\"id\": \(JSONText.string($0.id)), \"reason\": \(JSONText.string($0.reason))}" }
        var out = "{\n\(indent)  \"expected\": \(check.lines.count), \"flagged\": \(check.flagged), \"verdict_right\": \(check.right), "
        out += "\"false_conflicts\": \(check.falseConflicts.count), \"not_conflicts\": \(check.notConflictCount),\n"
        out += "\(indent)  \"findings\": [" + (lines.isEmpty ? "" : "\n" + lines.joined(separator: ",\n") + "\n\(indent)  ") + "],\n"
        out += "\(indent)  \"false_conflict_pairs\": [" + (falses.isEmpty ? "" : "\n" + falses.joined(separator: ",\n") + "\n\(indent)  ") + "]\n"
        return out + "\(indent)}"
    }

    static func outcomeName(_ outcome: FindingsCheck.Outcome) -> String {
        switch outcome {
        case .ok: return "ok"
        case .flagged: return "flagged"
        case .missed: return "missed"
        }
    }

    /// A Python list literal: `['conflict', 'variance']`.
    static func list(_ items: [String]) -> String { "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]" }

    static func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
    static func left(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }
    static func fixed(_ value: Double, _ width: Int = 0, digits: Int = 3) -> String { left(String(format: "%.\(digits)f", value), width) }
}
