import Foundation
import TallyCore

/// What a pattern is matched against: a document's tokens with the number mentions found in them.
/// A class, so the matcher's many closures share it instead of copying its arrays' references.
public final class MatchInput {
    public let tokens: [Token]
    public let quantities: [Quantity]
    /// Token index → index into `quantities` of the mention starting there.
    public let quantityStarting: [Int: Int]
    public let lexicon: LexiconIndex
    public let regexes: RegexCache

    public init(tokens: [Token], quantities: [Quantity], lexicon: LexiconIndex, regexes: RegexCache) {
        self.tokens = tokens
        self.quantities = quantities
        var starting: [Int: Int] = [:]
        for (index, quantity) in quantities.enumerated() where starting[quantity.tokens.lowerBound] == nil {
            starting[quantity.tokens.lowerBound] = index
        }
        self.quantityStarting = starting
        self.lexicon = lexicon
        self.regexes = regexes
    }
}

/// Compiled `/regex/` atoms, shared read-only across threads.
public final class RegexCache: @unchecked Sendable {
    private let compiled: [String: NSRegularExpression]

    public init(patterns: Set<String>) throws {
        var compiled: [String: NSRegularExpression] = [:]
        for pattern in patterns { compiled[pattern] = try NSRegularExpression(pattern: pattern) }
        self.compiled = compiled
    }

    func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = compiled[pattern] else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// A successful match: its token range and the token range of each capture.
public struct PatternMatch: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var captures: [String: Range<Int>]
}

/// Backtracking matcher for `Pattern`s, bounded by a step budget so no input makes it super-linear.
public final class PatternMatcher {
    public let input: MatchInput
    private let tokens: [Token]
    /// Maximum atom tests per start position; a pattern that needs more gives up at that position.
    public let budget = 4_000

    public init(input: MatchInput) {
        self.input = input
        self.tokens = input.tokens
    }

    /// Whether a match of a pattern with these first tokens can start at `position`: a cheap test
    /// that spares the backtracking matcher most positions.
    public func canStart(_ first: FirstTokens, at position: Int) -> Bool {
        if first.anyToken || first.canBeEmpty { return true }
        guard position < tokens.count else { return false }
        if first.quantity, input.quantityStarting[position] != nil { return true }
        let lower = tokens[position].lower
        if first.words.contains(lower) { return true }
        for name in first.classes where input.lexicon.startsPhrase(of: name, with: lower) { return true }
        return false
    }

    /// The longest match of `pattern` starting exactly at `start`, not reaching past `limit`.
    public func longestMatch(_ pattern: Pattern, at start: Int, limit: Int) -> PatternMatch? {
        var best: PatternMatch?
        let steps = StepBudget(limit: budget)
        _ = match(pattern, start, [:], limit, steps) { end, captures in
            if end > start, best == nil || end > best!.end { best = PatternMatch(start: start, end: end, captures: captures) }
            return false  // keep looking for a longer one
        }
        return best
    }

    /// Every non-overlapping longest match in `range`, left to right.
    public func allMatches(_ pattern: Pattern, in range: Range<Int>) -> [PatternMatch] {
        var found: [PatternMatch] = []
        var position = range.lowerBound
        while position < range.upperBound {
            if let hit = longestMatch(pattern, at: position, limit: range.upperBound) {
                found.append(hit)
                position = hit.end
            } else {
                position += 1
            }
        }
        return found
    }

    /// Whether the pattern matches anywhere in `range`.
    public func occurs(_ pattern: Pattern, in range: Range<Int>) -> Bool {
        let first = pattern.firstTokens
        for position in range where canStart(first, at: position) {
            if longestMatch(pattern, at: position, limit: range.upperBound) != nil { return true }
        }
        return false
    }

    /// Counts atom tests for one start position.
    final class StepBudget {
        var remaining: Int
        init(limit: Int) { remaining = limit }
        func exhausted() -> Bool {
            remaining -= 1
            return remaining < 0
        }
    }

    typealias Continuation = (Int, [String: Range<Int>]) -> Bool

    /// Matches `pattern` at `position`, calling `next` with each way it can end; stops when `next` says so.
    private func match(
        _ pattern: Pattern, _ position: Int, _ captures: [String: Range<Int>], _ limit: Int, _ steps: StepBudget,
        _ next: Continuation
    ) -> Bool {
        if steps.exhausted() { return true }
        switch pattern {
        case .literal(let word):
            guard position < limit, tokens[position].lower == word else { return false }
            return next(position + 1, captures)
        case .words(let options):
            for option in options.sorted(by: { $0.count > $1.count }) {
                guard position + option.count <= limit else { continue }
                if zip(option, tokens[position..<position + option.count]).allSatisfy({ $0 == $1.lower }) {
                    if next(position + option.count, captures) { return true }
                }
            }
            return false
        case .lexiconClass(let name):
            for hit in input.lexicon.matches(name, in: tokens, at: position, limit: limit) {
                if next(hit.end, captures) { return true }
            }
            return false
        case .quantity(let kind):
            guard let index = input.quantityStarting[position] else { return false }
            let quantity = input.quantities[index]
            guard kind.accepts(quantity), quantity.tokens.upperBound <= limit else { return false }
            return next(quantity.tokens.upperBound, captures)
        case .quote:
            guard position < limit, tokens[position].text == "\"" || tokens[position].text == "'" else { return false }
            return next(position + 1, captures)
        case .word:
            guard position < limit, tokens[position].kind == .word else { return false }
            return next(position + 1, captures)
        case .regex(let body):
            guard position < limit, input.regexes.matches(body, tokens[position].text) else { return false }
            return next(position + 1, captures)
        case .any:
            guard position < limit else { return false }
            return next(position + 1, captures)
        case .sequence(let items):
            return matchSequence(items[...], position, captures, limit, steps, next)
        case .alternatives(let options):
            for option in options where match(option, position, captures, limit, steps, next) { return true }
            return false
        case .repeated(let inner, let low, let high):
            return matchRepeated(inner, low, high, 0, position, captures, limit, steps, next)
        case .capture(let name, let inner):
            return match(inner, position, captures, limit, steps) { end, inner in
                var updated = inner
                updated[name] = position..<end
                return next(end, updated)
            }
        }
    }

    private func matchSequence(
        _ items: ArraySlice<Pattern>, _ position: Int, _ captures: [String: Range<Int>], _ limit: Int, _ steps: StepBudget,
        _ next: Continuation
    ) -> Bool {
        guard let first = items.first else { return next(position, captures) }
        let rest = items.dropFirst()
        return match(first, position, captures, limit, steps) { end, updated in
            matchSequence(rest, end, updated, limit, steps, next)
        }
    }

    private func matchRepeated(
        _ inner: Pattern, _ low: Int, _ high: Int, _ count: Int, _ position: Int, _ captures: [String: Range<Int>],
        _ limit: Int, _ steps: StepBudget, _ next: Continuation
    ) -> Bool {
        if count < high {
            let stop = match(inner, position, captures, limit, steps) { end, updated in
                end > position && matchRepeated(inner, low, high, count + 1, end, updated, limit, steps, next)
            }
            if stop { return true }
        }
        return count >= low && next(position, captures)
    }
}
