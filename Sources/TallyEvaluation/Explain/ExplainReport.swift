import TallyCore
import TallyExtract

/// `tally explain` as text: tokens, numerals, lexicon tags, rule matches, and why the claims won.
public enum ExplainReport {
    public static func render(_ explained: SentenceExplanation) -> String {
        var out = "Sentence \(explained.sentenceIndex + 1): \(explained.sentenceText)\n"
        out += "\nTokens\n" + wrap(explained.tokens.enumerated().map { "\(explained.sentence.tokens.lowerBound + $0.offset):\($0.element.text)" })
        out += "\nNumerals\n"
        if explained.quantities.isEmpty { out += "  (none: no rule can fire in this sentence)\n" }
        for (index, q) in explained.quantities.enumerated() {
            out += "  #\(index + 1) \"\(text(explained, q.tokens))\" tokens \(q.tokens.lowerBound)–\(q.tokens.upperBound - 1): \(q.kind.rawValue)"
            out += ", value \(q.value?.description ?? "null"), interval [\(q.low?.description ?? "-∞"), \(q.high?.description ?? "∞")]"
            out += ", \(q.qualifier.rawValue)\(q.unit.map { ", unit \($0)" } ?? "")\(q.isVague ? ", vague" : "")\n"
        }
        out += "\nLexicon tags\n"
        if explained.tags.isEmpty { out += "  (none)\n" }
        for tag in explained.tags { out += "  \"\(tag.text)\" tokens \(tag.tokens.lowerBound)–\(tag.tokens.upperBound - 1): @\(tag.className) = \(tag.value)\n" }
        out += "\nRule matches (\(explained.matches.count))\n"
        if explained.matches.isEmpty { out += "  (no rule's pattern matches over a number here)\n" }
        for match in explained.matches {
            out += "  \(match.blocked == nil ? "✓" : "✗") \(match.rule.id) — \"\(match.text)\" (\(match.length) tokens, priority \(match.rule.priority)) on #\(match.quantity + 1)"
            out += match.blocked.map { ": " + reason($0) } ?? ""
            out += "\n      pattern: \(match.rule.patternText)   [\(match.rule.file):\(match.rule.line)]\n"
        }
        out += "\nWinners (per number: longest match, then higher priority, then earlier in the rule files)\n"
        for (index, winner) in explained.winners.enumerated() {
            guard let winner else { continue }
            out += "  #\(index + 1) → \(winner.rule.id)"
            let reasons = explained.beaten(by: winner).map { loser in "\(loser.rule.id) (\(why(winner, beats: loser)))" }
            out += reasons.isEmpty ? " (only candidate)\n" : " beats " + reasons.joined(separator: ", ") + "\n"
        }
        out += "\nClaims\n"
        if explained.claims.isEmpty { out += "  (none)\n" }
        for claim in explained.claims {
            out += "  \(claim.kind) \"\(claim.quote)\" @\(claim.start)-\(claim.end): \(claim.qualifier.rawValue) \(figure(claim))"
            out += [claim.scope.map { "scope \($0.rawValue)" }, claim.subject.map { "subject \"\($0)\"" }, claim.event.map { "event \($0)" },
                    claim.speaker.map { "speaker \($0)" }].compactMap { $0 }.map { ", " + $0 }.joined()
            out += " [\(claim.rule)]\n"
        }
        return out
    }

    /// Why a match cannot become a claim, in the rule language.
    static func reason(_ blocked: ExtractionTrace.Blocked) -> String {
        switch blocked {
        case .missingRequirement(let pattern, let context): return "requires \(pattern.source) — not found in the \(context.rawValue)"
        case .noFigure: return "the number states no figure — nothing to claim"
        case .vetoed(let pattern): return "vetoed by \(pattern.source)"
        }
    }

    static func why(_ winner: SentenceExplanation.Match, beats loser: SentenceExplanation.Match) -> String {
        if winner.length != loser.length { return "longer: \(winner.length) vs \(loser.length) tokens" }
        if winner.rule.priority != loser.rule.priority { return "priority \(winner.rule.priority) vs \(loser.rule.priority)" }
        return "same length and priority; defined earlier"
    }

    static func figure(_ claim: Claim) -> String {
        let unit = claim.unit.map { " " + $0 } ?? ""
        if let value = claim.value { return "\(value)\(unit) [\(claim.low?.description ?? "-∞"), \(claim.high?.description ?? "∞")]" }
        return "[\(claim.low?.description ?? "-∞"), \(claim.high?.description ?? "∞")]\(unit)"
    }

    static func text(_ explained: SentenceExplanation, _ range: Range<Int>) -> String {
        let local = (range.lowerBound - explained.sentence.tokens.lowerBound)..<(range.upperBound - explained.sentence.tokens.lowerBound)
        guard local.lowerBound >= 0, local.upperBound <= explained.tokens.count, !local.isEmpty else { return "" }
        var out = ""
        for token in explained.tokens[local] { out += (token.spaceBefore && !out.isEmpty ? " " : "") + token.text }
        return out
    }

    static func wrap(_ items: [String], width: Int = 100) -> String {
        var out = ""
        var line = " "
        for item in items {
            if line.count + item.count + 1 > width {
                out += line + "\n"
                line = " "
            }
            line += " " + item
        }
        return out + line + "\n"
    }
}
