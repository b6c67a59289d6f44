import TallyCore

/// What the first token of a match can be, so the matcher is only started where a pattern can begin.
public struct FirstTokens: Sendable, Hashable {
    /// Any token can start a match (a leading `_`, `WORD`, `/regex/` or `QUOTE`).
    public var anyToken = false
    /// Lowercased literal words that can start a match.
    public var words: Set<String> = []
    /// Lexicon classes whose phrases can start a match.
    public var classes: Set<String> = []
    /// A number mention can start a match.
    public var quantity = false
    /// The pattern can match nothing at all (then every position is a possible start).
    public var canBeEmpty = false

    mutating func formUnion(_ other: FirstTokens) {
        anyToken = anyToken || other.anyToken
        words.formUnion(other.words)
        classes.formUnion(other.classes)
        quantity = quantity || other.quantity
    }
}

extension Pattern {
    /// The tokens a match of this pattern can start with.
    public var firstTokens: FirstTokens {
        var first = FirstTokens()
        switch self {
        case .literal(let word): first.words = [word]
        case .words(let options): first.words = Set(options.compactMap(\.first))
        case .lexiconClass(let name): first.classes = [name]
        case .quantity: first.quantity = true
        case .quote, .word, .regex, .any: first.anyToken = true
        case .capture(_, let inner): return inner.firstTokens
        case .repeated(let inner, let low, _):
            first = inner.firstTokens
            if low == 0 { first.canBeEmpty = true }
        case .alternatives(let options):
            for option in options {
                let theirs = option.firstTokens
                first.formUnion(theirs)
                first.canBeEmpty = first.canBeEmpty || theirs.canBeEmpty
            }
        case .sequence(let items):
            first.canBeEmpty = true
            for item in items {
                let theirs = item.firstTokens
                first.formUnion(theirs)
                if !theirs.canBeEmpty {
                    first.canBeEmpty = false
                    break
                }
            }
        }
        return first
    }
}

extension Pattern {
    /// The number type a capture holds when it wraps exactly one number atom (`n:NUM`), else nil.
    public func quantityClass(ofCapture name: String) -> QuantityClass? {
        var found: Set<QuantityClass> = []
        var sawCapture = false
        func visit(_ pattern: Pattern) {
            switch pattern {
            case .capture(let captureName, let inner):
                if captureName == name {
                    sawCapture = true
                    if case .quantity(let kind) = inner.core { found.insert(kind) } else { found.insert(.any) }
                } else {
                    visit(inner)
                }
            case .sequence(let items), .alternatives(let items): items.forEach(visit)
            case .repeated(let inner, _, _): visit(inner)
            default: break
            }
        }
        visit(self)
        guard sawCapture, found.count == 1, let only = found.first, only != .any else { return nil }
        return only
    }
}

/// Words and lexicon classes every match of a pattern must contain: a sentence lacking one of them
/// cannot match, so the rule is skipped for the whole sentence.
public struct RequiredTokens: Sendable, Hashable {
    public var words: Set<String> = []
    public var classes: Set<String> = []
}

extension Pattern {
    public var requiredTokens: RequiredTokens {
        switch self {
        case .literal(let word): return RequiredTokens(words: [word])
        case .words(let options):
            // Every option shares its first word only rarely; require the common words if any.
            let sets = options.map { Set($0) }
            return RequiredTokens(words: sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) })
        case .lexiconClass(let name): return RequiredTokens(classes: [name])
        case .capture(_, let inner): return inner.requiredTokens
        case .repeated(let inner, let low, _): return low > 0 ? inner.requiredTokens : RequiredTokens()
        case .sequence(let items):
            var all = RequiredTokens()
            for item in items {
                let theirs = item.requiredTokens
                all.words.formUnion(theirs.words)
                all.classes.formUnion(theirs.classes)
            }
            return all
        case .alternatives(let options):
            let each = options.map(\.requiredTokens)
            guard var common = each.first else { return RequiredTokens() }
            for other in each.dropFirst() {
                common.words.formIntersection(other.words)
                common.classes.formIntersection(other.classes)
            }
            return common
        default: return RequiredTokens()
        }
    }
}
