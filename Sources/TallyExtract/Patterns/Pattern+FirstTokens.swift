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

/// What every match of a pattern must contain, as groups of alternatives: from each group at least one
/// word or one phrase of a lexicon class. A sentence lacking every member of some group cannot match,
/// so the rule is skipped for the whole sentence.
public struct RequiredTokens: Sendable, Hashable {
    /// One or more words or lexicon classes, any of which will do.
    public struct AnyOf: Sendable, Hashable {
        public var words: Set<String> = []
        public var classes: Set<String> = []

        var size: Int { words.count + classes.count }
    }

    public var groups: [AnyOf] = []

    /// Groups of one member: the words every match contains.
    public var words: Set<String> { Set(groups.filter { $0.size == 1 }.flatMap(\.words)) }
    /// Groups of one member: the lexicon classes every match contains.
    public var classes: Set<String> { Set(groups.filter { $0.size == 1 }.flatMap(\.classes)) }

    mutating func add(_ group: AnyOf) {
        if group.size > 0, !groups.contains(group) { groups.append(group) }
    }
}

extension Pattern {
    public var requiredTokens: RequiredTokens {
        var required = RequiredTokens()
        switch self {
        case .literal(let word): required.add(.init(words: [word]))
        case .words(let options):
            // A match contains one option, so one of the first words; and the words all options share.
            let sets = options.map { Set($0) }
            let shared = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
            for word in shared { required.add(.init(words: [word])) }
            if options.allSatisfy({ !$0.isEmpty }) { required.add(.init(words: Set(options.compactMap(\.first)))) }
        case .lexiconClass(let name): required.add(.init(classes: [name]))
        case .capture(_, let inner): return inner.requiredTokens
        case .repeated(let inner, let low, _): return low > 0 ? inner.requiredTokens : required
        case .sequence(let items):
            for item in items { item.requiredTokens.groups.forEach { required.add($0) } }
        case .alternatives(let options):
            let each = options.map(\.requiredTokens)
            guard let first = each.first, each.allSatisfy({ !$0.groups.isEmpty }) else { return required }
            // Groups every option has are required as they are…
            for group in first.groups where each.allSatisfy({ $0.groups.contains(group) }) { required.add(group) }
            // …and a match contains something of the most telling group of whichever option it took.
            var merged = RequiredTokens.AnyOf()
            for option in each {
                let smallest = option.groups.min { $0.size < $1.size }!
                merged.words.formUnion(smallest.words)
                merged.classes.formUnion(smallest.classes)
            }
            required.add(merged)
        default: break
        }
        return required
    }
}

/// The most tokens a match can span: `fixed` tokens plus `quantities` number mentions (a mention's
/// length is only known in the text).
struct LengthBound: Sendable, Hashable {
    var fixed = 0
    var quantities = 0
}

extension Pattern {
    /// An upper bound on the tokens a match spans; `phraseLength` gives a lexicon class's longest phrase.
    func lengthBound(phraseLength: (String) -> Int) -> LengthBound {
        switch self {
        case .literal, .quote, .word, .regex, .any: return LengthBound(fixed: 1)
        case .words(let options): return LengthBound(fixed: options.map(\.count).max() ?? 0)
        case .lexiconClass(let name): return LengthBound(fixed: phraseLength(name))
        case .quantity: return LengthBound(quantities: 1)
        case .capture(_, let inner): return inner.lengthBound(phraseLength: phraseLength)
        case .repeated(let inner, _, let max):
            let one = inner.lengthBound(phraseLength: phraseLength)
            return LengthBound(fixed: one.fixed * max, quantities: one.quantities * max)
        case .sequence(let items):
            return items.reduce(into: LengthBound()) { total, item in
                let bound = item.lengthBound(phraseLength: phraseLength)
                total.fixed += bound.fixed
                total.quantities += bound.quantities
            }
        case .alternatives(let options):
            return options.reduce(into: LengthBound()) { most, option in
                let bound = option.lengthBound(phraseLength: phraseLength)
                most.fixed = max(most.fixed, bound.fixed)
                most.quantities = max(most.quantities, bound.quantities)
            }
        }
    }
}
