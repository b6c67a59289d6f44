import TallyCore
import TallyReconcile

/// Gathers a batch's documents, claims and skips, then reconciles them into a `Report`.
///
/// Holds claims (compactly, in a `ClaimBook`) and one summary per document, never document text, so
/// memory follows the number of claims rather than the size of the corpus; and at most `claimLimit`
/// claims, so not even that is unbounded. Documents whose claims no longer fit are listed as skipped with the
/// reason: reconcile a larger corpus with `tally extract` and `tally reconcile` (the map and the reduce).
public struct ReportBuilder: Sendable {
    public private(set) var documents: [DocumentSummary] = []
    public private(set) var book = ClaimBook()
    public private(set) var skipped: [SkippedInput] = []
    public let claimLimit: Int

    public static let defaultClaimLimit = 1_000_000

    public init(claimLimit: Int = ReportBuilder.defaultClaimLimit) {
        self.claimLimit = claimLimit
    }

    public mutating func add(_ result: FileResult) {
        if let skip = result.skipped { skipped.append(skip) }
        for (document, found) in zip(result.documents, result.claims) {
            add(document, claims: found)
        }
    }

    public mutating func add(_ document: Document, claims found: [Claim]) {
        let kept = keep(found, of: document.id)
        documents.append(DocumentSummary(doc: document.id, title: document.title, outlet: document.outlet, published: document.published, url: document.url, claims: kept, author: document.author))
    }

    /// Claims read back from claims files (`tally reconcile`, the reduce step): not limited, since
    /// reducing what the map wrote is how a corpus larger than `claimLimit` is reconciled.
    public mutating func add(claims found: [Claim]) { book.append(contentsOf: found) }

    /// One claim read back from a claims file (not limited either).
    public mutating func add(claim: Claim) { book.append(claim) }

    /// Every claim held, rebuilt.
    public var claims: [Claim] { book.claims }

    /// Adds what fits under `claimLimit` and says how many claims were kept.
    private mutating func keep(_ found: [Claim], of doc: String) -> Int {
        let room = max(0, claimLimit - book.count)
        guard found.count > room else {
            book.append(contentsOf: found)
            return found.count
        }
        book.append(contentsOf: found.prefix(room))
        skipped.append(SkippedInput(path: doc, reason: "\(found.count - room) of its \(found.count) claims not reconciled: the run holds at most \(claimLimit) (use tally extract, then tally reconcile)"))
        return room
    }

    public mutating func skip(_ input: SkippedInput) { skipped.append(input) }

    public func report(reconciler: Reconciler = Reconciler()) -> Report {
        var report = Report(documents: documents, findings: book.reconcile(with: reconciler), skipped: skipped)
        report.unpaired = book.unpaired(report.findings)
        return report
    }
}
