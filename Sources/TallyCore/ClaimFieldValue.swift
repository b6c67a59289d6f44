/// One claim field's value as the writers and readers see it: which of a few shapes it has decides how
/// JSON, CSV and SQLite write it, whatever the field. `nil` is null (or, in CSV, an empty cell).
public enum ClaimFieldValue: Sendable, Hashable {
    /// Text (`doc`, `quote`, `subject`, …).
    case text(String?)
    /// A word of a fixed vocabulary (`qualifier`, `scope`): a JSON string that never needs escaping.
    case keyword(String?)
    /// A number or a date (`value`, `low`, `high`).
    case figure(Figure?)
    /// A whole number (`start`, `end`).
    case integer(Int?)
    /// A list of words (`story`): a JSON array, a CSV cell of words separated by spaces.
    case words([String]?)

    /// The shapes, without a value.
    public enum Shape: Sendable, Hashable { case text, keyword, figure, integer, words }

    @inlinable
    public var shape: Shape {
        switch self {
        case .text: return .text
        case .keyword: return .keyword
        case .figure: return .figure
        case .integer: return .integer
        case .words: return .words
        }
    }

    /// The value as `Codable` writes it: a string, a number, an ISO date, an array of strings, or null.
    var encodable: any Encodable {
        switch self {
        case .text(let text), .keyword(let text): return text
        case .figure(let figure): return figure
        case .integer(let n): return n
        case .words(let words): return words
        }
    }

    // What `ClaimField.set` takes from a value, nil when the value cannot give it.

    /// Text that is not null.
    var text: String? { if case .text(let text?) = self { text } else { nil } }
    /// Text or null (`.some(nil)`).
    var optionalText: String?? { if case .text(let text) = self { .some(text) } else { nil } }
    /// A keyword that is not null.
    var keyword: String? { if case .keyword(let word?) = self { word } else { nil } }
    /// A figure or null (`.some(nil)`).
    var figure: Figure?? { if case .figure(let figure) = self { .some(figure) } else { nil } }
    /// An integer that is not null.
    var integer: Int? { if case .integer(let n?) = self { n } else { nil } }
    /// Words or null (`.some(nil)`).
    var words: [String]?? { if case .words(let words) = self { .some(words) } else { nil } }

    /// Whether the value is null.
    @inlinable
    public var isNull: Bool {
        switch self {
        case .text(let text), .keyword(let text): return text == nil
        case .figure(let figure): return figure == nil
        case .integer(let n): return n == nil
        case .words(let words): return words == nil
        }
    }
}
