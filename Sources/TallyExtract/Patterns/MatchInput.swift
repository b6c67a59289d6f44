import Foundation
import TallyCore
import TallyMemory

/// What a pattern is matched against: a document's tokens, as word ids, with the number mentions
/// found in them. Built once per document.
public final class MatchInput {
    public let tokens: [Token]
    public let quantities: [Quantity]
    /// Vocabulary id of every token (-1: a word no rule or lexicon phrase uses).
    public let words: [Int32]
    /// `words` in memory of the input's own, for the matcher's inner loop.
    let wordIDs: FrozenBuffer<Int32>
    /// Token index → index into `quantities` of the first mention starting there, or -1.
    let quantityStarting: [Int32]
    /// Per mention: the token index it ends at, and a bit per `Pattern.QuantityClass.ordered` class
    /// that accepts it (so the matcher tests a bit instead of copying the mention).
    let quantityEnds: [Int32]
    /// Per mention: the token index it starts at.
    let quantityFirstTokens: [Int32]
    let quantityClasses: [UInt16]
    /// Per mention: whether it states a figure (value, low or high; "all-for-all" does not).
    let quantityHasFigure: [Bool]
    public let lexicon: LexiconIndex
    public let regexes: RegexCache

    /// - Parameter words: the tokens' word ids when already known (`LexiconIndex.wordIDs(of:)`).
    public init(tokens: [Token], quantities: [Quantity], lexicon: LexiconIndex, regexes: RegexCache, words: [Int32]? = nil) {
        self.tokens = tokens
        self.quantities = quantities
        let words = words ?? lexicon.wordIDs(of: tokens)
        self.words = words
        wordIDs = FrozenBuffer(words)
        var starting = [Int32](repeating: -1, count: tokens.count + 1)
        for (index, quantity) in quantities.enumerated() where starting[quantity.tokens.lowerBound] < 0 {
            starting[quantity.tokens.lowerBound] = Int32(index)
        }
        self.quantityStarting = starting
        quantityEnds = quantities.map { Int32($0.tokens.upperBound) }
        quantityFirstTokens = quantities.map { Int32($0.tokens.lowerBound) }
        quantityClasses = quantities.map { quantity in
            var bits: UInt16 = 0
            for (ordinal, kind) in Pattern.QuantityClass.ordered.enumerated() where kind.accepts(quantity) { bits |= 1 << UInt16(ordinal) }
            return bits
        }
        quantityHasFigure = quantities.map { $0.value != nil || $0.low != nil || $0.high != nil }
        self.lexicon = lexicon
        self.regexes = regexes
    }

    /// The mention starting at token `position`, if any.
    @inline(__always)
    func quantity(startingAt position: Int) -> Int? {
        let index = quantityStarting[position]
        return index >= 0 ? Int(index) : nil
    }
}

/// Compiled `/regex/` atoms, shared read-only across threads.
public final class RegexCache: Sendable {
    private let compiled: [String: NSRegularExpression]

    public init(patterns: Set<String>) throws {
        var compiled: [String: NSRegularExpression] = [:]
        for pattern in patterns { compiled[pattern] = try NSRegularExpression(pattern: pattern) }
        self.compiled = compiled
    }

    func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = compiled[pattern] ?? (try? NSRegularExpression(pattern: pattern)) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
