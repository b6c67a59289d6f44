import Foundation
import TallyCore

/// How a report's findings stand against `expected.yaml`, by the rules of `../shared/eval/check_findings.py`,
/// so rule authors see the findings move with the claims, with the figures `realnews.sh` prints.
public struct FindingsCheck: Sendable {
    public enum Outcome: String, Sendable {
        /// A finding groups the two sides with an acceptable verdict.
        case ok = "OK "
        /// Grouped (not as a mere agreement, unless agreement is wanted), but with another verdict.
        case flagged = "~  "
        case missed = "MISS"
    }

    public struct Line: Sendable {
        public var id: String
        public var outcome: Outcome
        /// Verdicts of the findings that group the two sides, in report order.
        public var verdicts: [String]
        public var wanted: [String]
    }

    public struct FalseConflict: Sendable {
        public var id: String
        /// The first conflict that sets the pair against each other.
        public var reason: String
    }

    public var lines: [Line] = []
    public var falseConflicts: [FalseConflict] = []
    public var notConflictCount = 0
    /// Claim references that name no gold claim (`NNN#id`).
    public var unknownReferences: [String] = []

    public var flagged: Int { lines.filter { $0.outcome != .missed }.count }
    public var right: Int { lines.filter { $0.outcome == .ok }.count }

    /// `flagged X/N, verdict right Y/N, false conflicts Z/M`, the line `realnews.sh` keeps.
    public var summary: String {
        "flagged \(flagged)/\(lines.count), verdict right \(right)/\(lines.count), false conflicts \(falseConflicts.count)/\(notConflictCount)"
    }

    /// The gold claims' places, keyed `NNN#id`, and the folded article texts keyed `NNN`.
    public struct Gold: Sendable {
        var places: [String: (article: String, place: Range<Int>?)] = [:]
        var texts: [String: FoldedText] = [:]

        public init() {}

        /// Adds one article: its file name, folded text and gold claims.
        public mutating func add(article: String, text: FoldedText, claims: [GoldClaim]) {
            let key = String(article.unicodeScalars.prefix(3))
            texts[key] = text
            for claim in claims { places[key + "#" + claim.id] = (key, text.locate(claim.quote)) }
        }
    }

    /// Checks `findings` (any order; sorted here as the report prints them) against `expected`.
    public init(findings: [Finding], expected: ExpectedFindings, gold: Gold) {
        // Report order decides which conflict a false-conflict line quotes, as in the shared scorer.
        let findings = findings.inReportOrder()
        var unknown = Set<String>()
        for ref in (expected.findings + expected.notConflicts).flatMap({ $0.a + $0.b }) where gold.places[ref] == nil { unknown.insert(ref) }
        unknownReferences = unknown.sorted()
        for pair in expected.findings {
            let grouping = findings.filter { FindingsCheck.covers($0, pair, gold, sides: $0.verdict == .conflict) }
            let verdicts = grouping.map(\.verdict.rawValue)
            let flagged = grouping.contains { $0.verdict != .agreement } || (!grouping.isEmpty && pair.verdicts.contains("agreement"))
            let ok = verdicts.contains { pair.verdicts.contains($0) }
            lines.append(Line(id: pair.id, outcome: ok ? .ok : flagged ? .flagged : .missed, verdicts: verdicts, wanted: pair.verdicts))
        }
        notConflictCount = expected.notConflicts.count
        for pair in expected.notConflicts {
            if let bad = findings.first(where: { $0.verdict == .conflict && FindingsCheck.covers($0, pair, gold, sides: true) }) {
                falseConflicts.append(FalseConflict(id: pair.id, reason: bad.reason))
            }
        }
    }


    /// Whether the claim's quote, found nearest its offset in its article file, overlaps the gold claim `ref`.
    static func hits(_ claim: Claim, _ ref: String, _ gold: Gold) -> Bool {
        guard let (article, place) = gold.places[ref], let place else { return false }
        let doc = String(((claim.doc as NSString).lastPathComponent).unicodeScalars.prefix(3))
        guard doc == article, let text = gold.texts[article], let found = text.locate(claim.quote, hint: claim.start) else { return false }
        return found.overlaps(place)
    }

    /// The finding holds a claim of side `a` and another of side `b`; with `sides`, on different positions,
    /// where position 0 ("fits every side") stands against no one.
    static func covers(_ finding: Finding, _ pair: ExpectedFindings.Pair, _ gold: Gold, sides: Bool) -> Bool {
        let claims = finding.claims
        let a = claims.indices.filter { i in pair.a.contains { hits(claims[i].claim, $0, gold) } }
        let b = claims.indices.filter { i in pair.b.contains { hits(claims[i].claim, $0, gold) } }
        for x in a {
            for y in b where x != y {
                if !sides { return true }
                let px = claims[x].position, py = claims[y].position
                if px != 0, py != 0, px != py { return true }
            }
        }
        return false
    }
}
