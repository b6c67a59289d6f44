import TallyCore
import TallyMemory

/// Multi-word phrases matched token by token, longest first ("at least", "US$", "per cent").
///
/// Phrases are tokenised like the text, so "US$" matches "US$" and "us $" alike. A phrase written
/// as an upper-case code ("USD", "TRY") matches only in upper case, so the verb "try" is not a lira.
public struct PhraseTable<Value: Sendable & Hashable>: Sendable, Hashable {
    struct Phrase: Sendable, Hashable {
        var words: [String]
        /// `WordHash` of each word's lowercased token text (compared before the words themselves).
        var hashes: [UInt64]
        var caseSensitive: Bool
        /// For case-sensitive phrases: which words touch the previous one ("A$").
        var joined: [Bool]
        var value: Value
        /// `hashes.count`, and `hashes[1]` (0 for one word): most candidates fail on the second word.
        var count: Int
        var second: UInt64
    }

    /// Lowercased first word → phrases starting with it, longest first.
    private var byFirst: [String: [Phrase]] = [:]
    /// The same, hashed for the scanner's per-token lookups (derived from `byFirst`).
    private var index = WordHashTable<[Phrase]>()

    public static func == (a: PhraseTable, b: PhraseTable) -> Bool { a.byFirst == b.byFirst }
    public func hash(into hasher: inout Hasher) { hasher.combine(byFirst) }

    public init() {}

    public init(_ entries: [(phrase: String, value: Value)]) {
        for entry in entries { add(entry.phrase, value: entry.value) }
    }

    public var isEmpty: Bool { byFirst.isEmpty }

    public mutating func add(_ phrase: String, value: Value) {
        var copy = phrase
        let analysed = Tokenizer.analyse(&copy)
        let tokens = analysed.tokens
        guard let first = tokens.first else { return }
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        let symbols = phrase.unicodeScalars.contains { !$0.properties.isAlphabetic && !$0.properties.isWhitespace }
        let caseSensitive = (letters.count >= 2 || symbols && !letters.isEmpty) && letters.allSatisfy { $0.properties.isUppercase }
        let words = tokens.map { caseSensitive ? $0.text : $0.lower }
        let joined = tokens.enumerated().map { $0.offset > 0 && !$0.element.spaceBefore }
        var list = byFirst[first.lower, default: []]
        if let existing = list.firstIndex(where: { $0.words == words }) {
            list[existing].value = value  // later entries win
        } else {
            let hashes = analysed.info.map(\.hash)
            list.append(
                Phrase(words: words, hashes: hashes, caseSensitive: caseSensitive, joined: joined, value: value, count: hashes.count,
                    second: hashes.count > 1 ? hashes[1] : 0))
            list.sort { $0.words.count > $1.words.count }
        }
        byFirst[first.lower] = list
        index[first.lower] = list
    }

    /// The lowercased first words of all phrases.
    public var firstWords: Set<String> { Set(byFirst.keys) }

    /// Whether some phrase starts with this lowercased word (a cheap pre-check).
    public func startsWith(_ lower: String) -> Bool { byFirst[lower] != nil }

    /// The longest phrase starting at token `i`: its value and the token index just past it.
    public func match(_ tokens: [Token], at i: Int) -> (value: Value, end: Int)? {
        guard i < tokens.count else { return nil }
        return match(tokens, at: i, hash: WordHash.of(tokens[i].lower))
    }

    /// `match(_:at:)` for the scanner: token hashes and spacing from the context, tokens read in place.
    func match(_ c: ScanContext, at i: Int) -> (value: Value, end: Int)? {
        guard let candidates = index.value(hash: c.info[i].hash, c.tokens[i].lower) else { return nil }
        let next = i + 1 < c.tokenCount ? c.info[i + 1].hash : 0
        return candidates.withView { candidates -> (value: Value, end: Int)? in
            outer: for p in 0..<candidates.count {
                let count = candidates[p].count
                let end = i + count
                // The second word's hash first: the test below would fail on it anyway.
                guard end <= c.tokenCount, count < 2 || candidates[p].second == next else { continue }
                let caseSensitive = candidates[p].caseSensitive
                for k in 0..<count {
                    guard c.info[i + k].hash == candidates[p].hashes[k] else { continue outer }
                    if caseSensitive {
                        if c.tokens[i + k].text != candidates[p].words[k] { continue outer }
                        if candidates[p].joined[k], c.facts[i + k].spaced { continue outer }
                    } else if k > 0, c.tokens[i + k].lower != candidates[p].words[k] {
                        continue outer
                    }
                }
                return (candidates[p].value, end)
            }
            return nil
        }
    }

    /// `match(_:at:)` with the `WordHash` of token `i`'s lowercased text already known.
    func match(_ tokens: [Token], at i: Int, hash: UInt64) -> (value: Value, end: Int)? {
        guard let candidates = index.value(hash: hash, tokens[i].lower) else { return nil }
        outer: for phrase in candidates {
            let end = i + phrase.words.count
            guard end <= tokens.count else { continue }
            for (k, word) in phrase.words.enumerated() {
                let token = tokens[i + k]
                if (phrase.caseSensitive ? token.text : token.lower) != word { continue outer }
                if phrase.caseSensitive, phrase.joined[k], token.spaceBefore { continue outer }
            }
            return (phrase.value, end)
        }
        return nil
    }
}
