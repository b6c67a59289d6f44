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
///
/// Past `spillBytes` of records and text, the claims held are sorted by subject and written to a run on
/// disk (`ClaimRun`), and the book starts again empty; `reconcile(with:)` then merges the runs subject by
/// subject, so memory holds one subject's claims at a time however many claims there are. Names, story
/// signatures and sentence fingerprints stay in memory (a few bytes a claim).
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
    /// Claims written to disk, sorted by subject, oldest run first.
    private var runs: [ClaimRun] = []
    private var spilled = 0
    /// Comparable claims by subject, spilled or not (for `unpaired(_:)`).
    private var comparableBySubject: [UInt32: Int] = [:]

    /// The memory a run (`tally report`, `tally reconcile`) may use by default: 1 GiB.
    public static let defaultMemory = 1 << 30

    /// Bytes of records and text held before they go to a run on disk: a quarter of the run's memory,
    /// the rest being for documents, names, sentence fingerprints, findings and reading runs back.
    public let spillBytes: Int

    /// Why claims stay in memory past `spillBytes`: a run could not be written (nil while spilling works).
    public private(set) var spillFailure: String?

    /// The folder runs are written to.
    public let spillFolder: String

    /// A book for a run that may use `memory` bytes, spilling into `spillFolder` (default `$TMPDIR`, else `/tmp`).
    public init(memory: Int = ClaimBook.defaultMemory, spillFolder: String? = nil) {
        spillBytes = max(1, memory / 4)
        self.spillFolder = spillFolder ?? SpillFolder.standard
    }

    public var count: Int { spilled + records.count }
    public var isEmpty: Bool { count == 0 }
    /// How many runs went to disk.
    public var spilledRuns: Int { runs.count }

    /// Every claim in the order added, rebuilt (for callers that want them all; the reduce itself never does).
    public var claims: [Claim] {
        get throws(SpillError) {
            guard !runs.isEmpty else { return records.indices.map(claim) }
            var all: [(index: Int, claim: Claim)] = []
            for run in runs {
                var reader = try ClaimRunReader(run, chunk: 1 << 20)
                var sentence = ""
                while reader.head != nil {
                    let spilled = try reader.take()
                    all.append((spilled.index, claim(spilled, previousSentence: &sentence)))
                }
            }
            all.sort { $0.index < $1.index }
            return all.map(\.claim) + records.indices.map(claim)
        }
    }

    /// Bytes the claims held in memory take (what `spillBytes` bounds).
    private var heldBytes: Int { records.capacity * MemoryLayout<Record>.stride + text.capacity }

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
        if records[records.count - 1].comparable { comparableBySubject[records[records.count - 1].subject, default: 0] += 1 }
        if heldBytes > spillBytes, spillFailure == nil { spill() }
    }

    /// Once claims went to disk, writes the ones still held there too, before the merge: the merge then
    /// holds one subject's claims and the runs' read buffers, not a quarter of the budget besides.
    public mutating func spillHeld() {
        if !runs.isEmpty, spillFailure == nil { spill() }
    }

    /// Writes the claims held to a run, sorted by subject name (claims never compared last), each
    /// subject's in the order added, and lets go of them. When the run cannot be written the claims stay
    /// here, and so do later ones (`spillFailure` says why).
    private mutating func spill() {
        guard !records.isEmpty else { return }
        let order = subjectOrder()
        var writer: ClaimRunWriter
        do { writer = try ClaimRunWriter(folder: spillFolder) } catch {
            spillFailure = error.description
            return
        }
        do {
            var previous: Int?
            for index in order {
                let r = records[index]
                let sentence = previous.map { records[$0].sentence == r.sentence } == true ? nil : text[r.sentence..<(r.sentence + Int(r.sentenceBytes))]
                try writer.append(r, index: spilled + index, quote: text[r.quote..<(r.quote + Int(r.quoteBytes))], sentence: sentence)
                previous = index
            }
            runs.append(try writer.finish())
        } catch {
            spillFailure = error.description
            return
        }
        spilled += records.count
        records = []
        text = []
        last = nil
    }

    /// The indices of the claims held, comparable ones by subject name then as added, then the rest as added.
    private func subjectOrder() -> [Int] {
        let subjects = Set(records.lazy.filter(\.comparable).map(\.subject)).sorted { names[Int($0)] < names[Int($1)] }
        var rank: [UInt32: Int] = [:]
        for (place, subject) in subjects.enumerated() { rank[subject] = place }
        let keys = records.map { $0.comparable ? rank[$0.subject]! : subjects.count }
        return records.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
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

    /// A claim read back from a run; `previousSentence` is the sentence of the claim before it in the run,
    /// shared when the run says it is the same (as extraction gave them, claims of one sentence share it).
    private func claim(_ spilled: SpilledClaim, previousSentence: inout String) -> Claim {
        let r = spilled.record
        if let sentence = spilled.sentence { previousSentence = String(decoding: sentence, as: UTF8.self) }
        return Claim(
            doc: names[Int(r.doc)], kind: names[Int(r.kind)], value: unpack(r.value, r.valueShape), low: unpack(r.low, r.lowShape),
            high: unpack(r.high, r.highShape), qualifier: r.qualifier,
            unit: name(r.unit), scope: r.scope, subject: name(r.subject), event: name(r.event), speaker: name(r.speaker),
            quote: String(decoding: spilled.quote, as: UTF8.self), start: r.start, end: r.end, sentence: previousSentence,
            rule: names[Int(r.rule)], story: r.story == ClaimBook.none ? nil : stories[Int(r.story)], status: r.status,
            change: r.change, from: unpack(r.from, r.fromShape))
    }

    private var sources: Reconciler.Sources {
        Reconciler.Sources(sentences: Dictionary(uniqueKeysWithValues: sentences.map { (names[Int($0.key)], $0.value) }))
    }

    /// The findings `Reconciler.reconcile(_:)` makes of every claim, made subject by subject; throws when
    /// a run written to disk cannot be read back.
    public func reconcile(with reconciler: Reconciler = Reconciler()) throws(SpillError) -> [Finding] {
        var findings: [Finding] = []
        try forEachSubject(with: reconciler) { findings += $0 }
        return Reconciler.ordered(findings: findings)
    }

    /// Hands the findings to `body` a group's at a time (`Reconciler.forEachFinding`), subject by subject in
    /// name order (unsorted within; what `reconcile(with:)` sorts), so a caller can write them away rather
    /// than hold them all.
    public func forEachSubject(
        with reconciler: Reconciler = Reconciler(), _ body: ([Finding]) throws(SpillError) -> Void
    ) throws(SpillError) {
        guard runs.isEmpty else { return try mergedFindings(with: reconciler, body) }
        var bySubject: [UInt32: [UInt32]] = [:]
        for index in records.indices where records[index].comparable {
            bySubject[records[index].subject, default: []].append(UInt32(index))
        }
        let sources = self.sources
        for subject in bySubject.keys.sorted(by: { names[Int($0)] < names[Int($1)] }) {
            var shared: (at: Int, sentence: String)?
            let claims = bySubject[subject]!.map { index -> Claim in
                var claim = claim(Int(index))
                // Claims of one sentence share its storage, as extraction gave them.
                let at = records[Int(index)].sentence
                if let shared, shared.at == at { claim.sentence = shared.sentence } else { shared = (at, claim.sentence) }
                return claim
            }
            try reconciler.forEachFinding(ofSubject: claims, sources: sources, body)
        }
    }

    /// `forEachSubject(with:_:)` over the runs and the claims still held: each subject's claims gathered from
    /// every run in turn (oldest first, then those held), which is the order they were added in.
    private func mergedFindings(with reconciler: Reconciler, _ body: ([Finding]) throws(SpillError) -> Void) throws(SpillError) {
        let chunk = min(4 << 20, max(64 << 10, spillBytes / (2 * (runs.count + 1))))
        var readers: [ClaimRunReader] = []
        for run in runs { readers.append(try ClaimRunReader(run, chunk: chunk)) }
        var previous = [String](repeating: "", count: readers.count)
        let held = subjectOrder().filter { records[$0].comparable }
        var next = 0
        let sources = self.sources
        while true {
            var subject: UInt32?
            func consider(_ candidate: UInt32) {
                if subject.map({ names[Int(candidate)] < names[Int($0)] }) ?? true { subject = candidate }
            }
            for reader in readers { if let head = reader.head, head.record.comparable { consider(head.record.subject) } }
            if next < held.count { consider(records[held[next]].subject) }
            guard let subject else { break }
            var claims: [Claim] = []
            // The subject's count is known: grown by doubling, the largest subject's array took twice its room.
            claims.reserveCapacity(comparableBySubject[subject, default: 0])
            for i in readers.indices {
                while let head = readers[i].head, head.record.comparable, head.record.subject == subject {
                    claims.append(claim(try readers[i].take(), previousSentence: &previous[i]))
                }
            }
            var shared: (at: Int, sentence: String)?
            while next < held.count, records[held[next]].subject == subject {
                var claim = claim(held[next])
                let at = records[held[next]].sentence
                if let shared, shared.at == at { claim.sentence = shared.sentence } else { shared = (at, claim.sentence) }
                claims.append(claim)
                next += 1
            }
            try reconciler.forEachFinding(ofSubject: claims, sources: sources, body)
        }
    }

    /// The claims in none of `findings`, counted by why, as `UnpairedClaims(claims:findings:)` counts them;
    /// throws when a run written to disk cannot be read back.
    public func unpaired(_ findings: [Finding]) throws(SpillError) -> UnpairedClaims {
        var paired = Paired()
        for finding in findings { paired.add(finding, in: self) }
        return try unpaired(paired)
    }

    /// What makes a claim cited: its document, span and kind.
    struct Key: Hashable {
        var doc: UInt32
        var start: Int
        var end: Int
        var kind: UInt32
    }

    /// The claims findings cite, gathered as the findings are made (and then let go).
    public struct Paired: Sendable {
        var keys: Set<Key> = []
        public init() {}

        public mutating func add(_ finding: Finding, in book: ClaimBook) {
            for item in finding.claims {
                guard let doc = book.nameIDs[item.claim.doc], let kind = book.nameIDs[item.claim.kind] else { continue }
                keys.insert(Key(doc: doc, start: item.claim.start, end: item.claim.end, kind: kind))
            }
        }
    }

    /// The claims none of the findings that `paired` gathered cite, counted by why.
    public func unpaired(_ paired: Paired) throws(SpillError) -> UnpairedClaims {
        let paired = paired.keys
        var unpaired = UnpairedClaims()
        func count(_ record: Record) {
            guard !paired.contains(Key(doc: record.doc, start: record.start, end: record.end, kind: record.kind)) else { return }
            if !record.comparable {
                unpaired.noSubject += 1
            } else if comparableBySubject[record.subject, default: 0] <= 1 {
                unpaired.alone += 1
            } else {
                unpaired.otherEvent += 1
            }
        }
        for run in runs {
            var reader = try ClaimRunReader(run, chunk: 1 << 20)
            while reader.head != nil { count(try reader.take().record) }
        }
        for record in records { count(record) }
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
