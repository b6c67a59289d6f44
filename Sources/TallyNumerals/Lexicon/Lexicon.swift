import TallyCore
import Yams

/// Word classes from `rules/lexicon/*.yaml`: phrases (one or more words) each tagged with a class
/// and a normalised value. Loaded at run time, so a new word needs no recompilation.
///
/// File format — each top-level key is a class; its value is either a list of phrases (each phrase
/// is its own value) or a map from normalised value to phrases:
/// ```yaml
/// qualifier:
///   at_least: [at least, no fewer than]
///   less_than: [nearly, almost]
/// pow_noun: [prisoners, POWs, captives]
/// ```
public struct Lexicon: Sendable, Hashable {
    /// One phrase of a class, with where it was defined.
    public struct Entry: Sendable, Hashable {
        public var phrase: String
        public var value: String
        public var file: String
        public var line: Int
    }

    /// Class name → its entries, in file order.
    public private(set) var classes: [String: [Entry]] = [:]

    public init() {}

    /// All class names, sorted.
    public var classNames: [String] { classes.keys.sorted() }

    /// Lowercased phrase → value for one class (empty when the class is unknown).
    public func phrases(of className: String) -> [String: String] {
        var map: [String: String] = [:]
        for entry in classes[className] ?? [] { map[entry.phrase.lowercased()] = entry.value }
        return map
    }

    public mutating func add(_ entry: Entry, to className: String) {
        classes[className, default: []].append(entry)
    }

    /// Merges another lexicon's classes into this one (later entries win on lookup).
    public mutating func merge(_ other: Lexicon) {
        for (name, entries) in other.classes { classes[name, default: []].append(contentsOf: entries) }
    }

    /// Parses one lexicon file; every problem is returned as a diagnostic, never thrown.
    public static func parse(yaml source: String, file: String) -> (Lexicon, [Diagnostic]) {
        var lexicon = Lexicon()
        var problems: [Diagnostic] = []
        let root: Node?
        do {
            // The basic resolver (every scalar a string) spares the default one's regular expressions per scalar;
            // phrases and values are read as strings either way.
            root = try Yams.compose(yaml: source, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (lexicon, [Diagnostic(yamlError: error, file: file)])
        } catch {
            return (lexicon, [Diagnostic(file: file, line: 0, column: 0, message: "\(error)")])
        }
        guard let root else { return (lexicon, []) }
        guard let mapping = root.mapping else {
            return (lexicon, [Diagnostic(node: root, file: file, message: "a lexicon file maps class names to phrases")])
        }
        for (key, value) in mapping {
            guard let className = key.string, !className.isEmpty else {
                problems.append(Diagnostic(node: key, file: file, message: "class name must be a string"))
                continue
            }
            if let list = value.sequence {
                for item in list {
                    guard let phrase = item.string, !phrase.isEmpty else {
                        problems.append(Diagnostic(node: item, file: file, message: "phrase must be a non-empty string"))
                        continue
                    }
                    lexicon.add(Entry(phrase: phrase, value: phrase, file: file, line: item.line), to: className)
                }
            } else if let values = value.mapping {
                for (valueKey, phrases) in values {
                    guard let normalised = valueKey.string else {
                        problems.append(Diagnostic(node: valueKey, file: file, message: "value must be a string"))
                        continue
                    }
                    let items = phrases.sequence.map(Array.init) ?? [phrases]
                    for item in items {
                        guard let phrase = item.string, !phrase.isEmpty else {
                            problems.append(Diagnostic(node: item, file: file, message: "phrase must be a non-empty string"))
                            continue
                        }
                        lexicon.add(Entry(phrase: phrase, value: normalised, file: file, line: item.line), to: className)
                    }
                }
            } else {
                problems.append(Diagnostic(node: value, file: file, message: "class '\(className)' needs a list of phrases or a map of value → phrases"))
            }
        }
        return (lexicon, problems)
    }
}

extension Node {
    /// 1-based line and column of this node in its file (0 when unknown).
    /// 1-based line of this node in its file.
    public var line: Int { (mark?.line ?? 0) }
    public var column: Int { (mark?.column ?? 0) }
}

extension Diagnostic {
    init(node: Node, file: String, message: String) {
        self.init(file: file, line: node.line, column: node.column, message: message)
    }

    /// A YAML syntax error, located where Yams found it.
    public init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(detail)")
        default:
            self.init(file: file, line: 0, column: 0, message: "YAML: \(yamlError)")
        }
    }
}
