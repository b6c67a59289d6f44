/// Finds the shapes of regular expression that make a backtracking engine (ICU, behind
/// `NSRegularExpression`) take exponential time on one token: `/(a+)+$/` took 47 s on a 30-letter word.
///
/// Checked when rules load, so `tally rules lint` names the rule and no run ever starts with it:
/// - a repeated group whose content is itself repeated without bound: `(a+)+`, `(a*)*`, `(\w+\s?)*`;
/// - a repeated group with alternatives that can match the same text: `(a|a)*`, `(a|ab)+`.
/// Possessive quantifiers (`a*+`) and atomic groups (`(?>…)`) do not backtrack and are allowed. The check
/// is conservative: a nested repetition that happens to be safe is refused too, with the way to write it.
enum RegexHazard {
    /// Why `pattern` can backtrack exponentially, or nil when it has none of the shapes above.
    static func check(_ pattern: String) -> String? {
        var parser = Parser(Array(pattern.unicodeScalars))
        var top = parser.alternatives()
        while parser.i < parser.s.count {  // a stray `)`: read on
            parser.i += 1
            top += parser.alternatives()
        }
        return hazard(in: [Item(node: .group(top, atomic: false), unbounded: false, possessive: false)])
    }

    indirect enum Node {
        /// One character, class or escape, with its source text.
        case atom(String)
        /// A group: its alternatives, and whether it is atomic or a lookaround (no backtracking into it).
        case group([[Item]], atomic: Bool)
    }

    struct Item {
        var node: Node
        /// Repeated without an upper bound (`*`, `+`, `{n,}`) or with a large one (`{2,100}`).
        var unbounded: Bool
        var possessive: Bool
    }

    private static func hazard(in sequence: [Item]) -> String? {
        for item in sequence {
            guard case .group(let alternatives, let atomic) = item.node else { continue }
            if item.unbounded && !item.possessive && !atomic {
                if alternatives.contains(where: { $0.contains(where: repeats) }) {
                    return "a repeated group holds a repetition (as in (a+)+): write the repetition once, or make it possessive (a++) or atomic (?>…)"
                }
                if let pair = overlapping(alternatives) {
                    return "a repeated group has alternatives that match the same text (\(pair)): make them exclusive, or the group atomic (?>…)"
                }
            }
            for alternative in alternatives {
                if let found = hazard(in: alternative) { return found }
            }
        }
        return nil
    }

    /// Whether `item` (or something inside it) repeats without bound, so that it can split text many ways.
    private static func repeats(_ item: Item) -> Bool {
        if item.unbounded && !item.possessive { return true }
        if case .group(let alternatives, let atomic) = item.node, !atomic {
            return alternatives.contains { $0.contains(where: repeats) }
        }
        return false
    }

    /// Two alternatives where one is the other, or starts with it (literal text compared).
    private static func overlapping(_ alternatives: [[Item]]) -> String? {
        let texts = alternatives.map(source)
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.hasPrefix(b) || b.hasPrefix(a) {
                return "\(a)|\(b)"
            }
        }
        return nil
    }

    private static func source(_ sequence: [Item]) -> String {
        sequence.map { item in
            switch item.node {
            case .atom(let text): return text + (item.unbounded ? "*" : "")
            case .group(let alternatives, _): return "(" + alternatives.map(source).joined(separator: "|") + ")" + (item.unbounded ? "*" : "")
            }
        }.joined()
    }

    /// A recursive-descent reading of the regex syntax, enough to see groups and quantifiers.
    /// (The pattern already compiled, so it is well formed; anything unexpected is read as an atom.)
    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        /// Alternatives up to `)` or the end; the top level is one group's content.
        mutating func alternatives() -> [[Item]] {
            var result: [[Item]] = [sequence()]
            while i < s.count, s[i] == "|" {
                i += 1
                result.append(sequence())
            }
            return result
        }

        mutating func sequence() -> [Item] {
            var items: [Item] = []
            while i < s.count, s[i] != "|", s[i] != ")" {
                let node = atom()
                var item = Item(node: node, unbounded: false, possessive: false)
                quantifier(&item)
                items.append(item)
            }
            return items
        }

        mutating func atom() -> Node {
            let start = i
            switch s[i] {
            case "\\":
                i = min(i + 2, s.count)
            case "[":
                i += 1
                if i < s.count, s[i] == "^" { i += 1 }
                if i < s.count, s[i] == "]" { i += 1 }
                while i < s.count, s[i] != "]" { i += s[i] == "\\" ? 2 : 1 }
                i = min(i + 1, s.count)
            case "(":
                i += 1
                var atomic = false
                if i < s.count, s[i] == "?" {
                    // (?: non-capturing, (?> atomic, (?= (?! (?<= (?<! lookarounds (no backtracking into them
                    // once matched), (?i) flags, (?<name> named groups.
                    let next = i + 1 < s.count ? s[i + 1] : " "
                    let after = i + 2 < s.count ? s[i + 2] : " "
                    atomic = next == ">" || next == "=" || next == "!" || (next == "<" && (after == "=" || after == "!"))
                    if next == "<" && after != "=" && after != "!" {
                        while i < s.count, s[i] != ">" { i += 1 }
                        i += 1
                    } else {
                        while i < s.count, s[i] != ":" && s[i] != ")" && s[i] != ">" && s[i] != "=" && s[i] != "!" { i += 1 }
                        if i < s.count, s[i] == ")" {
                            i += 1
                            return .atom("(?flags)")
                        }
                        i = min(i + 1, s.count)
                    }
                }
                let inner = alternatives()
                if i < s.count, s[i] == ")" { i += 1 }
                return .group(inner, atomic: atomic)
            default:
                i += 1
            }
            return .atom(String(String.UnicodeScalarView(s[start..<i])))
        }

        mutating func quantifier(_ item: inout Item) {
            guard i < s.count else { return }
            switch s[i] {
            case "*", "+":
                item.unbounded = true
                i += 1
            case "?":
                i += 1
            case "{":
                var j = i + 1
                var text = ""
                while j < s.count, s[j] != "}" {
                    text.unicodeScalars.append(s[j])
                    j += 1
                }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                guard j < s.count, (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !parts[0].isEmpty else { return }
                i = j + 1
                if parts.count == 2 { item.unbounded = parts[1].isEmpty || (Int(parts[1]) ?? 0) > 10 }
            default:
                return
            }
            if i < s.count, s[i] == "+" {
                item.possessive = true
                i += 1
            } else if i < s.count, s[i] == "?" {
                i += 1  // lazy: still backtracks
            }
        }
    }
}
