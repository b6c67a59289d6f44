import TallyCore
import TallyReconcile

/// Gathers a batch's documents, claims and skips, then reconciles them into a `Report`.
///
/// Holds claims and one summary per document, never document text, so memory follows the number of
/// claims rather than the size of the corpus.
public struct ReportBuilder: Sendable {
    public private(set) var documents: [DocumentSummary] = []
    public private(set) var claims: [Claim] = []
    public private(set) var skipped: [SkippedInput] = []

    public init() {}

    public mutating func add(_ result: FileResult) {
        if let skip = result.skipped { skipped.append(skip) }
        for (document, found) in zip(result.documents, result.claims) {
            add(document, claims: found)
        }
    }

    public mutating func add(_ document: Document, claims found: [Claim]) {
        documents.append(DocumentSummary(doc: document.id, title: document.title, outlet: document.outlet, published: document.published, url: document.url, claims: found.count, author: document.author))
        claims += found
    }

    public mutating func add(claims found: [Claim]) { claims += found }

    public mutating func skip(_ input: SkippedInput) { skipped.append(input) }

    public func report(reconciler: Reconciler = Reconciler()) -> Report {
        var report = Report(documents: documents, findings: reconciler.reconcile(claims), skipped: skipped)
        report.unpaired = UnpairedClaims(claims: claims, findings: report.findings)
        return report
    }
}
