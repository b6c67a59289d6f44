import Foundation
import TallyCore

/// Claim counts of one kind under the shared scorer's rules.
public struct OverlapCounts: Sendable, Hashable {
    /// Core gold claims (the recall denominator) and those some prediction matched.
    public var gold = 0
    public var goldFound = 0
    /// Predictions matching a core gold claim, matching none (false positives), or only a non-core one.
    public var matched = 0
    public var falsePositives = 0
    public var neutral = 0

    public init() {}

    public var precision: Double { matched + falsePositives == 0 ? 0 : Double(matched) / Double(matched + falsePositives) }
    public var recall: Double { gold == 0 ? 0 : Double(goldFound) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func += (lhs: inout OverlapCounts, rhs: OverlapCounts) {
        lhs.gold += rhs.gold
        lhs.goldFound += rhs.goldFound
        lhs.matched += rhs.matched
        lhs.falsePositives += rhs.falsePositives
        lhs.neutral += rhs.neutral
    }
}

/// Scores of a folder by quote overlap in the article files.
public struct OverlapScores: Sendable {
    public var byKind: [String: OverlapCounts] = [:]
    public var total = OverlapCounts()
    /// Core gold claims no prediction matched, and predictions that matched no gold claim, with the kind
    /// they were scored as.
    public var missed: [(article: String, claim: GoldClaim, kind: String)] = []
    public var falsePositives: [(article: String, claim: Claim, kind: String)] = []
}

/// Scores claims against gold the way `../shared/eval/score_claims.py` does, so `tally corpus check` on a
/// folder without baselines prints the figures `realnews.sh` prints.
///
/// Unlike `GoldScorer` (one-to-one, in the ingested text, exact spans), a prediction matches every gold
/// claim of its kind whose quote overlaps its own in the article file and whose value is compatible;
/// recall counts core gold claims, and a prediction that matches only non-core gold is neutral.
public struct OverlapScorer: Sendable {
    /// The kinds scored, and kinds scored as another (hostages are annotated as people or prisoners).
    public var kinds: Set<String>
    public var merge: [String: String]

    public static let realNewsKinds: Set<String> = ["prisoners", "bodies", "children", "aircraft", "money", "duration", "date", "casualties", "people"]

    public init(kinds: Set<String> = OverlapScorer.realNewsKinds, merge: [String: String] = ["people": "prisoners"]) {
        self.kinds = kinds
        self.merge = merge
    }

    /// One article: its gold, its file's folded text, and the claims extracted from it.
    public struct Article: Sendable {
        public var name: String
        public var gold: [GoldClaim]
        public var text: FoldedText
        public var claims: [Claim]

        public init(name: String, gold: [GoldClaim], text: FoldedText, claims: [Claim]) {
            self.name = name
            self.gold = gold
            self.text = text
            self.claims = claims
        }
    }

    public func score(_ articles: [Article]) -> OverlapScores {
        var scores = OverlapScores()
        for article in articles { add(article, to: &scores) }
        for counts in scores.byKind.values { scores.total += counts }
        return scores
    }

    func kind(_ kind: String) -> String { merge[kind] ?? kind }

    func add(_ article: Article, to scores: inout OverlapScores) {
        let text = article.text
        let gold = article.gold.map { claim in
            (claim: claim, kind: kind(claim.kind), place: text.locate(claim.quote), ends: CompatibleValues.gold(claim, kind: kind(claim.kind)))
        }
        var hit = [Bool](repeating: false, count: gold.count)
        for claim in article.claims where kinds.contains(kind(claim.kind)) {
            let kind = kind(claim.kind)
            var merged = claim
            merged.kind = kind
            let ends = CompatibleValues.predicted(merged)
            let place = text.place(quote: claim.quote, sentence: claim.sentence, hint: claim.start)
            var matchedCore = false, matchedAny = false
            for (index, g) in gold.enumerated() where g.kind == kind {
                guard let place, let at = g.place, place.overlaps(at), CompatibleValues.fit(gold: g.ends, predicted: ends) else { continue }
                matchedAny = true
                if g.claim.core {
                    matchedCore = true
                    hit[index] = true
                }
            }
            if matchedCore {
                scores.byKind[kind, default: OverlapCounts()].matched += 1
            } else if matchedAny {
                scores.byKind[kind, default: OverlapCounts()].neutral += 1
            } else {
                scores.byKind[kind, default: OverlapCounts()].falsePositives += 1
                scores.falsePositives.append((article.name, claim, kind))
            }
        }
        for (index, g) in gold.enumerated() where g.claim.core && kinds.contains(g.kind) {
            scores.byKind[g.kind, default: OverlapCounts()].gold += 1
            if hit[index] {
                scores.byKind[g.kind, default: OverlapCounts()].goldFound += 1
            } else {
                scores.missed.append((article.name, g.claim, g.kind))
            }
        }
    }
}
