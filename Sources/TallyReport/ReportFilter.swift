import TallyCore

/// Which findings a report shows (`--verdict conflict,framing`, `--kind children`, `--top 10`): on 20 MB
/// a report holds thousands of findings, and a reader wants the conflicts first, or one kind.
///
/// Filtering chooses what is shown, never what is found: the header still counts every finding, and a
/// note says how many are shown and why.
public struct ReportFilter: Sendable, Equatable {
    /// Verdicts to show; empty shows every verdict.
    public var verdicts: Set<Verdict>
    /// Kinds to show (`children`, `casualties`); empty shows every kind.
    public var kinds: Set<String>
    /// At most this many findings, the most severe first (report order); nil for all.
    public var top: Int?

    public init(verdicts: Set<Verdict> = [], kinds: Set<String> = [], top: Int? = nil) {
        self.verdicts = verdicts
        self.kinds = kinds
        self.top = top
    }

    /// Shows everything.
    public static let all = ReportFilter()

    public var isEmpty: Bool { verdicts.isEmpty && kinds.isEmpty && top == nil }

    /// The findings shown, in report order.
    public func apply(_ findings: [Finding]) -> [Finding] {
        let chosen = findings.inReportOrder().filter {
            (verdicts.isEmpty || verdicts.contains($0.verdict)) && (kinds.isEmpty || kinds.contains($0.kind))
        }
        return top.map { Array(chosen.prefix(max(0, $0))) } ?? chosen
    }

    /// The report with only the findings shown (documents and skipped inputs kept).
    public func apply(_ report: Report) -> Report {
        guard !isEmpty else { return report }
        var shown = report
        shown.findings = apply(report.findings)
        return shown
    }

    /// "Showing 10 of 523 findings: conflict and framing, kind children, the first 10." — nil when nothing is filtered.
    public func note(shown: Int, of total: Int) -> String? {
        guard !isEmpty else { return nil }
        var why: [String] = []
        if !verdicts.isEmpty { why.append(Verdict.allCases.filter(verdicts.contains).map(\.rawValue).joined(separator: " and ")) }
        if !kinds.isEmpty { why.append((kinds.count == 1 ? "kind " : "kinds ") + kinds.sorted().joined(separator: ", ")) }
        if let top { why.append("the first \(top)") }
        return "Showing \(shown) of \(ReportOrder.plural(total, "finding")): \(why.joined(separator: ", "))."
    }
}
