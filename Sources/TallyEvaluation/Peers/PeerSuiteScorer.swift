import Foundation
import TallyCore
import TallyNumerals

/// How one peer case came out against Tally (see `docs/numerals.md` for the mapping).
public enum PeerOutcome: Sendable, Hashable {
    case pass
    case fail(String)
    /// The case asks for something Tally does not model (a currency without a figure, an open date range).
    case outOfScope(String)
    /// Tally deliberately answers differently (past-biased dates, closed intervals).
    case disagreement(String)
}

/// One failing case, for the report.
public struct PeerFailure: Sendable, Hashable {
    public var input: String
    public var detail: String
}

/// Pass counts for one suite.
public struct SuiteScore: Sendable, Hashable {
    public var suite: String
    public var passed = 0
    public var failed = 0
    public var disagreements = 0
    public var outOfScope = 0
    public var failures: [PeerFailure] = []
    public var disagreementReasons: [String: Int] = [:]
    /// Each case set aside as a disagreement, with its reason (listed by `tally corpus peers --failures`).
    public var disagreementCases: [PeerFailure] = []

    public init(suite: String) { self.suite = suite }

    public var total: Int { passed + failed + disagreements + outOfScope }
    /// Passed over in-scope cases, after the documented disagreements.
    public var rate: Double { passed + failed == 0 ? 1 : Double(passed) / Double(passed + failed) }
    /// Passed over in-scope cases, counting disagreements as failures.
    public var rawRate: Double {
        passed + failed + disagreements == 0 ? 1 : Double(passed) / Double(passed + failed + disagreements)
    }

    mutating func record(_ outcome: PeerOutcome, input: String) {
        switch outcome {
        case .pass: passed += 1
        case .fail(let detail):
            failed += 1
            failures.append(PeerFailure(input: input, detail: detail))
        case .outOfScope: outOfScope += 1
        case .disagreement(let reason):
            disagreements += 1
            // "past-biased date: expected …, got …" counts under "past-biased date".
            let kind = reason.split(separator: ":", maxSplits: 1).first.map(String.init) ?? reason
            disagreementReasons[kind, default: 0] += 1
            disagreementCases.append(PeerFailure(input: input, detail: reason))
        }
    }
}

/// Scores Tally's numerals layer on peers' own test suites (`../shared/peers/*.jsonl`).
public struct PeerSuiteScorer: Sendable {
    public let scanner: NumeralScanner
    /// Tally's documented disagreements with the number suites (`PeerDisagreements`), compiled.
    let numberDisagreements: [PeerDisagreements.Rule]

    /// Throws when one of the disagreement patterns does not compile.
    public init(scanner: NumeralScanner) throws(PeerError) {
        self.scanner = scanner
        self.numberDisagreements = try PeerDisagreements.numberRules()
    }

    /// Scores every `*.jsonl` file in `directory`; suites sorted by name.
    /// With `strict`, every case counts (see `PeerStrictMapping`); otherwise the scoped reading.
    public func score(directory: String, strict: Bool = false) throws -> [SuiteScore] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        var cases: [PeerCase] = []
        for file in files { cases += try PeerCase.load(path: (directory as NSString).appendingPathComponent(file)) }
        return score(cases: cases, strict: strict)
    }

    public func score(cases: [PeerCase], strict: Bool = false) -> [SuiteScore] {
        var scores: [String: SuiteScore] = [:]
        for c in cases { scores[c.suite, default: SuiteScore(suite: c.suite)].record(strict ? strictOutcome(c) : outcome(c), input: c.input) }
        return scores.values.sorted { $0.suite < $1.suite }
    }

    /// The strict outcome of one case: no scope, no disagreement but past-biased dates.
    public func strictOutcome(_ c: PeerCase) -> PeerOutcome {
        let reference = c.reference.flatMap { CalendarDate(iso: $0) }
        let analysis = TextAnalysis(text: c.input)
        let quantities = scanner.scan(analysis, reference: reference)
        return PeerStrictMapping.outcome(c, quantities, reference: reference, analysis: analysis, vocabulary: scanner.vocabulary)
    }

    /// The outcome of one case, by suite family, with the documented disagreements applied to
    /// failing number cases.
    public func outcome(_ c: PeerCase) -> PeerOutcome {
        let result = mappedOutcome(c)
        guard case .fail = result, c.suite.hasPrefix("duckling/Numeral") || c.suite.hasPrefix("duckling/Duration") || c.suite.hasSuffix("NumberModel.json")
            || c.suite.hasSuffix("NumberRangeModel.json") || c.suite.hasSuffix("CurrencyModel.json"),
            let (reason, outOfScope) = PeerDisagreements.classify(c.input, rules: numberDisagreements)
        else { return result }
        return outOfScope ? .outOfScope(reason) : .disagreement(reason)
    }

    private func mappedOutcome(_ c: PeerCase) -> PeerOutcome {
        let reference = c.reference.flatMap { CalendarDate(iso: $0) }
        let analysis = TextAnalysis(text: c.input)
        let quantities = scanner.scan(analysis, reference: reference)
        let suite = c.suite
        if suite.hasPrefix("duckling/") { return PeerMapping.duckling(c, quantities, analysis) }
        if suite.hasSuffix("NumberModel.json") { return PeerMapping.numbers(c, quantities) }
        if suite.hasSuffix("NumberRangeModel.json") { return PeerMapping.numberRanges(c, quantities) }
        if suite.hasSuffix("PercentModel.json") { return PeerMapping.percentages(c, quantities) }
        if suite.hasSuffix("CurrencyModel.json") { return PeerMapping.currencies(c, quantities, vocabulary: scanner.vocabulary) }
        if suite.hasSuffix("DateTimeModel.json") { return PeerMapping.dates(c, quantities, reference: reference, analysis: analysis) }
        return .outOfScope("unknown suite")
    }

    /// A plain-text table: suite, cases, in scope, passed, rate after disagreements, raw rate.
    public static func table(_ scores: [SuiteScore]) -> String {
        var lines = ["suite                                                   cases  scope  disagree  passed    rate   raw"]
        for s in scores {
            let name = s.suite.padding(toLength: 54, withPad: " ", startingAt: 0)
            let scope = s.passed + s.failed + s.disagreements
            lines.append(
                "\(name) \(pad(s.total, 6)) \(pad(scope, 6)) \(pad(s.disagreements, 9)) \(pad(s.passed, 7)) \(percent(s.rate)) \(percent(s.rawRate))")
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

    private static func percent(_ r: Double) -> String {
        let tenths = Int((r * 1000).rounded())
        let s = "\(tenths / 10).\(tenths % 10)%"
        return String(repeating: " ", count: max(0, 7 - s.count)) + s
    }
}
