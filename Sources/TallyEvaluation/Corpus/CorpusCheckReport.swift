import Foundation
import TallyCore

/// The human and machine forms of a corpus check: the scores table and the baseline diff.
public enum CorpusCheckReport {
    /// Scores per kind, then per rule, then the diff, then a verdict line.
    public static func text(_ result: CorpusCheckResult) -> String {
        var out = scoreTable(result.scores)
        for problem in result.problems { out += "problem: \(problem)\n" }
        out += "\n" + diffText(result)
        return out
    }

    public static func scoreTable(_ scores: GoldScores) -> String {
        var out = "Gold scores — \(scores.articles) annotated articles (detection = kind + span; strict = also value and qualifier)\n"
        out += row("", "pred", "gold", "det P", "det R", "det F1", "str P", "str R", "str F1")
        for kind in scores.byKind.keys.sorted() { out += scoreRow(kind, scores.byKind[kind]!) }
        out += scoreRow("all kinds", scores.total)
        out += "\n" + row("rule", "pred", "gold", "det P", "det R", "det F1", "str P", "str R", "str F1")
        for rule in scores.byRule.keys.sorted() { out += scoreRow(rule, scores.byRule[rule]!) }
        if !scores.unfound.isEmpty {
            out += "\n\(scores.unfound.count) gold quote\(scores.unfound.count == 1 ? "" : "s") not found in the article text (not scored):\n"
            for (article, claim) in scores.unfound { out += "  \(article) #\(claim.id) (line \(claim.line)): \"\(claim.quote)\"\n" }
        }
        return out
    }

    static func scoreRow(_ name: String, _ s: GoldScore) -> String {
        row(name, String(s.predicted), String(s.gold), pct(s.detectionPrecision), pct(s.detectionRecall), pct(s.detectionF1),
            pct(s.strictPrecision), pct(s.strictRecall), pct(s.strictF1))
    }

    static func row(_ name: String, _ cells: String...) -> String {
        let width = 30
        let label = name.count >= width ? String(name.prefix(width - 1)) + " " : name + String(repeating: " ", count: width - name.count)
        return label + cells.map { String(repeating: " ", count: max(0, 7 - $0.count)) + $0 }.joined() + "\n"
    }

    static func pct(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }

    /// The baseline diff, article by article.
    public static func diffText(_ result: CorpusCheckResult) -> String {
        var out = ""
        var count = 0
        for article in result.articles where article.differs {
            out += "\(article.baselinePath)\(article.onDisk == nil ? " (no baseline yet)" : "")\n"
            if let error = article.baselineError { out += "  \(error)\n" }
            for change in article.changes { out += "  " + line(change) + "\n" }
            if article.changes.isEmpty, article.baselineError == nil { out += "  (same claims; the file's formatting or order differs)\n" }
            count += max(1, article.changes.count)
        }
        for stale in result.staleBaselines {
            out += "\(stale): baseline of an article that no longer exists\n"
            count += 1
        }
        if result.renderedScores != result.scoresOnDisk {
            out += "\(result.layout.scores) is out of date\n"
            for line in ScoresDelta.lines(accepted: result.scoresOnDisk, current: result.renderedScores) { out += "  \(line)\n" }
            count += 1
        }
        if result.differs {
            out += "corpus check FAILED: \(count) difference\(count == 1 ? "" : "s") from the accepted baseline; "
            out += "review them, then accept with `tally corpus check --update` and commit the diff\n"
        } else {
            let claims = result.articles.reduce(0) { $0 + $1.claims.count }
            out += "corpus check passed: \(result.articles.count) documents, \(claims) claims, same as the baseline\n"
        }
        return out
    }

    /// `- prisoners "at least 1,000 prisoners" @120-144 at_least 1,000 prisoners [prisoners.exchanged] (away from gold: gold #12 agrees)`;
    /// a change lists each field on its own line below.
    public static func line(_ change: ClaimChange) -> String {
        let claim = change.claim
        var text = "\(change.kind.rawValue) \(claim.kind) \"\(claim.quote)\" @\(claim.start)-\(claim.end)"
        if change.kind != .changed { text += " \(claim.qualifier.rawValue) \(GoldFieldCheck.stated(claim))" }
        text += " [\(claim.rule)] (\(change.direction.rawValue)\(change.note.map { ": " + $0 } ?? ""))"
        for field in change.fields { text += "\n      " + field }
        return text
    }

    /// The check as JSON: scores, and every change with its fields and direction; the expected findings'
    /// check when the corpus has one.
    public static func json(_ result: CorpusCheckResult, findings: FindingsCheck? = nil) -> String {
        var changes: [String] = []
        for article in result.articles {
            for change in article.changes {
                let claim = change.claim
                changes.append("    {\"article\": \(JSONText.string(article.article)), \"record\": \(JSONText.optional(article.record)), \"change\": \(JSONText.string(change.kind.rawValue)), "
                    + "\"kind\": \(JSONText.string(claim.kind)), \"quote\": \(JSONText.string(claim.quote)), \"start\": \(claim.start), \"end\": \(claim.end), "
                    + "\"rule\": \(JSONText.string(claim.rule)), \"fields\": [\(change.fields.map(JSONText.string).joined(separator: ", "))], "
                    + "\"direction\": \(JSONText.string(change.direction.rawValue)), \"gold\": \(JSONText.optional(change.note))}")
            }
        }
        var out = "{\n  \"passed\": \(!result.differs),\n"
        out += "  \"problems\": [\(result.problems.map(JSONText.string).joined(separator: ", "))],\n"
        out += "  \"stale_baselines\": [\(result.staleBaselines.map(JSONText.string).joined(separator: ", "))],\n"
        out += "  \"scores_out_of_date\": \(result.renderedScores != result.scoresOnDisk),\n"
        out += "  \"changes\": [" + (changes.isEmpty ? "" : "\n" + changes.joined(separator: ",\n") + "\n  ") + "],\n"
        if let findings { out += "  \"findings\": \(StoryCheckReport.findingsJSON(findings, indent: "  ")),\n" }
        let scores = ScoresJSON.render(result.scores).split(separator: "\n").joined(separator: "\n  ")
        return out + "  \"scores\": \(scores)\n}\n"
    }
}
