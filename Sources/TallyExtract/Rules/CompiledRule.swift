/// A rule ready for matching: its pattern, requires and vetoes compiled against the lexicon, and the
/// prefilters that spare the matcher sentences and positions where the rule cannot match.
final class CompiledRule: Sendable {
    let rule: Rule
    let program: PatternProgram
    /// The capture holding the claim's figure (`emit.value`), nil when the pattern never defines it.
    let valueCapture: Int?
    /// The kind of number the value capture holds, when the pattern says (NUM, DURATION…): the rule is
    /// tried only near numbers of that kind.
    let valueClass: Pattern.QuantityClass?
    /// The extractor's slot for the start positions of the value class (`valueClass`'s ordinal; the
    /// last slot for rules that take any number).
    let startsSlot: Int
    /// What every match contains: per group, word ids and lexicon classes of which it has at least one
    /// (groups the vocabulary or lexicon cannot test are left out).
    let requiredGroups: [(words: [Int32], classes: ClassMask)]
    /// How many tokens a match spans at most.
    let lengthBound: LengthBound
    let requires: [PatternProgram]
    let vetoes: [PatternProgram]
    /// Per capture (by index): the lexicon class it wraps exactly (`c:@class`), whose phrase value
    /// stands for the captured text.
    let captureClasses: [Int?]
    /// `emit.subject`, parsed.
    let subject: SubjectTemplate?

    init(_ rule: Rule, lexicon: LexiconIndex) {
        self.rule = rule
        program = PatternProgram(rule.pattern, lexicon: lexicon)
        valueCapture = program.captureIndex(rule.emit.value)
        valueClass = rule.pattern.quantityClass(ofCapture: rule.emit.value)
        startsSlot = valueClass?.ordinal ?? Pattern.QuantityClass.ordered.count
        // Pattern words are in the vocabulary (the rule set adds them); a word or class that is not
        // cannot prefilter, so its group is dropped.
        requiredGroups = rule.pattern.requiredTokens.groups.compactMap { group in
            let words = group.words.map { lexicon.vocabulary.id(of: $0) }
            let classIDs = group.classes.map { lexicon.classID($0) }
            guard !words.contains(-1), !classIDs.contains(nil) else { return nil }
            var classes = ClassMask()
            for id in classIDs { classes.insert(id!) }
            return (words.sorted(), classes)
        }
        lengthBound = rule.pattern.lengthBound(phraseLength: lexicon.longestPhrase(of:))
        requires = rule.requires.map { PatternProgram($0, lexicon: lexicon) }
        vetoes = rule.vetoes.map { PatternProgram($0, lexicon: lexicon) }
        subject = rule.emit.subject.map(SubjectTemplate.init)
        captureClasses = program.captureNames.map { name in
            guard case .lexiconClass(let className)? = rule.pattern.core(ofCapture: name) else { return nil }
            return lexicon.classID(className)
        }
    }
}

extension Pattern {
    /// The innermost pattern the first capture with this name wraps.
    func core(ofCapture name: String) -> Pattern? {
        switch self {
        case .capture(let captureName, let inner): return captureName == name ? inner.core : inner.core(ofCapture: name)
        case .sequence(let items), .alternatives(let items):
            for item in items { if let found = item.core(ofCapture: name) { return found } }
            return nil
        case .repeated(let inner, _, _): return inner.core(ofCapture: name)
        default: return nil
        }
    }

    /// Every literal word the pattern uses (they get vocabulary ids).
    var literalWords: Set<String> {
        switch self {
        case .literal(let word): return [word]
        case .words(let options): return Set(options.joined())
        case .capture(_, let inner), .repeated(let inner, _, _): return inner.literalWords
        case .sequence(let items), .alternatives(let items): return items.reduce(into: []) { $0.formUnion($1.literalWords) }
        default: return []
        }
    }
}
