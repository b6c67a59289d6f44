import TallyCore
import TallyMemory
import TallyNumerals

/// A lexicon ready for matching: every class's phrases in one trie over word ids, so the longest
/// phrase at a position is found in one walk with integer lookups, never string hashing.
///
/// Words get their ids from `vocabulary` (every phrase word, plus the words rules use); a document's
/// tokens are turned into ids once (`wordIDs(of:)`), and matching works on those.
public final class LexiconIndex: Sendable {
    public let lexicon: Lexicon
    public let vocabulary: WordVocabulary
    /// Class names, sorted; a class's id is its position here.
    public let classNames: [String]
    private let classIDs: [String: Int]
    /// Class id → its trie's root node.
    private let roots: [Int32]
    /// (node << 32 | word id) → child node.
    private let edges: EdgeTable
    /// Node → index into `values` when a phrase ends there, else -1.
    private let nodeValues: [Int32]
    private let values: [String]
    /// Word id → the classes with a phrase starting with that word.
    private let firstWordClasses: [ClassMask]
    /// Class id → the words in its longest phrase.
    private let longestPhrases: [Int]

    /// - Parameter extraWords: lowercased words that must have ids although no phrase uses them (rule literals).
    public init(_ lexicon: Lexicon, extraWords: Set<String> = []) {
        self.lexicon = lexicon
        var vocabulary = WordVocabulary()
        let names = lexicon.classNames
        var edges = EdgeTable(capacity: 1024)
        var nodeValues: [Int32] = []
        var values: [String] = []
        var roots: [Int32] = []
        var phrasesByClass: [[(words: [Int32], value: String)]] = []
        for name in names {
            var phrases: [(words: [Int32], value: String)] = []
            for entry in lexicon.classes[name] ?? [] {
                let words = LexiconIndex.tokenize(entry.phrase)
                guard !words.isEmpty else { continue }
                phrases.append((words.map { vocabulary.add($0) }, entry.value))
            }
            phrasesByClass.append(phrases)
        }
        for word in extraWords.sorted() { _ = vocabulary.add(word) }
        var firstWordClasses = [ClassMask](repeating: ClassMask(), count: vocabulary.count)
        for (classID, phrases) in phrasesByClass.enumerated() {
            let root = Int32(nodeValues.count)
            nodeValues.append(-1)
            roots.append(root)
            for phrase in phrases {
                var node = root
                for word in phrase.words {
                    if let next = edges.child(node, word) {
                        node = next
                    } else {
                        let next = Int32(nodeValues.count)
                        nodeValues.append(-1)
                        edges.insert(node, word, child: next)
                        node = next
                    }
                }
                nodeValues[Int(node)] = Int32(values.count)
                values.append(phrase.value)
                firstWordClasses[Int(phrase.words[0])].insert(classID)
            }
        }
        self.vocabulary = vocabulary
        self.classNames = names
        self.classIDs = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.roots = roots
        self.edges = edges
        self.nodeValues = nodeValues
        self.values = values
        self.firstWordClasses = firstWordClasses
        self.longestPhrases = phrasesByClass.map { $0.map { $0.words.count }.max() ?? 0 }
    }

    /// Lowercased tokens of a phrase, as the text tokenizer splits it.
    public static func tokenize(_ phrase: String) -> [String] {
        TextAnalysis(text: phrase).tokens.map { $0.lower }
    }

    // MARK: - Ids

    /// The id of a class, or nil when the lexicon has no such class.
    public func classID(_ name: String) -> Int? { classIDs[name] }

    /// The words in the longest phrase of a class (0 for a class the lexicon lacks).
    func longestPhrase(of className: String) -> Int { classIDs[className].map { longestPhrases[$0] } ?? 0 }

    /// Every token's word id (-1 for words neither the lexicon nor the rules use).
    public func wordIDs(of tokens: [Token]) -> [Int32] {
        tokens.map { vocabulary.id(of: $0.lower) }
    }

    /// Every token's word id, using the word hashes the tokenizer already computed.
    public func wordIDs(of analysis: TextAnalysis) -> [Int32] {
        let tokens = analysis.tokens
        // Most words are not in the vocabulary: their slot is empty and their text is never read.
        return tokens.indices.map { vocabulary.id(hash: analysis.wordHash(ofToken: $0), tokens[$0].lower) }
    }

    /// The classes a phrase of which may start at a token with this word id.
    @inline(__always)
    func classesStarting(with word: Int32) -> ClassMask {
        word >= 0 ? firstWordClasses[Int(word)] : ClassMask()
    }

    /// The classes a phrase of which may start somewhere in `range` (only first words are checked).
    func classesStarting(in words: [Int32], range: Range<Int>) -> ClassMask {
        var found = ClassMask()
        for index in range where words[index] >= 0 { found.formUnion(firstWordClasses[Int(words[index])]) }
        return found
    }

    /// Whether some phrase of the class starts with this word id.
    @inline(__always)
    func startsPhrase(of classID: Int, with word: Int32) -> Bool {
        word >= 0 && firstWordClasses[Int(word)].contains(classID)
    }

    // MARK: - Trie walks over word ids

    /// The root node of a class's trie.
    @inline(__always)
    func root(of classID: Int) -> Int32 { roots[classID] }

    /// The node reached from `node` by `word`, if any.
    @inline(__always)
    func child(of node: Int32, word: Int32) -> Int32? {
        guard word >= 0 else { return nil }
        return edges.child(node, word)
    }

    /// Whether a phrase ends at `node`.
    @inline(__always)
    func endsPhrase(_ node: Int32) -> Bool { nodeValues[Int(node)] >= 0 }

    /// Phrases of a class starting at token `position` (not past `limit`), longest first: each as
    /// (end token index, value).
    public func matches(classID: Int, words: [Int32], at position: Int, limit: Int) -> [(end: Int, value: String)] {
        guard startsPhrase(of: classID, with: position < limit ? words[position] : -1) else { return [] }
        var node = roots[classID]
        var found: [(end: Int, value: String)] = []
        var index = position
        while index < limit, let next = child(of: node, word: words[index]) {
            node = next
            index += 1
            let value = nodeValues[Int(node)]
            if value >= 0 { found.append((index, values[Int(value)])) }
        }
        return found.reversed()
    }

    /// The longest phrase of a class that starts at `position`, if any.
    public func longest(classID: Int, words: [Int32], at position: Int, limit: Int) -> (end: Int, value: String)? {
        guard startsPhrase(of: classID, with: position < limit ? words[position] : -1) else { return nil }
        var node = roots[classID]
        var best: (end: Int, value: String)?
        var index = position
        while index < limit, let next = child(of: node, word: words[index]) {
            node = next
            index += 1
            let value = nodeValues[Int(node)]
            if value >= 0 { best = (index, values[Int(value)]) }
        }
        return best
    }

    /// The first phrase of a class found in `range` (scanning left to right).
    public func first(classID: Int, words: [Int32], range: Range<Int>) -> (start: Int, end: Int, value: String)? {
        for position in range {
            if let hit = longest(classID: classID, words: words, at: position, limit: range.upperBound) { return (position, hit.end, hit.value) }
        }
        return nil
    }

    /// The last phrase of a class that starts within `range` (scanning right to left).
    public func last(classID: Int, words: [Int32], range: Range<Int>) -> (start: Int, end: Int, value: String)? {
        for position in range.reversed() {
            if let hit = longest(classID: classID, words: words, at: position, limit: range.upperBound) { return (position, hit.end, hit.value) }
        }
        return nil
    }

    // MARK: - By name, over tokens (for callers without word ids: explain, tests)

    /// Phrases of `className` starting at token `position`, longest first.
    public func matches(_ className: String, in tokens: [Token], at position: Int, limit: Int) -> [(end: Int, value: String)] {
        guard let classID = classIDs[className], position < limit else { return [] }
        return matches(classID: classID, words: wordIDs(tokens, position..<limit), at: 0, limit: limit - position)
            .map { (position + $0.end, $0.value) }
    }

    /// The value of the longest phrase of a class that starts at `position`, if any.
    public func longest(_ className: String, in tokens: [Token], at position: Int, limit: Int) -> (end: Int, value: String)? {
        matches(className, in: tokens, at: position, limit: limit).first
    }

    /// Word ids of a slice of tokens, indexed from 0.
    private func wordIDs(_ tokens: [Token], _ range: Range<Int>) -> [Int32] {
        range.isEmpty ? [] : tokens[range].map { vocabulary.id(of: $0.lower) }
    }
}

/// Lowercased words numbered from 0, so matching compares integers: the entries of a
/// `WordHashSet`, looked up by the word hash the tokenizer already computed for every token.
public struct WordVocabulary: Sendable {
    private var words = WordHashSet()

    public init() {}

    public var count: Int { words.count }

    /// The id of a word, or -1 when the vocabulary does not have it.
    public func id(of word: String) -> Int32 { words.index(of: word).map(Int32.init) ?? -1 }

    /// The id of a word whose `hash` is known (the tokenizer's word hash).
    @inline(__always)
    public func id(of word: String, hash: UInt64) -> Int32 { id(hash: hash, word) }

    /// The id of the word with this hash; `word` is read only when an entry has the same hash.
    @inline(__always)
    func id(hash: UInt64, _ word: @autoclosure () -> String) -> Int32 {
        words.index(hash: hash, word()).map { Int32(truncatingIfNeeded: $0) } ?? -1
    }

    /// The word's id, added when new.
    mutating func add(_ word: String) -> Int32 { Int32(words.insert(word)) }

    /// The tokenizer's word hash (`WordHash`), so that tokens are looked up by the hash they carry.
    @inline(__always)
    static func hash(_ word: String) -> UInt64 { WordHash.of(word) }
}
