import TallyCore

/// Documents that are copies of one another — the same wire story on two sites, a syndicated rewrite —
/// told from their claims: copies state the same figures in the same sentences.
///
/// A copy is one source however many sites carry it, so its figures neither agree with nor contradict
/// the original: two claims from one cluster relate as two claims of one article do. Built from the
/// claims alone (their sentences), so `tally reconcile` on claims files finds the same copies as
/// `tally report` on the articles.
struct CopyClusters: Sendable {
    /// Document → the first document (in name order) of its cluster, for documents that have a copy.
    private var source: [String: String] = [:]

    /// At least this many claim sentences must be shared, and this share of the smaller document's
    /// (a copy is often cut short, so the smaller side is the measure).
    static let minimumShared = 2
    static let minimumOverlap = 0.6
    /// A sentence carried by more documents than this is boilerplate, not evidence of copying (and
    /// would make the pair count quadratic).
    static let maximumCarriers = 32

    init(_ claims: [Claim]) {
        var sentences: [String: Set<UInt64>] = [:]
        for claim in claims { sentences[claim.doc, default: []].insert(CopyClusters.fingerprint(claim.sentence)) }
        self.init(sentences: sentences)
    }

    /// From each document's claim sentences, as `fingerprint`s (what a reduce that does not hold the
    /// sentences keeps of them).
    init(sentences: [String: Set<UInt64>]) {
        // Each (sentence, document) as one flat pair, sorted: the documents carrying a sentence are then
        // neighbours. A table of each sentence's carriers took about 100 bytes a sentence, some 400 MB for
        // a gigabyte of news, where almost every sentence has one carrier.
        let docs = sentences.keys.sorted()
        var carried: [(sentence: UInt64, doc: Int)] = []
        carried.reserveCapacity(sentences.values.reduce(0) { $0 + $1.count })
        for (number, doc) in docs.enumerated() { for sentence in sentences[doc]! { carried.append((sentence, number)) } }
        carried.sort { ($0.sentence, $0.doc) < ($1.sentence, $1.doc) }
        // Sentences shared by each pair of documents, keyed by the pair's numbers (the first in the high
        // half): a pair of Strings took 40 bytes an entry, and generated news has tens of millions of pairs.
        var shared: [UInt64: UInt32] = [:]
        var start = 0
        while start < carried.count {
            var end = start + 1
            while end < carried.count, carried[end].sentence == carried[start].sentence { end += 1 }
            if end - start > 1, end - start <= CopyClusters.maximumCarriers {
                for i in start..<end {
                    for j in (i + 1)..<end { shared[UInt64(carried[i].doc) << 32 | UInt64(carried[j].doc), default: 0] += 1 }
                }
            }
            start = end
        }
        var parent: [String: String] = [:]
        func root(_ doc: String) -> String {
            var node = doc
            while let up = parent[node], up != node { node = up }
            return node
        }
        // In name order (documents are numbered in name order), only the pairs that share enough.
        for key in shared.keys.filter({ shared[$0]! >= CopyClusters.minimumShared }).sorted() {
            let (a, b) = (docs[Int(key >> 32)], docs[Int(key & 0xFFFF_FFFF)])
            let smaller = min(sentences[a]!.count, sentences[b]!.count)
            guard Double(shared[key]!) / Double(smaller) >= CopyClusters.minimumOverlap else { continue }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            parent[ra] = parent[ra] ?? ra
            parent[rb] = parent[rb] ?? rb
        }
        for doc in parent.keys { source[doc] = root(doc) }
    }

    /// Whether two documents are one source: the same document, or copies of each other.
    func sameSource(_ a: String, _ b: String) -> Bool {
        a == b || (source[a] != nil && source[a] == source[b])
    }

    /// The number of distinct sources among `docs`.
    func sourceCount<Docs: Sequence>(_ docs: Docs) -> Int where Docs.Element == String {
        Set(docs.map { source[$0] ?? $0 }).count
    }

    /// A sentence as copies share it — its letters and digits, lower-cased, the words apart — hashed
    /// (FNV-1a, 64 bits), so a cluster of a million claims holds eight bytes per sentence.
    static func fingerprint(_ sentence: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt32) {
            hash ^= UInt64(value)
            hash &*= 0x100_0000_01b3
        }
        var space = false
        var started = false
        for scalar in sentence.unicodeScalars {
            // ASCII letters and digits told without the Unicode property tables (most of a reduce's scalars).
            let value = scalar.value
            let isWord = scalar.isASCII ? (0x61...0x7A).contains(value | 0x20) || (0x30...0x39).contains(value) : scalar.properties.isAlphabetic
            if isWord {
                if space, started { mix(0x20) }
                space = false
                started = true
                if scalar.isASCII {
                    mix(("A"..."Z").contains(scalar) ? scalar.value + 32 : scalar.value)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { mix(lower.value) }
                }
            } else {
                space = true
            }
        }
        return hash
    }
}
