import TallyCore
import TallyExtract

/// Rewrites of a positive example that must not change what the rules find: text from other
/// sources uses other scripts before the figure, other thousands separators, other dashes.
enum ExampleVariant: String, CaseIterable, Sendable {
    case original
    /// "Київ — " before the sentence: every offset shifts by exactly the prefix's scalar count.
    case multibytePrefix = "multibyte prefix"
    /// "1,000" → "1 000" with U+00A0 NO-BREAK SPACE.
    case noBreakSeparator = "no-break space separator"
    /// "1,000" → "1 000" with U+202F NARROW NO-BREAK (thin) SPACE.
    case thinSeparator = "thin space separator"
    /// "18-25" → "18–25" (en dash between numbers).
    case enDash = "en dash"

    static let prefix = "Київ — "
    static var shift: Int { prefix.unicodeScalars.count }

    /// The rewritten example, or nil when the rewrite would not change the text.
    func apply(to example: RuleExample) -> RuleExample? {
        var result = example
        switch self {
        case .original:
            return example
        case .multibytePrefix:
            result.text = ExampleVariant.prefix + example.text
            result.marked = example.marked.map { ($0.lowerBound + ExampleVariant.shift)..<($0.upperBound + ExampleVariant.shift) }
            return result
        case .noBreakSeparator, .thinSeparator, .enDash:
            // One scalar for one scalar: the marked span and every offset stay where they were.
            let rewritten = rewrite(example.text)
            guard rewritten != example.text else { return nil }
            result.text = rewritten
            if let quote = example.expect["quote"] { result.expect["quote"] = rewrite(quote) }
            return result
        }
    }

    /// Replaces separators between digits, scalar for scalar.
    func rewrite(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        let isDigit = { (i: Int) in i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }
        for i in scalars.indices {
            switch self {
            case .noBreakSeparator, .thinSeparator:
                // A thousands comma: a digit before, exactly three digits after.
                if scalars[i] == ",", isDigit(i - 1), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                    scalars[i] = self == .noBreakSeparator ? "\u{00A0}" : "\u{202F}"
                }
            case .enDash:
                if scalars[i] == "-", isDigit(i - 1), isDigit(i + 1) { scalars[i] = "\u{2013}" }
            default:
                break
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
