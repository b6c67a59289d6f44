extension Pattern {
    /// The pattern written back in the rule language (for messages).
    public var source: String {
        switch self {
        case .literal(let word): return word.allSatisfy({ $0.isLetter || $0.isNumber }) ? word : "\"\(word)\""
        case .words(let options): return "{" + options.map { $0.joined(separator: " ") }.joined(separator: "|") + "}"
        case .lexiconClass(let name): return "@" + name
        case .quantity(let kind): return kind.rawValue
        case .quote: return "QUOTE"
        case .word: return "WORD"
        case .regex(let body): return "/\(body)/"
        case .any: return "_"
        case .sequence(let items): return items.map(\.grouped).joined(separator: " ")
        case .alternatives(let options): return "(" + options.map(\.source).joined(separator: " | ") + ")"
        case .repeated(let inner, let low, let high):
            let suffix = (low, high) == (0, 1) ? "?" : (low, high) == (0, 16) ? "*" : (low, high) == (1, 16) ? "+" : "{\(low),\(high)}"
            return inner.grouped + suffix
        case .capture(let name, let inner): return name + ":" + inner.grouped
        }
    }

    private var grouped: String {
        if case .sequence(let items) = self, items.count > 1 { return "(" + source + ")" }
        return source
    }
}
