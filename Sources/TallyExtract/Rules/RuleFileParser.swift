import TallyCore
import TallyNumerals
import Yams

/// Turns one rule file's YAML into `Rule`s, recording every problem with its line and column.
struct RuleFileParser {
    let file: String
    let lexicon: Lexicon
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lexicon: Lexicon) {
        self.file = file
        self.lexicon = lexicon
    }

    mutating func parse(_ source: String) -> [Rule] {
        let root: Node?
        do {
            // The basic resolver: Yams' default one runs up to seven NSRegularExpressions on every scalar
            // it compares or hashes (each mapping lookup and the duplicate-key check), most of the start-up.
            // Rule keys are plain words that resolve to `str` either way, and `Node.bool`/`Node.int` read
            // the text and style, not the resolved tag. The encoding is given so Yams does not read the
            // process environment for every file.
            root = try Yams.compose(yaml: source, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(Diagnostic(yamlError: error, file: file))
            return []
        } catch {
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, message: "\(error)"))
            return []
        }
        guard let root, let mapping = root.mapping else {
            error(at: root, "a rule file is a mapping with 'kind' and 'rules'")
            return []
        }
        checkKeys(mapping, allowed: RuleLoader.fileKeys, what: "rule file")
        guard let kind = mapping.field("kind")?.string, !kind.isEmpty else {
            error(at: root, "missing 'kind' (the claim kind this file's rules emit, e.g. prisoners)")
            return []
        }
        guard let list = mapping.field("rules")?.sequence else {
            error(at: mapping.field("rules") ?? root, "missing 'rules' list")
            return []
        }
        let defaultStatus = mapping.field("status").flatMap { status($0) }
        var statedOnce = false
        if let repeats = mapping.field("repeats") {
            if repeats.string == "once" { statedOnce = true } else { error(at: repeats, "'repeats' takes one value: once") }
        }
        return list.compactMap { node in
            var rule = parseRule(node, kind: kind, defaultStatus: defaultStatus)
            rule?.statedOnce = statedOnce
            return rule
        }
    }

    /// A status keyword (`planned`, `running_total`…), or an error naming the ones there are.
    private mutating func status(_ node: Node) -> ClaimStatus? {
        if let value = node.string.flatMap(ClaimStatus.init(rawValue:)) { return value }
        let known = ClaimStatus.allCases.map(\.rawValue).joined(separator: ", ")
        error(at: node, "unknown status '\(node.string ?? "")' (\(known))")
        return nil
    }

    private mutating func parseRule(_ node: Node, kind fileKind: String, defaultStatus: ClaimStatus?) -> Rule? {
        guard let map = node.mapping else {
            error(at: node, "a rule is a mapping with id, pattern, emit and examples")
            return nil
        }
        checkKeys(map, allowed: RuleLoader.ruleKeys, what: "rule")
        guard let id = map.field("id")?.string, !id.isEmpty else {
            error(at: node, "rule without 'id'")
            return nil
        }
        guard let patternNode = map.field("pattern"), let patternText = patternNode.string else {
            error(at: map.field("pattern") ?? node, "rule '\(id)' has no 'pattern'")
            return nil
        }
        guard let pattern = compile(patternText, at: patternNode) else { return nil }
        guard let emitNode = map.field("emit"), let emit = parseEmit(emitNode, ruleID: id) else {
            if map.field("emit") == nil { error(at: node, "rule '\(id)' has no 'emit' block") }
            return nil
        }
        let defined = pattern.captureNames
        for name in emit.referencedCaptures.sorted() where !defined.contains(name) {
            let hint = suggestion(for: name, among: defined).map { " (did you mean '$\($0)'?)" } ?? ""
            error(at: emitNode, "emit uses capture '$\(name)' that the pattern never defines\(hint)")
        }
        var requires: [Pattern] = []
        for item in list(map.field("requires")) { if let text = item.string, let p = compile(text, at: item) { requires.append(p) } }
        var vetoes: [Pattern] = []
        for item in list(map.field("veto")) { if let text = item.string, let p = compile(text, at: item) { vetoes.append(p) } }
        var context = Rule.Context.sentence
        if let contextNode = map.field("context") {
            if let value = contextNode.string.flatMap(Rule.Context.init(rawValue:)) {
                context = value
            } else {
                error(at: contextNode, "context must be 'sentence' or 'paragraph'")
            }
        }
        let examples = list(map.field("examples")).compactMap { parseExample($0) }
        let counterexamples = list(map.field("counterexamples")).compactMap { parseExample($0) }
        let todo = list(map.field("todo")).compactMap { parseExample($0) }
        if examples.isEmpty && counterexamples.isEmpty {
            error(at: node, "rule '\(id)' has no examples or counterexamples: add at least one sentence it must (or must not) match")
        }
        var priority = 0
        if let priorityNode = map.field("priority") {
            if let value = integer(priorityNode) { priority = value } else { error(at: priorityNode, "priority must be an integer") }
        }
        var rule = Rule(
            id: id, kind: emit.kind ?? fileKind, description: map.field("description")?.string ?? "", patternText: patternText,
            pattern: pattern, emit: emit, priority: priority, requires: requires, context: context, defaultStatus: defaultStatus, vetoes: vetoes,
            examples: examples, counterexamples: counterexamples, todo: todo, file: file, line: node.line)
        if let recentNode = map.field("recent") {
            if let days = integer(recentNode), days >= 0 {
                rule.recentDays = days
            } else {
                error(at: recentNode, "recent takes a number of days (0 or more)")
            }
        }
        return rule
    }

    private mutating func parseEmit(_ node: Node, ruleID: String) -> Emit? {
        guard let map = node.mapping else {
            error(at: node, "emit must be a mapping such as {value: $n, subject: prisoner exchange}")
            return nil
        }
        checkKeys(map, allowed: RuleLoader.emitKeys, what: "emit")
        guard let value = map.field("value")?.string, value.hasPrefix("$"), value.count > 1 else {
            error(at: map.field("value") ?? node, "emit.value must name the capture holding the figure, e.g. value: $n")
            return nil
        }
        var increment = false
        if let flag = map.field("increment") {
            if let bool = flag.bool { increment = bool } else { error(at: flag, "increment must be true or false") }
        }
        if let scope = map.field("scope")?.string, !scope.hasPrefix("$"), scope != Emit.autoScope, Scope(rawValue: scope) == nil {
            error(at: map.field("scope")!, "unknown scope '\(scope)' (per_side, one_side, total, or auto to read it from the text)")
        }
        if let subject = map.field("subject")?.string {
            for name in SubjectTemplate(subject).nearestClasses where lexicon.classes[name] == nil {
                let hint = suggestion(for: name, among: Set(lexicon.classNames)).map { " (did you mean '@\($0)'?)" } ?? ""
                error(at: map.field("subject")!, "unknown lexicon class '{@\(name)}' in subject\(hint)")
            }
        }
        if let qualifier = map.field("qualifier")?.string, !qualifier.hasPrefix("$"), Qualifier(rawValue: qualifier) == nil {
            error(at: map.field("qualifier")!, "unknown qualifier '\(qualifier)'")
        }
        return Emit(
            value: String(value.dropFirst()), kind: map.field("kind")?.string, subject: map.field("subject")?.string,
            scope: map.field("scope")?.string.map(Emit.Value.init), unit: map.field("unit")?.string.map(Emit.Value.init),
            qualifier: map.field("qualifier")?.string.map(Emit.Value.init), increment: increment,
            status: map.field("status").flatMap { status($0) })
    }

    private mutating func parseExample(_ node: Node) -> RuleExample? {
        var source: String?
        var expect: [String: String] = [:]
        var published: CalendarDate?
        if let text = node.string {
            source = text
        } else if let map = node.mapping {
            checkKeys(map, allowed: ["text", "expect", "published"], what: "example")
            source = map.field("text")?.string
            if let node = map.field("published") {
                published = node.string.flatMap(CalendarDate.init(iso:))
                if published == nil { error(at: node, "published must be a date such as 2025-06-02") }
            }
            if let expectNode = map.field("expect") {
                if let fields = expectNode.mapping {
                    for (key, value) in fields {
                        guard let name = key.string else { continue }
                        if ClaimField(rawValue: name).map(RuleExampleCheck.fields.contains) != true {
                            let known = RuleExampleCheck.fields.map(\.name).sorted().joined(separator: ", ")
                            error(at: key, "unknown expect field '\(name)' (known: \(known))")
                        }
                        expect[name] = value.string ?? (value.sequence.map { $0.compactMap(\.string).joined(separator: ",") }) ?? ""
                    }
                } else {
                    error(at: expectNode, "expect must be a mapping of claim fields")
                }
            }
        }
        guard let source, !source.isEmpty else {
            error(at: node, "example needs text")
            return nil
        }
        let (text, marked) = RuleExample.unmark(source)
        return RuleExample(text: text, marked: marked, expect: expect, published: published, line: node.line)
    }

    /// Parses a pattern and checks its lexicon classes, mapping parse columns onto the file.
    private mutating func compile(_ text: String, at node: Node) -> Pattern? {
        let offset = node.column + (node.scalar?.style == .plain || node.scalar?.style == .any ? 0 : 1)
        do {
            let pattern = try PatternParser.parse(text)
            for name in pattern.lexiconClasses.sorted() where lexicon.classes[name] == nil {
                let hint = suggestion(for: name, among: Set(lexicon.classNames)).map { " (did you mean '@\($0)'?)" } ?? ""
                let column = text.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false).count > 1
                    ? offset + (text.range(of: "@" + name).map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0.lowerBound) } ?? 0)
                    : offset
                diagnostics.append(Diagnostic(file: file, line: node.line, column: column, message: "unknown lexicon class '@\(name)'\(hint)"))
            }
            for body in pattern.regexBodies {
                do { _ = try RegexCache(patterns: [body]) } catch {
                    diagnostics.append(Diagnostic(file: file, line: node.line, column: offset, message: "regular expression /\(body)/ does not compile"))
                    continue
                }
                if let hazard = RegexHazard.check(body) {
                    diagnostics.append(Diagnostic(file: file, line: node.line, column: offset, message: "regular expression /\(body)/ can take exponential time on one word: \(hazard)"))
                }
            }
            return pattern
        } catch {
            diagnostics.append(Diagnostic(file: file, line: node.line, column: offset + error.column - 1, message: "pattern: \(error.message)"))
            return nil
        }
    }

    /// `node.int`, with plain decimals read directly: Yams' reader goes through Foundation string
    /// replacing and radix prefixes for every value. A leading zero (octal to YAML), a sign other
    /// than `-`, underscores or colons take Yams' path.
    private func integer(_ node: Node) -> Int? {
        if let scalar = node.scalar, scalar.style == .plain || scalar.style == .any {
            let text = scalar.string.utf8
            let digits = text.first == 0x2D ? text.dropFirst() : text[...]
            if let first = digits.first, first != 0x30 || text.count == 1, digits.allSatisfy({ 0x30...0x39 ~= $0 }) {
                return Int(scalar.string)
            }
        }
        return node.int
    }

    private func list(_ node: Node?) -> [Node] {
        guard let node else { return [] }
        return node.sequence.map(Array.init) ?? [node]
    }

    private mutating func checkKeys(_ map: Node.Mapping, allowed: Set<String>, what: String) {
        for key in map.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint = suggestion(for: name, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            error(at: key, "unknown key '\(name)' in \(what)\(hint)")
        }
    }

    private mutating func error(at node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node?.line ?? 0, column: node?.column ?? 0, message: message))
    }
}

/// The closest candidate by edit distance, if it is close enough to be a plausible typo.
func suggestion(for name: String, among candidates: Set<String>) -> String? {
    let scored = candidates.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= max(2, name.count / 3) }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where j <= b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension Node.Mapping {
    /// The value under the plain key `name`: what `self[name]` finds, without building a probe `Node`
    /// to compare, tag and all, with every key (most of the cost of Yams' subscript). Keys are unique —
    /// Yams rejects duplicates — so the first match is the one.
    fileprivate func field(_ name: String) -> Node? {
        // By index: the Mapping's iterator first copies every pair into a new array.
        var index = startIndex
        while index != endIndex {
            let key = self[index].key
            if case .scalar(let scalar) = key, scalar.string == name, key.tag.rawValue == Tag.Name.str.rawValue { return self[index].value }
            index = self.index(after: index)
        }
        return nil
    }
}
