import TallyCore

/// A compiled token pattern: the small matching language rules are written in.
///
/// ```text
/// prisoners      a literal word (case-insensitive; curly quotes and dashes are normalised)
/// "-"  '"'       a quoted literal, for punctuation or reserved words
/// {swap|prisoner exchange}   any of these words or word sequences
/// @pow_noun      any phrase of a lexicon class (longest first)
/// NUM            a count: a number, range or per-side figure from the numerals layer
/// DURATION DATE MONEY PERCENT AGE PERSIDE QTY   other number mentions (QTY: any)
/// QUOTE          an opening or closing quote mark
/// WORD           any one word (letters), not punctuation or a number
/// /^[A-Z]/       a regular expression on one token's text
/// _              any one token
/// ( a b | c )    a group, with alternatives
/// x?  x*  x+  x{0,3}          repetition (greedy)
/// name:x         a named capture, used by `emit` as `$name`
/// ```
public indirect enum Pattern: Sendable, Hashable {
    case literal(String)
    case words([[String]])
    case lexiconClass(String)
    case quantity(QuantityClass)
    case quote
    case word
    case regex(String)
    case any
    case sequence([Pattern])
    case alternatives([Pattern])
    case repeated(Pattern, min: Int, max: Int)
    case capture(String, Pattern)

    /// Number mentions a pattern can ask for by name.
    public enum QuantityClass: String, Sendable, Hashable, CaseIterable {
        case num = "NUM", perSide = "PERSIDE", duration = "DURATION", date = "DATE", money = "MONEY"
        case percent = "PERCENT", age = "AGE", any = "QTY"
    }

    /// Every capture name the pattern defines.
    public var captureNames: Set<String> {
        switch self {
        case .capture(let name, let inner): return inner.captureNames.union([name])
        case .sequence(let items), .alternatives(let items): return items.reduce(into: []) { $0.formUnion($1.captureNames) }
        case .repeated(let inner, _, _): return inner.captureNames
        default: return []
        }
    }

    /// Every lexicon class the pattern refers to.
    public var lexiconClasses: Set<String> {
        switch self {
        case .lexiconClass(let name): return [name]
        case .capture(_, let inner), .repeated(let inner, _, _): return inner.lexiconClasses
        case .sequence(let items), .alternatives(let items): return items.reduce(into: []) { $0.formUnion($1.lexiconClasses) }
        default: return []
        }
    }

    /// The innermost pattern a capture wraps, looking through groups of one item.
    var core: Pattern {
        switch self {
        case .capture(_, let inner): return inner.core
        case .sequence(let items) where items.count == 1: return items[0].core
        default: return self
        }
    }
}

extension Pattern.QuantityClass {
    /// `allCases`, built once (the synthesised property builds a new array on every use).
    static let ordered = Array(allCases)

    /// The position of the class in `ordered`.
    var ordinal: Int { Pattern.QuantityClass.ordered.firstIndex(of: self)! }

    /// Whether a number mention satisfies the class. Counts (`NUM`) exclude fractions and
    /// percentages: "half of the children" is a share, not a number of children.
    public func accepts(_ quantity: Quantity) -> Bool {
        let kind = quantity.kind
        switch self {
        case .any: return true
        case .num:
            return (kind == .number || kind == .range || kind == .perSide) && quantity.unit != "fraction" && quantity.unit != "percent"
        case .perSide: return kind == .perSide
        case .duration: return kind == .duration
        case .date: return kind == .date
        case .money: return kind == .money
        case .percent: return kind == .percent
        case .age: return kind == .age
        }
    }
}
