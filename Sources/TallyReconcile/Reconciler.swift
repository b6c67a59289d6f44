import TallyCore

/// Compares claims about the same thing and explains how they disagree.
///
/// Claims are grouped by kind, subject and event (an event named by month takes in the one dated
/// event of that month in the same group); claims without a subject are never compared. Each group of
/// two or more claims becomes a `Finding`, ranked most severe first.
public struct Reconciler: Sendable {
    /// Kinds whose figures count the two sides of an exchange, so per-side × 2 = total applies.
    public var sidedKinds: Set<String>

    public init(sidedKinds: Set<String> = ["prisoners", "bodies", "people"]) {
        self.sidedKinds = sidedKinds
    }

    public func reconcile(_ claims: [Claim]) -> [Finding] {
        var findings: [Finding] = []
        for group in groups(claims) where group.claims.count >= 2 {
            if let finding = finding(for: group) { findings.append(finding) }
        }
        return findings.sorted { a, b in
            if a.verdict != b.verdict { return a.verdict < b.verdict }
            if a.kind != b.kind { return a.kind < b.kind }
            return (a.subject ?? "", a.event ?? "") < (b.subject ?? "", b.event ?? "")
        }
    }

    struct Group {
        var kind: String
        var subject: String
        var event: String?
        var axis: Axis
        var claims: [Claim]
    }

    /// Claims grouped by kind, subject, axis and (merged) event, in a deterministic order.
    func groups(_ claims: [Claim]) -> [Group] {
        var bySubject: [String: [Claim]] = [:]
        for claim in claims where claim.subject != nil && claim.interval(on: Axis.of(claim)) != nil {
            bySubject[claim.kind + "\u{1F}" + claim.subject!, default: []].append(claim)
        }
        var result: [Group] = []
        for key in bySubject.keys.sorted() {
            let members = bySubject[key]!
            let events = Reconciler.canonicalEvents(Set(members.compactMap(\.event)))
            var byEvent: [String: [Claim]] = [:]
            for claim in members {
                let event = claim.event.map { events[$0] ?? $0 }
                byEvent[(event ?? "") + "\u{1F}" + "\(Axis.of(claim))", default: []].append(claim)
            }
            for eventKey in byEvent.keys.sorted() {
                for story in Reconciler.stories(byEvent[eventKey]!) {
                    let group = story.sorted { ($0.doc, $0.start) < ($1.doc, $1.start) }
                    let first = group[0]
                    let event = first.event.map { events[$0] ?? $0 }
                    result.append(Group(kind: first.kind, subject: first.subject!, event: event, axis: Axis.of(first), claims: group))
                }
            }
        }
        return result
    }

    /// Splits claims into stories: documents whose story signatures share at least two names (one, when
    /// a signature is that short) tell the same story; claims without a signature join every story.
    static func stories(_ claims: [Claim]) -> [[Claim]] {
        let docs = Array(Set(claims.map(\.doc))).sorted()
        var signature: [String: Set<String>] = [:]
        for claim in claims { if let story = claim.story { signature[claim.doc, default: []].formUnion(story) } }
        var parent = Dictionary(uniqueKeysWithValues: docs.map { ($0, $0) })
        func root(_ doc: String) -> String {
            var node = doc
            while parent[node]! != node { node = parent[node]! }
            return node
        }
        for (i, a) in docs.enumerated() {
            for b in docs[(i + 1)...] {
                let sa = signature[a], sb = signature[b]
                let related: Bool
                if let sa, let sb {
                    let needed = min(2, sa.count, sb.count)
                    related = needed == 0 || sa.intersection(sb).count >= needed
                } else {
                    related = true
                }
                if related { parent[root(b)] = root(a) }
            }
        }
        var components: [String: [Claim]] = [:]
        for claim in claims { components[root(claim.doc), default: []].append(claim) }
        return components.keys.sorted().map { components[$0]! }
    }

    /// Maps a coarse event ("2025-05") onto the one finer event it contains ("2025-05-16"), if exactly one.
    static func canonicalEvents(_ events: Set<String>) -> [String: String] {
        let dates = events.compactMap { event in CalendarDate(iso: event).map { (event, $0) } }
        var mapping: [String: String] = [:]
        for (event, date) in dates where date.precision != .day {
            let finer = dates.filter { $0.1 != date && date.contains($0.1) }
            if finer.count == 1 { mapping[event] = finer[0].0 }
        }
        return mapping
    }

    /// The finding for a group, or nil when none of its claims are comparable with each other.
    func finding(for group: Group) -> Finding? {
        let sided = sidedKinds.contains(group.kind) && group.claims.contains { $0.scope != nil }
        let claims = GroupLimit.bounded(group.claims)
        var worst = ClaimRelation.unrelated
        var relations = [[ClaimRelation]](repeating: [ClaimRelation](repeating: .same, count: claims.count), count: claims.count)
        for i in claims.indices {
            for j in claims.indices where j > i {
                let relation = ClaimRelation.between(claims[i], claims[j], axis: group.axis, sided: sided)
                relations[i][j] = relation
                relations[j][i] = relation
                worst = max(worst, relation)
            }
        }
        if worst == .unrelated { return nil }
        let verdict: Verdict
        switch worst {
        case .disjoint: verdict = .conflict
        case .framing: verdict = .framing
        case .overlap: verdict = .variance
        case .same, .unrelated: verdict = .agreement
        }
        let positions = verdict == .conflict ? Reconciler.sides(relations) : Array(repeating: 1, count: claims.count)
        let cited = zip(claims, positions).map { FindingClaim(claim: $0, position: $1) }
        let reason = ReasonWriter(verdict: verdict, claims: cited, axis: group.axis, relations: relations).reason()
        return Finding(verdict: verdict, kind: group.kind, subject: group.subject, event: group.event, reason: reason, claims: cited)
    }

    /// Sides of a conflict: claims compatible with every other claim get position 0 ("fits both");
    /// the rest are placed greedily, each on the first side all of whose members it is compatible with.
    static func sides(_ relations: [[ClaimRelation]]) -> [Int] {
        let count = relations.count
        var positions = [Int](repeating: 0, count: count)
        var sides: [[Int]] = []
        for i in 0..<count {
            let fitsAll = (0..<count).allSatisfy { $0 == i || relations[i][$0] != .disjoint }
            if fitsAll { continue }
            if let side = sides.firstIndex(where: { $0.allSatisfy { relations[i][$0] != .disjoint } }) {
                sides[side].append(i)
                positions[i] = side + 1
            } else {
                sides.append([i])
                positions[i] = sides.count
            }
        }
        return positions
    }
}
