import TallyCore
import TallyExtract

/// `tally explain` as text: tokens, numerals, lexicon tags, rule matches, and why the claims won.
public enum ExplainReport {
    public static func render(_ trace: ExplainTrace) -> String {
        var out = "Sentence \(trace.sentenceIndex + 1): \(trace.sentenceText)\n"
        out += "\nTokens\n" + wrap(trace.tokens.enumerated().map { "\(trace.sentence.tokens.lowerBound + $0.offset):\($0.element.text)" })
        out += "\nNumerals\n"
        if trace.quantities.isEmpty { out += "  (none: no rule can fire in this sentence)\n" }
        for (index, q) in trace.quantities.enumerated() {
            out += "  #\(index + 1) \"\(text(trace, q.tokens))\" tokens \(q.tokens.lowerBound)–\(q.tokens.upperBound - 1): \(q.kind.rawValue)"
            out += ", value \(q.value?.description ?? "null"), interval [\(q.low?.description ?? "-∞"), \(q.high?.description ?? "∞")]"
            out += ", \(q.qualifier.rawValue)\(q.unit.map { ", unit \($0)" } ?? "")\(q.isVague ? ", vague" : "")\n"
        }
        out += "\nLexicon tags\n"
        if trace.tags.isEmpty { out += "  (none)\n" }
        for tag in trace.tags { out += "  \"\(tag.text)\" tokens \(tag.tokens.lowerBound)–\(tag.tokens.upperBound - 1): @\(tag.className) = \(tag.value)\n" }
        out += "\nRule matches (\(trace.matches.count))\n"
        if trace.matches.isEmpty { out += "  (no rule's pattern matches over a number here)\n" }
        for match in trace.matches {
            out += "  \(match.blocked == nil ? "✓" : "✗") \(match.rule.id) — \"\(match.text)\" (\(match.length) tokens, priority \(match.rule.priority)) on #\(match.quantity + 1)"
            out += match.blocked.map { ": \($0)" } ?? ""
            out += "\n      pattern: \(match.rule.patternText)   [\(match.rule.file):\(match.rule.line)]\n"
        }
        out += "\nWinners (per number: longest match, then higher priority, then earlier in the rule files)\n"
        for index in trace.quantities.indices {
            let ranked = trace.ranked(quantity: index)
            guard let winner = ranked.first else { continue }
            out += "  #\(index + 1) → \(winner.rule.id)"
            let reasons = ranked.dropFirst().map { loser in "\(loser.rule.id) (\(why(winner, beats: loser)))" }
            out += reasons.isEmpty ? " (only candidate)\n" : " beats " + reasons.joined(separator: ", ") + "\n"
        }
        out += "\nClaims\n"
        if trace.claims.isEmpty { out += "  (none)\n" }
        for claim in trace.claims {
            out += "  \(claim.kind) \"\(claim.quote)\" @\(claim.start)-\(claim.end): \(claim.qualifier.rawValue) \(figure(claim))"
            out += [claim.scope.map { "scope \($0.rawValue)" }, claim.subject.map { "subject \"\($0)\"" }, claim.event.map { "event \($0)" },
                    claim.speaker.map { "speaker \($0)" }].compactMap { $0 }.map { ", " + $0 }.joined()
            out += " [\(claim.rule)]\n"
        }
        return out
    }

    static func why(_ winner: ExplainTrace.Match, beats loser: ExplainTrace.Match) -> String {
        if winner.length != loser.length { return "longer: \(winner.length) vs \(loser.length) tokens" }
        if winner.rule.priority != loser.rule.priority { return "priority \(winner.rule.priority) vs \(loser.rule.priority)" }
        return "same length and priority; defined earlier"
    }

    static func figure(_ claim: Claim) -> String {
        let unit = claim.unit.map { " " + $0 } ?? ""
        if let value = claim.value { return "\(value)\(unit) [\(claim.low?.description ?? "-∞"), \(claim.high?.description ?? "∞")]" }
        return "[\(claim.low?.description ?? "-∞"), \(claim.high?.description ?? "∞")]\(unit)"
    }

    static func text(_ trace: ExplainTrace, _ range: Range<Int>) -> String {
        let local = (range.lowerBound - trace.sentence.tokens.lowerBound)..<(range.upperBound - trace.sentence.tokens.lowerBound)
        guard local.lowerBound >= 0, local.upperBound <= trace.tokens.count, !local.isEmpty else { return "" }
        var out = ""
        for token in trace.tokens[local] { out += (token.spaceBefore && !out.isEmpty ? " " : "") + token.text }
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
