import Foundation
import TallyCore
import TallyMemory
import TallyNumerals
import Yams

/// Reads `rules/` and validates it, collecting every problem rather than stopping at the first.
public enum RuleLoader {
    public struct Result: Sendable {
        public var ruleSet: RuleSet?
        public var rules: [Rule]
        public var lexicon: Lexicon
        public var diagnostics: [Diagnostic]
        public var sources: [String: String]
    }

    static let ruleKeys: Set<String> = [
        "id", "description", "pattern", "emit", "priority", "requires", "context", "veto", "recent", "examples", "counterexamples",
        "todo",
    ]
    static let emitKeys: Set<String> = ["value", "kind", "subject", "scope", "unit", "qualifier", "increment", "status"]
    static let fileKeys: Set<String> = ["kind", "description", "rules", "status", "repeats"]

    /// One rule or lexicon file's text, wherever it came from: a `rules/` folder or the copy built into tally.
    public struct File: Sendable, Equatable {
        /// Where the file is reported from (`FILE:LINE:COL`); its last component enters the fingerprint.
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    public static func load(directory: String) -> Result {
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            let problem = Diagnostic(file: directory, line: 0, column: 0, message: "rules folder not found (use --rules DIR)")
            return Result(ruleSet: nil, rules: [], lexicon: Lexicon(), diagnostics: [problem], sources: [:])
        }
        let lexiconDirectory = (directory as NSString).appendingPathComponent("lexicon")
        let lexiconFiles = yamlFiles(in: lexiconDirectory).compactMap { path in
            read(path, into: &diagnostics).map { File(path: path, text: $0) }
        }
        let ruleFiles = yamlFiles(in: directory).compactMap { path in
            read(path, into: &diagnostics).map { File(path: path, text: $0) }
        }
        return load(lexicon: lexiconFiles, rules: ruleFiles, origin: directory, readProblems: diagnostics)
    }

    /// Loads rule and lexicon files already read (each list in the order a folder would give it, by
    /// name), so the rules built into the binary load exactly as `rules/` does and get the same fingerprint.
    /// `origin` names them in problems that belong to no one file.
    public static func load(lexicon lexiconFiles: [File], rules ruleFiles: [File], origin: String, readProblems: [Diagnostic] = []) -> Result {
        var diagnostics = readProblems
        var sources: [String: String] = [:]
        var digest = FingerprintHasher()

        var lexicon = Lexicon()
        for file in lexiconFiles {
            sources[file.path] = file.text
            digest.add(path: file.path, contents: file.text)
            let (parsed, problems) = Lexicon.parse(yaml: file.text, file: file.path)
            lexicon.merge(parsed)
            diagnostics += problems
        }
        // Classes the numerals layer reads (qualifiers, time units, holidays, changes, measure sizes) have
        // values of their own form: one it cannot read is a mistake to report, not an entry to drop unsaid.
        let (vocabulary, vocabularyProblems) = NumeralVocabulary.load(lexicon: lexicon)
        diagnostics += vocabularyProblems
        var rules: [Rule] = []
        for file in ruleFiles {
            sources[file.path] = file.text
            digest.add(path: file.path, contents: file.text)
            var parser = RuleFileParser(file: file.path, lexicon: lexicon)
            rules += parser.parse(file.text)
            diagnostics += parser.diagnostics
        }
        diagnostics += duplicateIDs(rules)
        if rules.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(file: origin, line: 0, column: 0, message: "no rule files (*.yaml) found"))
        }
        var ruleSet: RuleSet?
        if !diagnostics.contains(where: { $0.severity == .error }) {
            do {
                ruleSet = try RuleSet(rules: rules, lexicon: lexicon, vocabulary: vocabulary, fingerprint: digest.hex)
            } catch {
                diagnostics.append(Diagnostic(file: origin, line: 0, column: 0, message: "\(error)"))
            }
        }
        return Result(ruleSet: ruleSet, rules: rules, lexicon: lexicon, diagnostics: diagnostics.sorted(by: locationOrder), sources: sources)
    }

    static func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    static func read(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(file: path, line: 0, column: 0, message: "cannot read file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(file: path, line: 0, column: 0, message: "file is not UTF-8 text"))
            return nil
        }
        return text
    }

    static func duplicateIDs(_ rules: [Rule]) -> [Diagnostic] {
        var seen: [String: Rule] = [:]
        var problems: [Diagnostic] = []
        for rule in rules {
            if let first = seen[rule.id] {
                problems.append(Diagnostic(file: rule.file, line: rule.line, column: 1, message: "duplicate rule id '\(rule.id)' (first defined at \(first.file):\(first.line))"))
            } else {
                seen[rule.id] = rule
            }
        }
        return problems
    }

    static func locationOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// FNV-1a over file names and contents: stable across runs and machines.
struct FingerprintHasher {
    private var hash = FNV1a()

    /// Hashes the file name, a NUL, the contents and a NUL (without concatenating them first).
    mutating func add(path: String, contents: String) {
        add((path as NSString).lastPathComponent)
        add(byte: 0)
        add(contents)
        add(byte: 0)
    }

    private mutating func add(_ text: String) {
        text.withBytes { bytes in
            for byte in bytes { add(byte: byte) }
        }
    }

    @inline(__always)
    private mutating func add(byte: UInt8) { hash.add(byte) }

    var hex: String { String(hash.state, radix: 16) }
}
