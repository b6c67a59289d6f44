/// Takes a claim's fields one at a time, in table order, each by its shape: how writers read a claim.
///
/// A method per shape, not one taking a `ClaimFieldValue`, so that a writer specialised for its sink
/// inlines `Claim.visitFields` into one straight pass: no loop, no lookup and no enum per field. The
/// JSON writer, on the hot path of `tally extract`, keeps the speed of a hand-written one that way.
public protocol ClaimFieldVisitor {
    mutating func text(_ field: ClaimField, _ value: String?)
    /// A word of a fixed vocabulary (qualifier, scope): never needs escaping.
    mutating func keyword(_ field: ClaimField, _ value: String?)
    mutating func figure(_ field: ClaimField, _ value: Figure?)
    mutating func integer(_ field: ClaimField, _ value: Int)
    mutating func words(_ field: ClaimField, _ value: [String]?)
}

extension Claim {
    /// Hands `visitor` every field with its value, in the order of `ClaimField.allCases` (a test checks
    /// that they agree): how each field is read from a claim, written once.
    @inlinable
    public func visitFields<Visitor: ClaimFieldVisitor>(_ visitor: inout Visitor) {
        visitor.text(.doc, doc)
        visitor.text(.kind, kind)
        visitor.figure(.value, value)
        visitor.figure(.low, low)
        visitor.figure(.high, high)
        visitor.keyword(.qualifier, qualifier.rawValue)
        visitor.text(.unit, unit)
        visitor.keyword(.scope, scope?.rawValue)
        visitor.text(.subject, subject)
        visitor.text(.event, event)
        visitor.text(.speaker, speaker)
        visitor.text(.quote, quote)
        visitor.integer(.start, start)
        visitor.integer(.end, end)
        visitor.text(.sentence, sentence)
        visitor.text(.rule, rule)
        visitor.words(.story, story)
        visitor.keyword(.status, status?.rawValue)
        visitor.keyword(.change, change?.rawValue)
        visitor.figure(.from, from)
    }

    /// Every field with its value, in table order (for the writers off the hot path: CSV, SQLite, Codable).
    public var fieldValues: [(field: ClaimField, value: ClaimFieldValue)] {
        var collector = FieldValueCollector()
        visitFields(&collector)
        return collector.values
    }
}

/// Gathers the fields a claim hands over as `ClaimFieldValue`s.
struct FieldValueCollector: ClaimFieldVisitor {
    var values: [(field: ClaimField, value: ClaimFieldValue)] = []

    init() { values.reserveCapacity(ClaimField.allCases.count) }

    mutating func text(_ field: ClaimField, _ value: String?) { values.append((field, .text(value))) }
    mutating func keyword(_ field: ClaimField, _ value: String?) { values.append((field, .keyword(value))) }
    mutating func figure(_ field: ClaimField, _ value: Figure?) { values.append((field, .figure(value))) }
    mutating func integer(_ field: ClaimField, _ value: Int) { values.append((field, .integer(value))) }
    mutating func words(_ field: ClaimField, _ value: [String]?) { values.append((field, .words(value))) }
}
