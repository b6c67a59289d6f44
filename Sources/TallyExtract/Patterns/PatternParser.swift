/// Parses the pattern language (see `Pattern`) and reports problems with their column.
public struct PatternParser {
    /// A parse problem at a 1-based column of the pattern text.
    public struct Problem: Error, Sendable, Hashable {
        public var column: Int
        public var message: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    public static func parse(_ text: String) throws(Problem) -> Pattern {
        var parser = PatternParser(scalars: Array(text.unicodeScalars))
        let pattern = try parser.parseAlternatives()
        parser.skipSpaces()
        if parser.index < parser.scalars.count {
            throw Problem(column: parser.index + 1, message: "unexpected '\(parser.scalars[parser.index])'")
        }
        if case .sequence(let items) = pattern, items.isEmpty { throw Problem(column: 1, message: "empty pattern") }
        return pattern
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" || c == "\n" { index += 1 }
    }

    private mutating func parseAlternatives() throws(Problem) -> Pattern {
        var options = [try parseSequence()]
        while current == "|" {
            index += 1
            options.append(try parseSequence())
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    private mutating func parseSequence() throws(Problem) -> Pattern {
        var items: [Pattern] = []
        while true {
            skipSpaces()
            guard let c = current, c != "|", c != ")" else { break }
            items.append(try parseItem())
        }
        return .sequence(items)
    }

    private mutating func parseItem() throws(Problem) -> Pattern {
        let start = index
        // A capture: name followed directly by ':'.
        var name = ""
        while let c = current, c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) {
            name.unicodeScalars.append(c)
            index += 1
        }
        if !name.isEmpty, current == ":", name != "_" {
            index += 1
            let inner = try parseQuantified()
            return .capture(name, inner)
        }
        index = start
        return try parseQuantified()
    }

    private mutating func parseQuantified() throws(Problem) -> Pattern {
        var atom = try parseAtom()
        while let c = current {
            switch c {
            case "?": atom = .repeated(atom, min: 0, max: 1)
            case "*": atom = .repeated(atom, min: 0, max: 16)
            case "+": atom = .repeated(atom, min: 1, max: 16)
            case "{":
                guard let (low, high) = try parseCount() else { return atom }
                atom = .repeated(atom, min: low, max: high)
                continue
            default: return atom
            }
            index += 1
        }
        return atom
    }

    /// `{n}`, `{n,}`, `{n,m}` right after an atom; nil (nothing consumed) when `{` starts a word set.
    private mutating func parseCount() throws(Problem) -> (Int, Int)? {
        let start = index
        var text = ""
        index += 1
        while let c = current, c != "}" {
            text.unicodeScalars.append(c)
            index += 1
        }
        guard current == "}", !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == " " }) else {
            index = start
            return nil
        }
        index += 1
        let parts = text.replacingSpaces().split(separator: ",", omittingEmptySubsequences: false)
        guard let low = Int(parts[0]) else { throw Problem(column: start + 1, message: "bad repetition '{\(text)}'") }
        let high = parts.count == 1 ? low : (parts[1].isEmpty ? 16 : Int(parts[1]) ?? -1)
        guard parts.count <= 2, high >= low else { throw Problem(column: start + 1, message: "bad repetition '{\(text)}'") }
        return (low, high)
    }

    private mutating func parseAtom() throws(Problem) -> Pattern {
        skipSpaces()
        let column = index + 1
        guard let c = current else { throw Problem(column: column, message: "pattern ends where an item was expected") }
        switch c {
        case "(":
            index += 1
            let inner = try parseAlternatives()
            guard current == ")" else { throw Problem(column: column, message: "unclosed '('") }
            index += 1
            return inner
        case "{":
            index += 1
            var options: [[String]] = []
            var word = ""
            while let d = current, d != "}" {
                if d == "|" {
                    options.append(PatternParser.words(word))
                    word = ""
                } else {
                    word.unicodeScalars.append(d)
                }
                index += 1
            }
            guard current == "}" else { throw Problem(column: column, message: "unclosed '{'") }
            index += 1
            options.append(PatternParser.words(word))
            if options.contains(where: \.isEmpty) { throw Problem(column: column, message: "empty alternative in '{…}'") }
            return .words(options)
        case "@":
            index += 1
            let name = readName()
            guard !name.isEmpty else { throw Problem(column: column, message: "'@' must be followed by a lexicon class name") }
            return .lexiconClass(name)
        case "/":
            index += 1
            var body = ""
            while let d = current, d != "/" {
                if d == "\\", index + 1 < scalars.count, scalars[index + 1] == "/" { index += 1 }
                body.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard current == "/" else { throw Problem(column: column, message: "unclosed '/regex/'") }
            index += 1
            return .regex(body)
        case "\"", "'":
            let quote = c
            index += 1
            var body = ""
            while let d = current, d != quote {
                body.unicodeScalars.append(d)
                index += 1
            }
            guard current == quote else { throw Problem(column: column, message: "unclosed quoted literal") }
            index += 1
            return .literal(body.lowercased())
        case ")", "|", "?", "*", "+", "}":
            throw Problem(column: column, message: "unexpected '\(c)'")
        default:
            var word = ""
            while let d = current, !" \t\n(){}|?*+@/\"".unicodeScalars.contains(d) {
                word.unicodeScalars.append(d)
                index += 1
            }
            if word == "_" { return .any }
            if word == "QUOTE" { return .quote }
            if word == "WORD" { return .word }
            if let kind = Pattern.QuantityClass(rawValue: word) { return .quantity(kind) }
            if word.unicodeScalars.count > 1, word.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                let known = Pattern.QuantityClass.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem(column: column, message: "unknown number type '\(word)' (known: \(known), QUOTE, WORD; quote a literal word as \"\(word.lowercased())\")")
            }
            return .literal(word.lowercased())
        }
    }

    private mutating func readName() -> String {
        var name = ""
        while let c = current, c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) {
            name.unicodeScalars.append(c)
            index += 1
        }
        return name
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(unicodeScalars.filter { $0 != " " }) }
}
