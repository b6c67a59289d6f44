import TallyCore
import TallyReconcile

/// Gathers a batch's documents, claims and skips, then reconciles them into a `Report`.
///
/// Holds claims (compactly, in a `ClaimBook`, which writes them to disk in sorted runs past a quarter of
/// `memory`) and one summary per document, never document text. A `claimLimit` can still cap the claims
/// reconciled: documents whose claims no longer fit are then listed as skipped with the reason.
public struct ReportBuilder: Sendable {
    public private(set) var documents: [DocumentSummary] = []
    public private(set) var book: ClaimBook
    public private(set) var skipped: [SkippedInput] = []
    public let claimLimit: Int

    /// No limit: past its memory the book spills to disk rather than dropping claims (a million claims,
    /// about 130 MB of news, was the limit before it could).
    public static let defaultClaimLimit = Int.max

    public init(claimLimit: Int = ReportBuilder.defaultClaimLimit, memory: Int = ClaimBook.defaultMemory, spillFolder: String? = nil) {
        self.claimLimit = claimLimit
        book = ClaimBook(memory: memory, spillFolder: spillFolder)
    }

    public mutating func add(_ result: FileResult) {
        if let skip = result.skipped { skipped.append(skip) }
        skipped += result.skippedRecords
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
    public var claims: [Claim] {
        get throws(SpillError) { try book.claims }
    }

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

    /// Sends the claims still held to disk when others went there already (`ClaimBook.spillHeld`).
    public mutating func spillHeld() { book.spillHeld() }

    /// The report; throws when claims the book wrote to disk cannot be read back.
    public func report(reconciler: Reconciler = Reconciler()) throws(SpillError) -> Report {
        var report = Report(documents: documents, findings: try book.reconcile(with: reconciler), skipped: skipped)
        report.unpaired = try book.unpaired(report.findings)
        return report
    }
}
