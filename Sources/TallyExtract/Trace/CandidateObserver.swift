/// Who watches the extractor's search for candidates: nobody on the hot path (`UntracedRun`), or a
/// `TraceRecorder` when `tally explain` asks for an `ExtractionTrace`.
///
/// The extractor is generic over its observer, so the untraced run is compiled for `UntracedRun`: its
/// `followsEveryMatch` is a constant false, every tracing branch folds away, and the observer, an
/// empty value, is not even passed.
protocol CandidateObserver {
    /// Whether matches that cannot win are followed up and reported too (rules whose `requires` fail,
    /// matches no better than the best so far); false skips them as early as possible.
    static var followsEveryMatch: Bool { get }
    /// A rule matched over a number (called only when `followsEveryMatch`).
    func ruleMatched(_ match: ExtractionTrace.RuleMatch)
    /// A match won its number (called only when `followsEveryMatch`).
    func numberWon(_ match: ExtractionTrace.RuleMatch)
}

/// The observer of an ordinary extraction: it records nothing.
struct UntracedRun: CandidateObserver {
    static var followsEveryMatch: Bool { false }
    func ruleMatched(_ match: ExtractionTrace.RuleMatch) {}
    func numberWon(_ match: ExtractionTrace.RuleMatch) {}
}

/// The observer of a traced extraction: it fills a trace (a reference, so the search can hand it
/// matches without threading an `inout` through the untraced run).
final class TraceRecorder: CandidateObserver {
    static var followsEveryMatch: Bool { true }
    private(set) var trace: ExtractionTrace

    init(_ trace: ExtractionTrace) { self.trace = trace }

    func ruleMatched(_ match: ExtractionTrace.RuleMatch) { trace.record(match) }
    func numberWon(_ match: ExtractionTrace.RuleMatch) { trace.recordWinner(match) }
}
