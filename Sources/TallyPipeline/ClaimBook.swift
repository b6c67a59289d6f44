import TallyCore
import TallyReconcile

/// The claims of a reduce (`tally report`, `tally reconcile`), held compactly and reconciled one subject
/// at a time.
///
/// A `Claim` holds ten Strings and an array: about 930 bytes a claim in memory, five to seven times its
/// text. Here a claim is one fixed record: its names (document, kind, unit, subject, event, speaker, rule
/// and story) are numbers into one table of distinct names, its quote and sentence bytes in one buffer (a
/// sentence repeated by the claim before it is not stored again). Copies are told from sentence
/// fingerprints gathered as claims arrive. `reconcile(with:)` then gives the `Reconciler` one subject's
/// claims at a time, rebuilt as `Claim`s only for that subject (their names sharing the table's storage),
/// so the findings are those of `Reconciler.reconcile(_:)` on every claim at once.
public struct ClaimBook: Sendable {
    struct Record: Sendable {
        /// The figures, packed (`pack(_:)`): a `Figure?` takes 40 bytes, these 36.
        var value: UInt64
        var low: UInt64
        var high: UInt64
        var from: UInt64
        var valueShape: UInt8
        var lowShape: UInt8
        var highShape: UInt8
        var fromShape: UInt8
        var start: Int
        var end: Int
        var quote: Int
        var sentence: Int
        var quoteBytes: UInt32
        var sentenceBytes: UInt32
        var doc: UInt32
        var kind: UInt32
        var unit: UInt32
        var subject: UInt32
        var event: UInt32
        var speaker: UInt32
        var rule: UInt32
        var story: UInt32
        var qualifier: Qualifier
        var scope: Scope?
        var status: ClaimStatus?
        var change: Change?
        /// Whether the claim is compared at all (`Reconciler.isComparable`).
        var comparable: Bool
    }

    /// The id that stands for nil.
    static let none = UInt32.max

    private var records: [Record] = []
    private var names: [String] = []
    private var nameIDs: [String: UInt32] = [:]
    private var stories: [[String]] = []
    private var storyIDs: [[String]: UInt32] = [:]
    private var text: [UInt8] = []
    /// Figures that do not pack into 64 bits (a date beyond the years and days `pack` holds).
    private var unpacked: [Figure] = []
    /// Each document's claim-sentence fingerprints, by document id (for `Reconciler.Sources`).
    private var sentences: [UInt32: Set<UInt64>] = [:]
    /// The last claim's sentence, story and their ids: neighbours mostly share them.
    private var last: (sentence: String, at: Int, bytes: UInt32, fingerprint: UInt64)?
    private var lastStory: (words: [String], id: UInt32)?

    public init() {}

    public var count: Int { records.count }
    public var isEmpty: Bool { records.isEmpty }

    /// Every claim, rebuilt (for callers that want them all; the reduce itself never does).
    public var claims: [Claim] { records.indices.map(claim) }

    public mutating func append(_ claim: Claim) {
        let doc = name(claim.doc)
        let sentence: (at: Int, bytes: UInt32, fingerprint: UInt64)
        if let last, last.sentence == claim.sentence {
            sentence = (last.at, last.bytes, last.fingerprint)
        } else {
            let at = text.count
            text += claim.sentence.utf8
            sentence = (at, UInt32(text.count - at), Reconciler.fingerprint(claim.sentence))
            last = (claim.sentence, sentence.at, sentence.bytes, sentence.fingerprint)
        }
        sentences[doc, default: []].insert(sentence.fingerprint)
        let quote = text.count
        text += claim.quote.utf8
        let (value, valueShape) = pack(claim.value)
        let (low, lowShape) = pack(claim.low)
        let (high, highShape) = pack(claim.high)
        let (from, fromShape) = pack(claim.from)
        records.append(Record(
            value: value, low: low, high: high, from: from, valueShape: valueShape, lowShape: lowShape, highShape: highShape,
            fromShape: fromShape,
            start: claim.start, end: claim.end,
            quote: quote, sentence: sentence.at, quoteBytes: UInt32(text.count - quote), sentenceBytes: sentence.bytes,
            doc: doc, kind: name(claim.kind), unit: name(claim.unit), subject: name(claim.subject), event: name(claim.event),
            speaker: name(claim.speaker), rule: name(claim.rule), story: story(claim.story), qualifier: claim.qualifier,
            scope: claim.scope, status: claim.status, change: claim.change, comparable: Reconciler.isComparable(claim)))
    }

    public mutating func append<Claims: Sequence>(contentsOf claims: Claims) where Claims.Element == Claim {
        for claim in claims { append(claim) }
    }

    /// The claim at `index`, rebuilt.
    func claim(_ index: Int) -> Claim {
        let r = records[index]
        return Claim(
            doc: names[Int(r.doc)], kind: names[Int(r.kind)], value: unpack(r.value, r.valueShape), low: unpack(r.low, r.lowShape),
            high: unpack(r.high, r.highShape), qualifier: r.qualifier,
            unit: name(r.unit), scope: r.scope, subject: name(r.subject), event: name(r.event), speaker: name(r.speaker),
            quote: string(r.quote, r.quoteBytes), start: r.start, end: r.end, sentence: string(r.sentence, r.sentenceBytes),
            rule: names[Int(r.rule)], story: r.story == ClaimBook.none ? nil : stories[Int(r.story)], status: r.status,
            change: r.change, from: unpack(r.from, r.fromShape))
    }

    /// The findings `Reconciler.reconcile(_:)` makes of every claim, made subject by subject.
    public func reconcile(with reconciler: Reconciler = Reconciler()) -> [Finding] {
        var bySubject: [UInt32: [UInt32]] = [:]
        for index in records.indices where records[index].comparable {
            bySubject[records[index].subject, default: []].append(UInt32(index))
        }
        let sources = Reconciler.Sources(sentences: Dictionary(uniqueKeysWithValues: sentences.map { (names[Int($0.key)], $0.value) }))
        var findings: [Finding] = []
        for subject in bySubject.keys.sorted(by: { names[Int($0)] < names[Int($1)] }) {
            var shared: (at: Int, sentence: String)?
            let claims = bySubject[subject]!.map { index -> Claim in
                var claim = claim(Int(index))
                // Claims of one sentence share its storage, as extraction gave them.
                let at = records[Int(index)].sentence
                if let shared, shared.at == at { claim.sentence = shared.sentence } else { shared = (at, claim.sentence) }
                return claim
            }
            findings += reconciler.findings(ofSubject: claims, sources: sources)
        }
        return Reconciler.ordered(findings: findings)
    }

    /// The claims in none of `findings`, counted by why, as `UnpairedClaims(claims:findings:)` counts them.
    public func unpaired(_ findings: [Finding]) -> UnpairedClaims {
        struct Key: Hashable {
            var doc: UInt32
            var start: Int
            var end: Int
            var kind: UInt32
        }
        var paired: Set<Key> = []
        for finding in findings {
            for item in finding.claims {
                guard let doc = nameIDs[item.claim.doc], let kind = nameIDs[item.claim.kind] else { continue }
                paired.insert(Key(doc: doc, start: item.claim.start, end: item.claim.end, kind: kind))
            }
        }
        var comparable: [UInt32: Int] = [:]
        for record in records where record.comparable { comparable[record.subject, default: 0] += 1 }
        var unpaired = UnpairedClaims()
        for record in records where !paired.contains(Key(doc: record.doc, start: record.start, end: record.end, kind: record.kind)) {
            if !record.comparable {
                unpaired.noSubject += 1
            } else if comparable[record.subject, default: 0] <= 1 {
                unpaired.alone += 1
            } else {
                unpaired.otherEvent += 1
            }
        }
        return unpaired
    }

    // MARK: Figures

    /// A figure as 64 bits and its shape: 0 none, 1 a number (its bits), 2 a date (year, month and day;
    /// 255 for a month or day not given), 3 an index into `unpacked`.
    private mutating func pack(_ figure: Figure?) -> (UInt64, UInt8) {
        switch figure {
        case nil: return (0, 0)
        case .number(let n)?: return (n.bitPattern, 1)
        case .date(let d)?:
            if let year = Int32(exactly: d.year), d.month != nil || d.day == nil, (d.month ?? 0) >= 0, (d.month ?? 0) < 255, (d.day ?? 0) >= 0, (d.day ?? 0) < 255 {
                let month = UInt64(d.month ?? 255), day = UInt64(d.day ?? 255)
                return (UInt64(UInt32(bitPattern: year)) << 16 | month << 8 | day, 2)
            }
            unpacked.append(.date(d))
            return (UInt64(unpacked.count - 1), 3)
        }
    }

    private func unpack(_ bits: UInt64, _ shape: UInt8) -> Figure? {
        switch shape {
        case 1: return .number(Double(bitPattern: bits))
        case 2:
            let month = Int(bits >> 8 & 0xFF), day = Int(bits & 0xFF)
            return .date(CalendarDate(year: Int(Int32(bitPattern: UInt32(truncatingIfNeeded: bits >> 16))), month: month == 255 ? nil : month, day: day == 255 ? nil : day))
        case 3: return unpacked[Int(bits)]
        default: return nil
        }
    }

    // MARK: Names

    private mutating func name(_ string: String) -> UInt32 {
        if let id = nameIDs[string] { return id }
        let id = UInt32(names.count)
        names.append(string)
        nameIDs[string] = id
        return id
    }

    private mutating func name(_ string: String?) -> UInt32 { string.map { name($0) } ?? ClaimBook.none }

    private func name(_ id: UInt32) -> String? { id == ClaimBook.none ? nil : names[Int(id)] }

    private mutating func story(_ words: [String]?) -> UInt32 {
        guard let words else { return ClaimBook.none }
        if let lastStory, lastStory.words == words { return lastStory.id }
        let id: UInt32
        if let known = storyIDs[words] {
            id = known
        } else {
            id = UInt32(stories.count)
            stories.append(words)
            storyIDs[words] = id
        }
        lastStory = (words, id)
        return id
    }

    private func string(_ at: Int, _ bytes: UInt32) -> String {
        String(decoding: text[at..<(at + Int(bytes))], as: UTF8.self)
    }
}
