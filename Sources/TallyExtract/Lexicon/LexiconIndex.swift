import TallyCore
import TallyNumerals

/// A lexicon ready for matching: each class's phrases tokenised into a trie over lowercased tokens,
/// so the longest phrase at a position is found in one walk.
public struct LexiconIndex: Sendable {
    final class Node: @unchecked Sendable {
        var children: [String: Node] = [:]
        /// Set when a phrase ends here: its normalised value.
        var value: String?
    }

    public let lexicon: Lexicon
    private let tries: [String: Node]
    /// Lowercased word → the classes with a phrase starting with it.
    private let classesByFirstWord: [String: Set<String>]

    public init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        var tries: [String: Node] = [:]
        for (name, entries) in lexicon.classes {
            let root = Node()
            for entry in entries {
                let words = LexiconIndex.tokenize(entry.phrase)
                guard !words.isEmpty else { continue }
                var node = root
                for word in words {
                    if let next = node.children[word] {
                        node = next
                    } else {
                        let next = Node()
                        node.children[word] = next
                        node = next
                    }
                }
                node.value = entry.value
            }
            tries[name] = root
        }
        self.tries = tries
        var byFirst: [String: Set<String>] = [:]
        for (name, root) in tries { for word in root.children.keys { byFirst[word, default: []].insert(name) } }
        self.classesByFirstWord = byFirst
    }

    /// The classes a phrase of which may start somewhere in `range` (an over-approximation: only first
    /// words are checked).
    public func classesStarting(in tokens: [Token], range: Range<Int>) -> Set<String> {
        var found: Set<String> = []
        for index in range { if let names = classesByFirstWord[tokens[index].lower] { found.formUnion(names) } }
        return found
    }

    /// Lowercased tokens of a phrase, as the text tokenizer splits it.
    public static func tokenize(_ phrase: String) -> [String] {
        TextAnalysis(text: phrase).tokens.map(\.lower)
    }

    public func hasClass(_ name: String) -> Bool { tries[name] != nil }

    /// Whether some phrase of the class starts with this lowercased word.
    public func startsPhrase(of className: String, with word: String) -> Bool {
        tries[className]?.children[word] != nil
    }

    /// Phrases of `className` starting at token `position` (not past `limit`), longest first:
    /// each as (end token index, value).
    public func matches(_ className: String, in tokens: [Token], at position: Int, limit: Int) -> [(end: Int, value: String)] {
        guard var node = tries[className] else { return [] }
        var found: [(end: Int, value: String)] = []
        var index = position
        while index < limit, let next = node.children[tokens[index].lower] {
            node = next
            index += 1
            if let value = node.value { found.append((index, value)) }
        }
        return found.reversed()
    }

    /// The value of the longest phrase of a class that starts at `position`, if any.
    public func longest(_ className: String, in tokens: [Token], at position: Int, limit: Int) -> (end: Int, value: String)? {
        matches(className, in: tokens, at: position, limit: limit).first
    }

    /// The first phrase of a class found in `range` (scanning left to right).
    public func first(_ className: String, in tokens: [Token], range: Range<Int>) -> (start: Int, end: Int, value: String)? {
        for position in range {
            if let hit = longest(className, in: tokens, at: position, limit: range.upperBound) {
                return (position, hit.end, hit.value)
            }
        }
        return nil
    }

    /// The last phrase of a class that ends within `range` (scanning right to left).
    public func last(_ className: String, in tokens: [Token], range: Range<Int>) -> (start: Int, end: Int, value: String)? {
        for position in range.reversed() {
            if let hit = longest(className, in: tokens, at: position, limit: range.upperBound) {
                return (position, hit.end, hit.value)
            }
        }
        return nil
    }
}
