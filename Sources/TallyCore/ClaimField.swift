/// The claim's fields in contract order (`docs/contract.md`, `tally extract`): their names and
/// order here, how each is read in `Claim.visitFields`, how each is written in `set(_:in:)`.
///
/// The one list of them: the JSON and CSV writers, the SQLite store's columns and rows, and the readers
/// of claims files and reports all go through this table, so a new field is a case here, a line in
/// `visitFields`, an arm in `set` (and a property of `Claim`), and nothing else. (The JSON writer also
/// spells each key as a literal, for speed: `JSONClaimObject.key`, which does not compile without it.)
public enum ClaimField: String, CaseIterable, CodingKey, Sendable {
    case doc, kind, value, low, high, qualifier, unit, scope, subject, event, speaker, quote, start, end, sentence, rule
    /// Proper names that identify the article's story (an addition to contract v1, written last).
    case story
    /// Plan, projection, increment, subset or running total (an addition to contract v1, after `story`).
    case status
    /// `up` or `down`: the direction the figure moved, as stated (an addition to contract v1, after `status`).
    case change
    /// The level the figure moved from, where stated (an addition to contract v1, after `change`).
    case from

    /// The JSON key, CSV column and SQLite column.
    @inlinable
    public var name: String { rawValue }

    /// The field's value in `claim`.
    public func value(in claim: Claim) -> ClaimFieldValue {
        claim.fieldValues.first { $0.field == self }!.value
    }

    /// What the field holds (text, a keyword, a figure, an integer, words), so what a reader reads for it.
    public var shape: ClaimFieldValue.Shape { ClaimField.shapes[self]! }

    /// Every field's shape: the shape of its value in any claim.
    static let shapes = Dictionary(uniqueKeysWithValues: Claim.empty.fieldValues.map { ($0.field, $0.value.shape) })

    /// Sets the field in `claim` to `value`. False, leaving `claim` as it was, when the value does not
    /// fit: null for a field that cannot be null, a qualifier or scope Tally does not know, or a value
    /// of another shape. A reader decides whether that is an error or leaves the field empty.
    public func set(_ value: ClaimFieldValue, in claim: inout Claim) -> Bool {
        switch self {
        case .doc: return assign(value.text, to: \.doc, in: &claim)
        case .kind: return assign(value.text, to: \.kind, in: &claim)
        case .value: return assign(value.figure, to: \.value, in: &claim)
        case .low: return assign(value.figure, to: \.low, in: &claim)
        case .high: return assign(value.figure, to: \.high, in: &claim)
        case .qualifier: return assign(value.keyword.flatMap(Qualifier.init(rawValue:)), to: \.qualifier, in: &claim)
        case .unit: return assign(value.optionalText, to: \.unit, in: &claim)
        case .scope:
            // Null, or a scope Tally knows (a nil from `Scope(rawValue:)` is no scope, not null).
            guard case .keyword(let word) = value, word == nil || Scope(rawValue: word!) != nil else { return false }
            claim.scope = word.flatMap(Scope.init(rawValue:))
            return true
        case .subject: return assign(value.optionalText, to: \.subject, in: &claim)
        case .event: return assign(value.optionalText, to: \.event, in: &claim)
        case .speaker: return assign(value.optionalText, to: \.speaker, in: &claim)
        case .quote: return assign(value.text, to: \.quote, in: &claim)
        case .start: return assign(value.integer, to: \.start, in: &claim)
        case .end: return assign(value.integer, to: \.end, in: &claim)
        case .sentence: return assign(value.text, to: \.sentence, in: &claim)
        case .rule: return assign(value.text, to: \.rule, in: &claim)
        case .story: return assign(value.words, to: \.story, in: &claim)
        case .status:
            // Null, or a status Tally knows.
            guard case .keyword(let word) = value, word == nil || ClaimStatus(rawValue: word!) != nil else { return false }
            claim.status = word.flatMap(ClaimStatus.init(rawValue:))
            return true
        case .change:
            // Null, or a direction Tally knows.
            guard case .keyword(let word) = value, word == nil || Change(rawValue: word!) != nil else { return false }
            claim.change = word.flatMap(Change.init(rawValue:))
            return true
        case .from:
            guard case .figure(let figure) = value else { return false }
            claim.from = figure
            return true
        }
    }

    /// Stores `new` in `claim` at `keyPath` when there is one; whether there was.
    private func assign<Value>(_ new: Value?, to keyPath: WritableKeyPath<Claim, Value>, in claim: inout Claim) -> Bool {
        guard let new else { return false }
        claim[keyPath: keyPath] = new
        return true
    }
}

extension Claim {
    /// A claim with every field empty (`""`, 0, `exact`, nil): where a claim read field by field starts,
    /// and what a lenient reader leaves in a field whose value does not fit.
    public static let empty = Claim(
        doc: "", kind: "", value: nil, low: nil, high: nil, qualifier: .exact, unit: nil, scope: nil, subject: nil, event: nil,
        speaker: nil, quote: "", start: 0, end: 0, sentence: "", rule: "", story: nil)
}
