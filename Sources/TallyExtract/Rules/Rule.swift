import TallyCore

/// One extraction rule from `rules/*.yaml`: a token pattern, what it emits, and its own examples.
public struct Rule: Sendable, Hashable {
    public var id: String
    /// The claim kind (the rule file's `kind` unless the rule's `emit.kind` overrides it).
    public var kind: String
    public var description: String
    public var patternText: String
    public var pattern: Pattern
    public var emit: Emit
    /// Higher wins when two rules claim the same number with equally long matches.
    public var priority: Int
    /// Patterns that must occur in the sentence (or paragraph, see `context`) for the rule to apply.
    public var requires: [Pattern]
    public var context: Context
    /// The status of the rule file's claims when their words state none (file key `status`): a death
    /// toll is a total to date however it is phrased.
    public var defaultStatus: ClaimStatus?
    /// The rule file's `repeats: once`: an article states each of these figures once, so a later
    /// mention of the same value and subject ("the swap on Saturday" … "freed on Saturday") is no new claim.
    public var statedOnce = false
    /// Patterns that, matching over the claimed number, cancel the claim (ages, model names…).
    public var vetoes: [Pattern]
    /// Rule key `recent: DAYS`: a date of this rule that ends more than DAYS days before the article's
    /// publication is background the article recalls ("released in November 2023", "the October 7
    /// attack" in a 2025 report), not a claim of its story.
    public var recentDays: Int? = nil
    public var examples: [RuleExample]
    public var counterexamples: [RuleExample]
    public var todo: [RuleExample]
    /// Where the rule is defined, for diagnostics and test failures.
    public var file: String
    public var line: Int

    public enum Context: String, Sendable, Hashable { case sentence, paragraph }
}

/// How a rule turns a match into a claim.
public struct Emit: Sendable, Hashable {
    /// The capture holding the number mention that is the claim's figure.
    public var value: String
    public var kind: String?
    /// Template: literal text with `$capture` (a captured phrase's lexicon value or text) and `{party}`
    /// (the party the sentence attributes the figure to: "ceasefire proposed by {party}").
    public var subject: String?
    public var scope: Value?
    public var unit: Value?
    public var qualifier: Value?
    /// The figure adds to an earlier one ("an additional 200"): the earlier claim's interval widens.
    public var increment: Bool
    /// The claim's status whatever the words around it say (`status: planned`).
    public var status: ClaimStatus?

    /// `scope: auto`: read the scope from the words around the figure (lexicon classes
    /// `per_side_marker`, `total_marker`, `total_before`, `one_side_marker`).
    public static let autoScope = "auto"

    /// A literal or a capture reference (`$name`).
    public enum Value: Sendable, Hashable {
        case literal(String)
        case capture(String)

        init(_ text: String) {
            self = text.hasPrefix("$") ? .capture(String(text.dropFirst())) : .literal(text)
        }
    }

    /// Captures this emit block refers to.
    public var referencedCaptures: Set<String> {
        var names: Set<String> = [value]
        for spec in [scope, unit, qualifier] { if case .capture(let name)? = spec { names.insert(name) } }
        names.formUnion(Emit.templateCaptures(subject ?? ""))
        return names
    }

    static func templateCaptures(_ template: String) -> [String] {
        var names: [String] = []
        var scalars = template.unicodeScalars[...]
        while let dollar = scalars.firstIndex(of: "$") {
            scalars = scalars[scalars.index(after: dollar)...]
            let name = scalars.prefix(while: { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) })
            if !name.isEmpty { names.append(String(String.UnicodeScalarView(name))) }
            scalars = scalars.dropFirst(name.count)
        }
        return names
    }
}

/// An example sentence of a rule: `[[…]]` marks the span the claim must cover; `expect` lists the
/// claim fields that must hold (a partial claim).
public struct RuleExample: Sendable, Hashable {
    /// The sentence without markers.
    public var text: String
    /// Scalar range of the marked span in `text`, if any.
    public var marked: Range<Int>?
    /// Field → expected value as written in YAML (compared as text; numbers numerically).
    public var expect: [String: String]
    /// Reference date for relative dates in the example (`published:`), if given.
    public var published: CalendarDate?
    public var line: Int

    public init(text: String, marked: Range<Int>?, expect: [String: String], published: CalendarDate?, line: Int) {
        self.text = text
        self.marked = marked
        self.expect = expect
        self.published = published
        self.line = line
    }

    /// Splits `a [[b]] c` into the plain text and the scalar range of `b`.
    public static func unmark(_ source: String) -> (text: String, marked: Range<Int>?) {
        var text = String.UnicodeScalarView()
        var start: Int?
        var end: Int?
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if index + 1 < scalars.count, scalars[index] == "[", scalars[index + 1] == "[", start == nil {
                start = text.count
                index += 2
                continue
            }
            if index + 1 < scalars.count, scalars[index] == "]", scalars[index + 1] == "]", start != nil, end == nil {
                end = text.count
                index += 2
                continue
            }
            text.append(scalars[index])
            index += 1
        }
        if let start, let end { return (String(text), start..<end) }
        return (String(text), nil)
    }
}
