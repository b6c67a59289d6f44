import TallyCore

/// Compares claims about the same thing and explains how they disagree.
///
/// Claims are grouped by subject and event (an event named by month takes in the one dated
/// event of that month in the same group; a claim without an event joins the subject's one dated
/// event, or where there are several the one on which another article states its figure, else it stays
/// within its own article); claims without a subject are
/// never compared; counts orders of magnitude apart are compared apart (`Scales`). Running totals are grouped apart, across events, since a total to date is one
/// quantity read on different days: a later, higher figure updates an earlier one, and one day's
/// batch is never set against it; so are standing counts (people missing, still held), which a later
/// reading updates whether it rose or fell. Within a
/// group, figures of different statuses (a plan and a delivery, a projection and a count, a part and
/// the whole) may agree but never conflict (`ClaimRelation`). Scope arithmetic (per side × 2 = total)
/// applies to a group where a rule gave a figure a scope: the rule files declare which counts are
/// sided by their `scope:` (prisoners, bodies), not Swift. Each group of two or more claims becomes a
/// `Finding`, ranked most severe first; a conflict's sides are compared among themselves too.
public struct Reconciler: Sendable {
    public init() {}

    public func reconcile(_ claims: [Claim]) -> [Finding] {
        Reconciler.ordered(findings(claims, copies: CopyClusters(claims)))
    }

    /// The findings of `claims` in the order their groups come, with the copies of the whole run (the
    /// bounded reduce gives one subject's claims at a time: see `Reconciler+Subjects.swift`).
    func findings(_ claims: [Claim], copies: CopyClusters) -> [Finding] {
        var findings: [Finding] = []
        forEachGroup(claims) { findings += self.findings(of: $0, copies: copies) }
        return findings
    }

    /// A group's finding, with its sides' and its common figure's.
    func findings(of group: Group, copies: CopyClusters) -> [Finding] {
        guard group.claims.count >= 2, let finding = finding(for: group, copies: copies) else { return [] }
        return [finding] + sideFindings(of: finding, in: group, copies: copies) + commonFigureFinding(of: finding, in: group, copies: copies)
            + furtherAgreements(of: finding, in: group, copies: copies)
    }

    /// Findings most severe first, as reports list them.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            if a.verdict != b.verdict { return a.verdict < b.verdict }
            if a.kind != b.kind { return a.kind < b.kind }
            if (a.subject, a.event) != (b.subject, b.event) { return (a.subject ?? "", a.event ?? "") < (b.subject ?? "", b.event ?? "") }
            // Two findings on one subject and event (a running total and one day's figures): first cited claim first.
            return (a.claims.first?.claim.doc ?? "", a.claims.first?.claim.start ?? 0) < (b.claims.first?.claim.doc ?? "", b.claims.first?.claim.start ?? 0)
        }
    }

    struct Group {
        var kind: String
        var subject: String
        var event: String?
        var axis: Axis
        var claims: [Claim]
        /// Whether any claim on the subject, at any event, states a side: then per side and total are
        /// read for every claim of the group, those that leave it unsaid too ("some 6,000 bodies").
        var sided = false

        /// Whether scope arithmetic applies: the subject states a side somewhere, or a claim here does.
        var readsSides: Bool { sided || claims.contains { $0.scope != nil } }
    }

    /// Hands `body` the claims grouped by subject, axis and (merged) event — running totals apart and
    /// across events — one group at a time, in a deterministic order. The grouping works on indices
    /// into `claims`, and each group's claims are copied out only for `body`: a subject of 600,000 claims
    /// is then held once while it is grouped, not once per step (by subject, by event, by story, sorted).
    func forEachGroup<Failure: Error>(_ claims: [Claim], _ body: (Group) throws(Failure) -> Void) throws(Failure) {
        var bySubject: [String: [Int]] = [:]
        for index in claims.indices where Reconciler.isComparable(claims[index]) {
            // By subject, not kind: hostages are counted as prisoners or as people, the subject says which.
            bySubject[claims[index].subject!, default: []].append(index)
        }
        for key in bySubject.keys.sorted() {
            let members = bySubject.removeValue(forKey: key)!
            let sided = members.contains { claims[$0].scope != nil }
            let events = Reconciler.canonicalEvents(Set(members.compactMap { claims[$0].event }))
            var byEvent: [String: [Int]] = [:]
            // A figure without an event is about its subject's one dated event (one crash, one flood); where
            // there are several (one swap a day), about the one on which another article states it, else it
            // cannot be told which, and is compared only within its article.
            let dated = Set(members.compactMap { claims[$0].event.map { events[$0] ?? $0 } })
            let stating = dated.count > 1 ? Reconciler.StatedFigures(members, in: claims, events: events) : nil
            for index in members {
                let claim = claims[index]
                // A total to date is about a period, not a day: read on any day of it, the readings meet
                // (split into periods per story below). Control characters no event label holds keep the key apart.
                var event: String?
                if Reconciler.spansPeriod(claim) {
                    event = Reconciler.runningKey
                } else {
                    event = claim.event.map { events[$0] ?? $0 }
                    if let day = event, let before = stating?.dayBefore(day, stating: claim) {
                        event = before
                    } else if event == nil {
                        event = dated.count == 1 ? dated.first : dated.isEmpty ? nil : stating?.event(stating: claim) ?? "\u{1D}" + claim.doc
                    }
                }
                byEvent[(event ?? "") + "\u{1F}" + "\(Axis.of(claim))", default: []].append(index)
            }
            for eventKey in byEvent.keys.sorted() {
                let stories = Reconciler.stories(of: byEvent.removeValue(forKey: eventKey)!, in: claims)
                let periods = eventKey.hasPrefix(Reconciler.runningKey) ? stories.flatMap({ Periods.split($0, in: claims) }) : stories
                for part in periods.flatMap({ Scales.split($0, in: claims) }) {
                    let order = part.sorted { (claims[$0].doc, claims[$0].start) < (claims[$1].doc, claims[$1].start) }
                    let group = order.map { claims[$0] }
                    let first = group[0]
                    // A running total's finding is about its latest reading; another about its group's dated event.
                    let event = first.status?.isReading == true ? group.compactMap(\.event).max() : group.lazy.compactMap(\.event).first.map { events[$0] ?? $0 }
                    try body(Group(kind: first.kind, subject: first.subject!, event: event, axis: Axis.of(first), claims: group, sided: sided))
                }
            }
        }
    }

    /// The dated events on which a subject's figures are stated, to place a claim whose own event says
    /// little: an undated claim on the one event on which another article states its figure ("8 of the 33
    /// hostages" on January 27) — the day's news it copies — and a claim of the day after such an event,
    /// which no other article states on its own day, on that event (an article published the morning after
    /// a release, giving no date, reports the release). Built once per subject, read per claim.
    struct StatedFigures {
        struct Key: Hashable {
            var status: ClaimStatus?
            var interval: Interval
        }
        struct Statement: Hashable {
            var figure: Key
            var event: String
        }
        /// Per figure: its one event, or nil when it is stated on several (flat tables, no table per figure:
        /// a subject of a gigabyte of news holds hundreds of thousands of figures).
        private var events: [Key: String?] = [:]
        /// Per figure and event: the first article stating it there, and whether others do too.
        private var stating: [Statement: (doc: String, otherDocs: Bool)] = [:]

        init(_ members: [Int], in claims: [Claim], events canonical: [String: String]) {
            for index in members {
                let claim = claims[index]
                guard let event = claim.event.map({ canonical[$0] ?? $0 }), let interval = claim.interval(on: Axis.of(claim)) else { continue }
                let key = Key(status: claim.status, interval: interval)
                if let known = events[key] {
                    if known != event { events[key] = .some(nil) }
                } else {
                    events[key] = event
                }
                let statement = Statement(figure: key, event: event)
                if let known = stating[statement] {
                    if !known.otherDocs, known.doc != claim.doc { stating[statement] = (known.doc, true) }
                } else {
                    stating[statement] = (claim.doc, false)
                }
            }
        }

        /// Whether an article other than `doc` states `figure` on `event`.
        private func statedByAnother(_ figure: Key, on event: String, than doc: String) -> Bool {
            guard let known = stating[Statement(figure: figure, event: event)] else { return false }
            return known.doc != doc || known.otherDocs
        }

        /// The one event on which another article states `claim`'s figure (with its status), if exactly one.
        func event(stating claim: Claim) -> String? {
            guard let interval = claim.interval(on: Axis.of(claim)) else { return nil }
            let key = Key(status: claim.status, interval: interval)
            guard let one = events[key], let event = one, statedByAnother(key, on: event, than: claim.doc) else { return nil }
            return event
        }

        /// The day before `event` when another article states `claim`'s figure on that day and none but
        /// `claim`'s own states it on `event`; else nil.
        func dayBefore(_ event: String, stating claim: Claim) -> String? {
            guard let interval = claim.interval(on: Axis.of(claim)) else { return nil }
            let key = Key(status: claim.status, interval: interval)
            guard !statedByAnother(key, on: event, than: claim.doc), let day = CalendarDate(iso: event), day.precision == .day
            else { return nil }
            let before = CalendarDate(dayNumber: day.dayRange.lowerBound - 1).iso
            return statedByAnother(key, on: before, than: claim.doc) ? before : nil
        }
    }

    /// The event key of totals to date.
    static let runningKey = "\u{1E}running total"

    /// Whether a claim is about a period rather than its day: a total to date or a standing count (readings,
    /// compared across days), or an earlier reading the article reports as replaced, which belongs with the
    /// readings it preceded. (Plans stay on their day: grouped over a period, a deal's total and one day's
    /// planned batch stood against each other.)
    static func spansPeriod(_ claim: Claim) -> Bool { claim.status?.isReading == true || claim.status == .superseded }

    /// Splits claims into stories: documents whose story signatures share at least two names (one, when
    /// a signature is short: a brief or cut article names few) tell the same story; a document without a
    /// signature joins the one story there is, else stays on its own.
    static func stories(_ claims: [Claim]) -> [[Claim]] {
        stories(of: Array(claims.indices), in: claims).map { $0.map { claims[$0] } }
    }

    /// `stories(_:)` of the claims at `members` in `claims`, as lists of those indices.
    static func stories(of members: [Int], in claims: [Claim]) -> [[Int]] {
        // Documents and names are numbered first (documents in name order), so the union-find and the
        // indexes below hash and compare integers, not Strings.
        let docs = Array(Set(members.map { claims[$0].doc })).sorted()
        let docNumbers = Dictionary(uniqueKeysWithValues: docs.enumerated().map { ($0.element, $0.offset) })
        var wordNumbers: [String: Int] = [:]
        var signature = [[Int]?](repeating: nil, count: docs.count)
        for index in members {
            let doc = docNumbers[claims[index].doc]!
            guard signature[doc] == nil else { continue }
            signature[doc] = Array(Set(claims[index].story ?? [])).sorted().map { word in
                if let number = wordNumbers[word] { return number }
                wordNumbers[word] = wordNumbers.count
                return wordNumbers.count - 1
            }
        }
        var parent = Array(docs.indices)
        // Union-find; roots are the smallest name (so the grouping does not depend on join order), and
        // every lookup points the path it walked straight at the root, keeping later lookups short.
        func root(_ doc: Int) -> Int {
            var node = doc
            while parent[node] != node { node = parent[node] }
            var walk = doc
            while walk != node {
                let next = parent[walk]
                parent[walk] = node
                walk = next
            }
            return node
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Two documents share two names exactly when they share a pair of names, so each pair (and,
        // for one-name signatures, each name) is indexed once: linear in the number of documents.
        var firstWithPair: [UInt64: Int] = [:]
        var shortNames = Set<Int>()
        var unsigned = false
        for doc in docs.indices {
            guard let words = signature[doc], !words.isEmpty else {
                unsigned = true
                continue
            }
            if words.count <= shortSignature { shortNames.formUnion(words) }
            for i in words.indices {
                for j in words.indices where j > i {
                    let key = UInt64(words[i]) << 32 | UInt64(words[j])
                    if let other = firstWithPair[key] { join(doc, other) } else { firstWithPair[key] = doc }
                }
            }
        }
        // A short signature joins every story that has one of its names: all documents with that name
        // become one story, so each joins the first of them (linear, where joining each pair was quadratic).
        var firstWithName: [Int: Int] = [:]
        for doc in docs.indices {
            for word in signature[doc] ?? [] where shortNames.contains(word) {
                if let first = firstWithName[word] { join(doc, first) } else { firstWithName[word] = doc }
            }
        }
        // A document without a signature joins the one story there is; among several it cannot be told which,
        // and it stays a story of its own (joining every story made one of all of them: a ferry's missing set
        // against a landslide's). Claims files without signatures at all are one story.
        if unsigned {
            let signed = docs.indices.filter { !(signature[$0] ?? []).isEmpty }
            let storyRoots = Set(signed.map(root))
            if storyRoots.count <= 1 {
                for doc in docs.indices { join(doc, 0) }
            }
        }
        var components: [Int: [Int]] = [:]
        for index in members { components[root(docNumbers[claims[index].doc]!), default: []].append(index) }
        return components.keys.sorted().map { components[$0]! }
    }

    /// A signature of at most this many names is short: sharing one of them is enough.
    static let shortSignature = 5

    /// The day a claim's figure was read on: its event when that is a day, as a running total's
    /// event is the article's date (or the day its opening paragraphs name).
    static func day(of claim: Claim) -> CalendarDate? {
        guard let event = claim.event, let date = CalendarDate(iso: event), date.precision == .day else { return nil }
        return date
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

    /// Groups larger than this are judged by a sweep over their intervals instead of every pair.
    public static let pairwiseLimit = 400

    /// The finding for a group, or nil when none of its claims are comparable with each other.
    func finding(for group: Group, copies: CopyClusters = CopyClusters([])) -> Finding? {
        var group = group
        group.claims = GroupLimit.mergingRepeats(group.claims)
        if group.claims.count > Reconciler.pairwiseLimit { return sweptFinding(for: group) }
        let sided = group.readsSides
        let claims = group.claims
        var worst = ClaimRelation.unrelated
        var relations = [[ClaimRelation]](repeating: [ClaimRelation](repeating: .same, count: claims.count), count: claims.count)
        for i in claims.indices {
            for j in claims.indices where j > i {
                let relation = ClaimRelation.between(
                    claims[i], claims[j], axis: group.axis, sided: sided, oneSource: copies.sameSource(claims[i].doc, claims[j].doc))
                relations[i][j] = relation
                relations[j][i] = relation
                worst = max(worst, relation)
            }
        }
        if worst == .unrelated { return nil }
        if worst == .same { return agreement(of: group, relations: relations, copies: copies) }
        let verdict: Verdict
        switch worst {
        case .disjoint: verdict = .conflict
        case .framing: verdict = .framing
        case .overlap, .updated: verdict = .variance
        case .same, .unrelated: verdict = .agreement
        }
        var positions = Array(repeating: 1, count: claims.count)
        if verdict == .conflict {
            let intervals = claims.map { $0.interval(on: group.axis)! }
            let order = claims.indices.sorted { (intervals[$0].low, intervals[$0].high, $0) < (intervals[$1].low, intervals[$1].high, $1) }
            positions = Reconciler.sides(relations, order: order)
        }
        let cited = zip(claims, positions).map { FindingClaim(claim: $0, position: $1) }
        let reason = ReasonWriter(verdict: verdict, claims: cited, axis: group.axis, sources: copies.sourceCount(claims.map(\.doc))).reason()
        return Finding(verdict: verdict, kind: group.kind, subject: group.subject, event: group.event, reason: reason, claims: cited)
    }

    /// An agreement cites the claims that state one figure and nothing else: figures of one article it
    /// does not compare ("10 Thai nationals" … "12 Thai hostages", `ClaimRelation.unrelated`) are not
    /// part of it. One source repeating itself is no finding: agreement is between sources.
    func agreement(of group: Group, relations: [[ClaimRelation]], copies: CopyClusters) -> Finding? {
        // The largest set of claims all stated the same: the most often stated figure's claims.
        let claims = group.claims
        let agreeing = claims.indices.map { i in claims.indices.filter { relations[i][$0] == .same } }.max { $0.count < $1.count } ?? []
        let sources = copies.sourceCount(agreeing.map { claims[$0].doc })
        // Earlier readings the articles report as replaced stay cited, named as such in the reason.
        let members = claims.indices.filter { agreeing.contains($0) || claims[$0].status == .superseded }.map { claims[$0] }
        guard agreeing.count >= 2, sources >= 2 else { return nil }
        let cited = members.map { FindingClaim(claim: $0, position: 1) }
        let reason = ReasonWriter(verdict: .agreement, claims: cited, axis: group.axis, sources: sources).reason()
        return Finding(verdict: .agreement, kind: group.kind, subject: group.subject, event: group.event, reason: reason, claims: cited)
    }

    /// How the claims on each side of a conflict differ among themselves: 3,845 and 3,958 on the low
    /// side of the Derna toll, stated differently, are a variance of their own, which the conflict
    /// between the sides would otherwise hide. Of the claims that fit every side (position 0), readings
    /// are compared too: counts of people missing from articles that give no day fit every day's reading
    /// for want of a day, yet differ among themselves (a vague "up to 40" fits by being vague, and is left out).
    func sideFindings(of finding: Finding, in group: Group, copies: CopyClusters) -> [Finding] {
        guard finding.verdict == .conflict, group.claims.count <= Reconciler.pairwiseLimit else { return [] }
        let sides = Set(finding.claims.map(\.position)).sorted()
        return sides.flatMap { side -> [Finding] in
            var members = group
            members.claims = finding.claims.filter { $0.position == side && (side > 0 || $0.claim.status?.isReading == true) }.map(\.claim)
            // Sources that agree on one side are a finding too: "two outlets say 90" is the confirmation a
            // fact-checker weighs against the other side.
            guard members.claims.count >= 2, let sideFinding = self.finding(for: members, copies: copies) else { return [] }
            return [sideFinding] + commonFigureFinding(of: sideFinding, in: members, copies: copies)
        }
    }

    /// An agreement cites one figure; the group's figures that are not compared with it (a deal's 33
    /// hostages beside the 8 of them who died, or a plan beside a part of it) may agree among themselves
    /// too, and a fact-checker wants that confirmation as much. Each such figure stated by two sources is
    /// an agreement of its own (at most `furtherAgreementLimit` more per group, each costing a pass over it).
    func furtherAgreements(of finding: Finding, in group: Group, copies: CopyClusters, found: Int = 0) -> [Finding] {
        guard finding.verdict == .agreement, found < Reconciler.furtherAgreementLimit, group.claims.count <= Reconciler.pairwiseLimit else { return [] }
        let cited = finding.claims.map(\.claim)
        let sided = group.readsSides
        var rest = group
        rest.claims = group.claims.filter { claim in
            cited.allSatisfy { ClaimRelation.between(claim, $0, axis: group.axis, sided: sided, oneSource: copies.sameSource(claim.doc, $0.doc)) == .unrelated }
        }
        guard rest.claims.count >= 2, let next = self.finding(for: rest, copies: copies), next.verdict == .agreement else { return [] }
        return [next] + furtherAgreements(of: next, in: rest, copies: copies, found: found + 1)
    }

    /// How many agreements `furtherAgreements` adds to a group's first at most.
    static let furtherAgreementLimit = 8

    /// The sources that state one figure within a variance: "four outlets say 11,300" is the
    /// confirmation a fact-checker weighs against a lone 10,000, and the variance would otherwise hide it.
    /// The figure stated by the most sources is taken; none when no figure has two sources.
    func commonFigureFinding(of finding: Finding, in group: Group, copies: CopyClusters) -> [Finding] {
        guard finding.verdict == .variance, group.claims.count <= Reconciler.pairwiseLimit else { return [] }
        // Keyed by the figure stated ("270" and "at least 270" state one), else by the interval.
        var byFigure: [Interval: [Claim]] = [:]
        for cited in finding.claims {
            let key = cited.claim.statedFigure.map { Interval(low: $0, high: $0) } ?? cited.claim.interval(on: group.axis)!
            byFigure[key, default: []].append(cited.claim)
        }
        // Most sources first; among equals the lowest figure, so the choice does not depend on hashing.
        let ranked = byFigure.map { (figure: $0.key, claims: $0.value, sources: copies.sourceCount($0.value.map(\.doc))) }
            .filter { $0.sources >= 2 && $0.claims.count < finding.claims.count }
            .sorted { ($1.sources, $0.figure.low, $0.figure.high) < ($0.sources, $1.figure.low, $1.figure.high) }
        guard let common = ranked.first?.claims else { return [] }
        var members = group
        members.claims = common
        guard let agreement = self.finding(for: members, copies: copies), agreement.verdict == .agreement else { return [] }
        return [agreement]
    }

    /// A very large group (thousands of articles on one event): intervals sorted by their low end, a new
    /// side opened whenever a claim starts above every open interval's high end — O(n log n). Scope
    /// arithmetic and the same-article rule, which need every pair, are left out at this size.
    func sweptFinding(for group: Group) -> Finding {
        let intervals = group.claims.map { $0.interval(on: group.axis)! }
        let order = intervals.indices.sorted { (intervals[$0].low, intervals[$0].high) < (intervals[$1].low, intervals[$1].high) }
        var positions = [Int](repeating: 1, count: group.claims.count)
        var side = 1
        var sideHigh = Double.infinity
        for index in order {
            let interval = intervals[index]
            if sideHigh != .infinity, interval.low > sideHigh {
                side += 1
                sideHigh = interval.high
            } else {
                sideHigh = min(sideHigh, interval.high)
            }
            positions[index] = side
        }
        let identical = Set(intervals).count == 1
        let verdict: Verdict = side > 1 ? .conflict : (identical ? .agreement : .variance)
        let cited = zip(group.claims, positions).map { FindingClaim(claim: $0, position: verdict == .conflict ? $1 : 1) }
        let reason = ReasonWriter(verdict: verdict, claims: cited, axis: group.axis).reason()
        return Finding(verdict: verdict, kind: group.kind, subject: group.subject, event: group.event, reason: reason, claims: cited)
    }

    /// Sides of a conflict: claims compatible with every other claim get position 0 ("fits both"),
    /// unless they are compared with one side only;
    /// the rest are placed greedily, each on the latest opened side all of whose members it is
    /// compatible with. Claims are placed in `order` (by interval, low figures first), so sides are
    /// bands of neighbouring figures: "more than 2,000" and "more than 2,300" share one, rather than
    /// whichever side the document order reached first (a reader takes claims on two sides to contradict).
    static func sides(_ relations: [[ClaimRelation]], order: [Int]? = nil) -> [Int] {
        let count = relations.count
        var positions = [Int](repeating: 0, count: count)
        var sides: [[Int]] = []
        for i in order ?? Array(0..<count) {
            let fitsAll = (0..<count).allSatisfy { $0 == i || relations[i][$0] != .disjoint }
            if fitsAll { continue }
            if let side = sides.lastIndex(where: { $0.allSatisfy { relations[i][$0] != .disjoint } }) {
                sides[side].append(i)
                positions[i] = side + 1
            } else {
                sides.append([i])
                positions[i] = sides.count
            }
        }
        // A claim that conflicts with none because it is compared with one side only (the rest of its
        // own article's figures count other things) stands on that side, not on every side.
        for i in 0..<count where positions[i] == 0 {
            let compared = Set((0..<count).filter { $0 != i && positions[$0] > 0 && relations[i][$0] != .unrelated }.map { positions[$0] })
            if compared.count == 1 { positions[i] = compared.first! }
        }
        return positions
    }
}
