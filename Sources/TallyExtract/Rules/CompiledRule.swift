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
    /// Word ids every match contains.
    let requiredWords: [Int32]
    /// Lexicon classes every match contains.
    let requiredClasses: ClassMask
    let requires: [PatternProgram]
    let vetoes: [PatternProgram]
    /// `emit.subject`, parsed.
    let subject: SubjectTemplate?

    init(_ rule: Rule, lexicon: LexiconIndex) {
        self.rule = rule
        program = PatternProgram(rule.pattern, lexicon: lexicon)
        valueCapture = program.captureIndex(rule.emit.value)
        valueClass = rule.pattern.quantityClass(ofCapture: rule.emit.value)
        let required = rule.pattern.requiredTokens
        // Pattern words are in the vocabulary (the rule set adds them); a word that is not cannot prefilter.
        requiredWords = required.words.map { lexicon.vocabulary.id(of: $0) }.filter { $0 >= 0 }.sorted()
        var classes = ClassMask()
        for name in required.classes { if let id = lexicon.classID(name) { classes.insert(id) } }
        requiredClasses = classes
        requires = rule.requires.map { PatternProgram($0, lexicon: lexicon) }
        vetoes = rule.vetoes.map { PatternProgram($0, lexicon: lexicon) }
        subject = rule.emit.subject.map(SubjectTemplate.init)
    }
}

extension Pattern {
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
