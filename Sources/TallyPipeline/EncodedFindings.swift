import Foundation
import TallyCore
import TallyReconcile
import TallyReport

/// A run's findings written to a temporary file as their bytes in the JSON report, as the reduce makes
/// them subject by subject: a gigabyte of news makes findings citing millions of claims, which as `Finding`
/// values would take gigabytes. The report keeps one stub a finding (`stub(_:index:)`), enough to order
/// and filter it; `bytes(of:into:)` reads its bytes back. The file goes with the last reference.
public final class EncodedFindings: Sendable {
    let path: String
    /// Where each finding's bytes start in the file, and how many there are.
    let spans: [(offset: UInt64, count: Int)]

    init(path: String, spans: [(offset: UInt64, count: Int)]) {
        self.path = path
        self.spans = spans
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A finding reduced to what orders and filters it (verdict, kind, subject, event, first claim) and the
    /// index of its bytes, kept in `reason`; its claims are the first one only.
    static func stub(_ finding: Finding, index: Int) -> Finding {
        Finding(verdict: finding.verdict, kind: finding.kind, subject: finding.subject, event: finding.event, reason: String(index),
                claims: finding.claims.first.map { [$0] } ?? [])
    }

    /// Hands the bytes of the finding `stub` stands for to `emit`, a megabyte at a time.
    public func bytes(of stub: Finding, into emit: ([UInt8]) -> Void) throws(SpillError) {
        guard let index = Int(stub.reason), spans.indices.contains(index) else {
            throw SpillError(description: "a finding without its bytes in \(path)")
        }
        let span = spans[index]
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw SpillError(description: "cannot open the findings file \(path)") }
            defer { try? handle.close() }
            try handle.seek(toOffset: span.offset)
            var left = span.count
            while left > 0 {
                guard let data = try handle.read(upToCount: min(left, 1 << 20)), !data.isEmpty else {
                    throw SpillError(description: "the findings file \(path) ends early")
                }
                left -= data.count
                emit(Array(data))
            }
        } catch let error as SpillError {
            throw error
        } catch {
            throw SpillError(description: "cannot read the findings file \(path): \(error)")
        }
    }
}

extension ReportBuilder {
    /// The report with its findings written to disk as their JSON bytes while they are made
    /// (`EncodedFindings`), for `ReportRenderer.json(_:emit:finding:)`: the report's findings are stubs, in
    /// report order, and its unpaired counts those of the whole findings.
    public func encodedReport(reconciler: Reconciler = Reconciler()) throws(SpillError) -> (report: Report, findings: EncodedFindings) {
        let path = SpillFolder.newPath(in: book.spillFolder) + ".findings"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            try? FileManager.default.removeItem(atPath: path)
            throw SpillError(description: "cannot create the findings file \(path)")
        }
        var spans: [(offset: UInt64, count: Int)] = []
        var stubs: [Finding] = []
        var paired = ClaimBook.Paired()
        var buffer: [UInt8] = []
        var written: UInt64 = 0
        let encoder = ReportRenderer.jsonEncoder()
        func flush() throws(SpillError) {
            do { try handle.write(contentsOf: buffer) } catch { throw SpillError(description: "cannot write the findings file \(path): \(error)") }
            written += UInt64(buffer.count)
            buffer.removeAll(keepingCapacity: true)
        }
        do {
            try book.forEachSubject(with: reconciler) { (findings: [Finding]) throws(SpillError) in
                for finding in findings {
                    paired.add(finding, in: book)
                    let start = written + UInt64(buffer.count)
                    var failure: SpillError?
                    do {
                        try ReportRenderer.jsonFinding(finding, encoder: encoder) { bytes in
                            guard failure == nil else { return }
                            buffer += bytes
                            if buffer.count >= 1 << 20 {
                                do { try flush() } catch { failure = (error as? SpillError) ?? SpillError(description: "\(error)") }
                            }
                        }
                    } catch {
                        throw SpillError(description: "cannot encode a finding: \(error)")
                    }
                    if let failure { throw failure }
                    spans.append((start, Int(written + UInt64(buffer.count) - start)))
                    stubs.append(EncodedFindings.stub(finding, index: stubs.count))
                }
            }
            try flush()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
            if let error = error as? SpillError { throw error }
            throw SpillError(description: "cannot write the findings file \(path): \(error)")
        }
        let encoded = EncodedFindings(path: path, spans: spans)
        var report = Report(documents: documents, findings: Reconciler.ordered(findings: stubs), skipped: skipped)
        report.unpaired = try book.unpaired(paired)
        return (report, encoded)
    }
}
