import Foundation
import TallyCore
import TallyMemory
import TallyNumerals

/// Everything extraction needs from `rules/`: the rules, the lexicon, and what is compiled from them.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let lexicon: Lexicon
    public let index: LexiconIndex
    public let regexes: RegexCache
    public let vocabulary: NumeralVocabulary
    let speakerVocabulary: SpeakerVocabulary
    /// The nouns of past events a date may recall (lexicon `recalled_event`, see `EventResolver`).
    let recalledEvents: WordHashSet
    /// The subjects whose counts stand on a day and may fall (lexicon `standing_subject`, `ClaimStatus.standing`).
    let standingSubjects: Set<String>
    /// A digest of every rule and lexicon file's bytes: a cached extraction is valid while it is unchanged.
    public let fingerprint: String

    public init(rules: [Rule], lexicon: Lexicon, fingerprint: String) throws {
        try self.init(rules: rules, lexicon: lexicon, vocabulary: NumeralVocabulary(lexicon: lexicon), fingerprint: fingerprint)
    }

    /// With the numerals vocabulary already built from `lexicon` (the loader builds it once, for its diagnostics).
    init(rules: [Rule], lexicon: Lexicon, vocabulary: NumeralVocabulary, fingerprint: String) throws {
        self.rules = rules
        self.lexicon = lexicon
        var patterns: Set<String> = []
        var words: Set<String> = []
        for rule in rules {
            for pattern in [rule.pattern] + rule.requires + rule.vetoes {
                patterns.formUnion(pattern.regexBodies)
                words.formUnion(pattern.literalWords)
            }
        }
        // "according to" introduces a speaker (SpeakerResolver): its words need ids too.
        self.index = LexiconIndex(lexicon, extraWords: words.union(["according", "to"]))
        self.regexes = try RegexCache(patterns: patterns)
        self.vocabulary = vocabulary
        self.speakerVocabulary = SpeakerVocabulary(lexicon: lexicon)
        self.recalledEvents = WordHashSet(lexicon.phrases(of: "recalled_event").keys)
        self.standingSubjects = Set(lexicon.phrases(of: "standing_subject").keys)
        self.fingerprint = fingerprint
    }

    /// Loads and validates `directory` (rule files at the top, lexicon files under `lexicon/`).
    /// Throws `RuleLoadError` listing every problem when any file has an error.
    public static func load(directory: String) throws(RuleLoadError) -> RuleSet {
        try checked(RuleLoader.load(directory: directory))
    }

    /// The rule set of a load, or every problem when any file has an error.
    public static func checked(_ result: RuleLoader.Result) throws(RuleLoadError) -> RuleSet {
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let ruleSet = result.ruleSet else {
            throw RuleLoadError(diagnostics: result.diagnostics, sources: result.sources)
        }
        return ruleSet
    }
}

/// Rule or lexicon files that did not load: every problem, located.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// File path → contents, for caret excerpts.
    public var sources: [String: String]

    public var description: String {
        diagnostics.map { $0.rendered(source: sources[$0.file]) }.joined(separator: "\n")
    }
}

extension Pattern {
    /// Bodies of every `/regex/` atom.
    var regexBodies: Set<String> {
        switch self {
        case .regex(let body): return [body]
        case .capture(_, let inner), .repeated(let inner, _, _): return inner.regexBodies
        case .sequence(let items), .alternatives(let items): return items.reduce(into: []) { $0.formUnion($1.regexBodies) }
        default: return []
        }
    }
}
