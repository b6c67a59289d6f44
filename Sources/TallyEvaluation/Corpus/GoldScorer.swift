import TallyCore

/// Counts behind precision, recall and F1, in both the "detection" (kind + span) and the "strict"
/// (also value/interval and qualifier) sense.
public struct GoldScore: Sendable, Hashable, Codable {
    /// Claims predicted.
    public var predicted = 0
    /// Core gold claims that could be found (the recall denominator).
    public var gold = 0
    /// Predictions that match a gold claim of the same kind (kind + span).
    public var detected = 0
    /// … and agree on value and qualifier.
    public var strict = 0
    /// Core gold claims matched by a prediction (kind + span).
    public var goldDetected = 0
    /// … with value and qualifier right.
    public var goldStrict = 0

    public init() {}

    public var detectionPrecision: Double? { ratio(detected, predicted) }
    public var detectionRecall: Double? { ratio(goldDetected, gold) }
    public var strictPrecision: Double? { ratio(strict, predicted) }
    public var strictRecall: Double? { ratio(goldStrict, gold) }
    public var detectionF1: Double? { f1(detectionPrecision, detectionRecall) }
    public var strictF1: Double? { f1(strictPrecision, strictRecall) }

    static func += (lhs: inout GoldScore, rhs: GoldScore) {
        lhs.predicted += rhs.predicted
        lhs.gold += rhs.gold
        lhs.detected += rhs.detected
        lhs.strict += rhs.strict
        lhs.goldDetected += rhs.goldDetected
        lhs.goldStrict += rhs.goldStrict
    }

    private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    private func f1(_ p: Double?, _ r: Double?) -> Double? {
        guard let p, let r else { return nil }
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}

/// Scores of a whole corpus, per kind and per rule.
///
/// Per rule, precision is over the rule's own claims and recall is the rule's contribution: the core
/// gold claims of its kind that its claims matched.
public struct GoldScores: Sendable {
    public var byKind: [String: GoldScore] = [:]
    public var byRule: [String: GoldScore] = [:]
    public var total = GoldScore()
    /// Gold claims whose quote is not in the ingested text, per article.
    public var unfound: [(article: String, claim: GoldClaim)] = []
    public var articles = 0
    /// Rule id → kind, so a rule's recall is over every article's gold of its kind.
    public var ruleKinds: [String: String] = [:]

    /// Starts with every rule listed, so rules that never fired show up with zero claims.
    public init(rules: [(id: String, kind: String)] = []) {
        for rule in rules {
            ruleKinds[rule.id] = rule.kind
            byRule[rule.id] = GoldScore()
        }
    }
}

/// Scores predicted claims against gold annotations.
public struct GoldScorer: Sendable {
    public init() {}

    /// Adds one article: its claims (any order) against its gold alignment.
    public func add(_ claims: [Claim], _ alignment: GoldAlignment, article: String, to scores: inout GoldScores) {
        scores.articles += 1
        scores.unfound += alignment.unfound.map { (article, $0) }
        var kind: [String: GoldScore] = [:]
        var rule: [String: GoldScore] = [:]
        for gold in alignment.located where gold.claim.core && !gold.claim.isTrap {
            kind[gold.claim.kind, default: GoldScore()].gold += 1
        }
        var taken = Set<Int>()
        for claim in claims.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if scores.ruleKinds[claim.rule] == nil { scores.ruleKinds[claim.rule] = claim.kind }
            var delta = GoldScore()
            delta.predicted = 1
            if let index = alignment.best(for: claim, allowed: { !taken.contains($0) }) {
                taken.insert(index)
                let gold = alignment.located[index].claim
                let exact = GoldFieldCheck.mismatches(claim, gold).isEmpty
                delta.detected = 1
                delta.strict = exact ? 1 : 0
                if gold.core {
                    delta.goldDetected = 1
                    delta.goldStrict = exact ? 1 : 0
                }
            }
            kind[claim.kind, default: GoldScore()] += delta
            rule[claim.rule, default: GoldScore()] += delta
        }
        for (name, score) in kind { scores.byKind[name, default: GoldScore()] += score }
        for (name, score) in rule { scores.byRule[name, default: GoldScore()] += score }
        for score in kind.values { scores.total += score }
        for name in scores.byRule.keys {
            scores.byRule[name]?.gold = scores.byKind[scores.ruleKinds[name] ?? ""]?.gold ?? 0
        }
    }
}
