import Dispatch
import Foundation
import TallyCore
import TallyExtract
import TallyIngest

/// What one input file produced: its documents and their claims, or the reason it was skipped.
public struct FileResult: Sendable {
    public var path: String
    public var bytes: Int
    public var documents: [Document]
    /// Claims per document, aligned with `documents`.
    public var claims: [[Claim]]
    public var skipped: SkippedInput?
    /// Records of the file not read (a JSON Lines record over the size limit), each with the reason.
    public var skippedRecords: [SkippedInput] = []
    /// Whether this result ends its file: a large JSON Lines file comes as several results, one per piece.
    public var endsFile = true
    /// What `BatchRunner.render` made of this file on the worker thread (its output, as bytes), if set.
    public var rendered: [UInt8] = []
}

extension FileResult {
    /// Roughly the memory this result holds: its texts, its claims (a few hundred bytes each) and its output.
    var approximateBytes: Int {
        documents.reduce(0) { $0 + $1.text.utf8.count } + claims.reduce(0) { $0 + $1.count } * 400 + rendered.count
    }
}

/// Progress of a batch, for a status line.
public struct BatchProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var seconds: Double
}

/// Runs ingest (and optionally extraction) over many files on every core, delivering results in
/// input order while holding only a bounded number of finished files in memory.
public struct BatchRunner: Sendable {
    public var ingestor: Ingestor
    public var extractor: Extractor?
    /// Worker threads; defaults to the number of cores.
    public var jobs: Int
    /// Turns a file's result into output bytes on the worker thread (so writing JSON runs in parallel
    /// too); delivered as `FileResult.rendered`.
    public var render: (@Sendable (FileResult) -> [UInt8])?
    /// Files named on the command line; other inputs came from walking a folder, where files that hold
    /// no articles by design (claims files) are passed over silently.
    public var explicitPaths: Set<String> = []
    /// What was read from standard input (named `-` among the files), and the id its document gets.
    public var standardInput: (id: String, bytes: [UInt8])?
    /// Seconds a file may take on one document (its ingest, then each document's extraction) before
    /// it is abandoned and reported as skipped, so one pathological input cannot hold up the batch;
    /// nil for no limit.
    public var timeLimit: Double? = BatchRunner.defaultTimeLimit

    public static let defaultTimeLimit = 60.0
    /// Claims per document and the pieces long documents are extracted in.
    public var budget = ExtractionBudget.standard
    /// Finished files waiting to be delivered hold about this many bytes at most (besides the `8 × jobs`
    /// limit on their number): sixteen 64 MB files must not wait at once.
    public static let waitingBytes = 256 << 20

    public init(ingestor: Ingestor, extractor: Extractor?, jobs: Int? = nil) {
        self.ingestor = ingestor
        self.extractor = extractor
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Processes `files`, delivering each result in input order on the caller's thread; `progress`
    /// after each file. Cancelling (`shouldStop` true) returns within a tenth of a second, without
    /// waiting for the files in flight. A file over `timeLimit` is delivered as skipped.
    public func run(
        _ files: [String], shouldStop: () -> Bool = { false }, progress: (BatchProgress) -> Void = { _ in },
        deliver: (FileResult) -> Void
    ) {
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        var bytes = 0
        let work = self
        let limit = timeLimit
        let seconds = limit.map { $0 == $0.rounded() ? "\(Int($0))" : "\($0)" } ?? ""
        let items = workItems(files)
        orderedWork(items.count, jobs: jobs, ahead: jobs * 8, timeLimit: limit, shouldStop: shouldStop,
                    weight: \.approximateBytes, maxWeight: BatchRunner.waitingBytes, work: { index, heartbeat in
            var result = work.process(items[index], heartbeat: heartbeat)
            if let render = work.render { result.rendered = render(result) }
            return result
        }, timedOut: { index in
            let item = items[index]
            var result = FileResult(path: item.path, bytes: 0, documents: [], claims: [], skipped: SkippedInput(
                path: item.path, reason: "\(item.piece.map { $0.lines + ": " } ?? "")took longer than \(seconds) s on one document; abandoned (--time-limit)"))
            result.endsFile = item.piece?.endsFile ?? true
            return result
        }) { _, result in
            if result.endsFile { done += 1 }
            bytes += result.bytes
            deliver(result)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress(BatchProgress(filesDone: done, filesTotal: files.count, bytesDone: bytes, seconds: seconds))
        }
    }

    /// One unit of work: a whole file, or a piece of a large JSON Lines file.
    struct WorkItem: Sendable {
        var path: String
        var piece: JSONLinesPiece?
    }

    /// The files as units of work: a large JSON Lines file becomes its pieces (found by reading it once), so
    /// it is read record by record on every core and only the pieces in flight are held.
    func workItems(_ files: [String]) -> [WorkItem] {
        var items: [WorkItem] = []
        items.reserveCapacity(files.count)
        for path in files {
            // A file that cannot be planned is read whole, which says why it cannot be used.
            if path != "-" || standardInput == nil, let pieces = try? ingestor.jsonLinesPieces(ofFile: path) {
                items += pieces.map { WorkItem(path: path, piece: $0) }
            } else {
                items.append(WorkItem(path: path))
            }
        }
        return items
    }

    /// Ingests and extracts one file; never throws: problems become a skip with a reason.
    /// `heartbeat` is called as each document's extraction begins.
    public func process(_ path: String, heartbeat: Heartbeat = .none) -> FileResult {
        process(WorkItem(path: path), heartbeat: heartbeat)
    }

    func process(_ item: WorkItem, heartbeat: Heartbeat = .none) -> FileResult {
        let path = item.path
        do {
            let file: IngestedFile
            if let piece = item.piece {
                file = try ingestor.read(piece: piece)
            } else {
                file = try path == "-" && standardInput != nil
                    ? ingestor.read(bytes: standardInput!.bytes, id: standardInput!.id) : ingestor.read(file: path)
            }
            var documents = file.documents
            if !file.warnings.isEmpty, !documents.isEmpty { documents[0].warnings.insert(contentsOf: file.warnings, at: 0) }
            let size = documents.reduce(0) { $0 + $1.text.utf8.count }
            var claims: [[Claim]] = []
            claims.reserveCapacity(documents.count)
            // A file's claims are held together until it is delivered: a JSON Lines file of many small
            // claim bombs stays within `claimsPerFile` as one large one stays within `claimsPerDocument`.
            var room = budget.claimsPerFile
            for index in documents.indices {
                guard let extractor, room > 0 else {
                    if extractor != nil, room == 0 {
                        let rest = documents.count - index - 1
                        documents[index].warnings.append(
                            "not extracted\(rest > 0 ? ", nor the \(rest) documents after it" : ""): \(item.piece.map { "its \($0.lines) already have \(budget.claimsPerFile) claims, the most one piece of a large JSON Lines file may hold" } ?? "the file already has \(budget.claimsPerFile) claims, the most one file may hold")")
                        room = -1
                    }
                    claims.append([])
                    continue
                }
                var documentBudget = budget
                documentBudget.claimsPerDocument = min(budget.claimsPerDocument, room)
                let found = extractor.extract(documents[index], budget: documentBudget, heartbeat: heartbeat)
                documents[index].warnings += found.warnings
                room -= found.claims.count
                claims.append(found.claims)
            }
            var result = FileResult(path: path, bytes: size, documents: documents, claims: claims, skipped: nil)
            result.skippedRecords = file.skipped
            result.endsFile = item.piece?.endsFile ?? true
            return result
        } catch {
            let silent = error.notAnArticle && !explicitPaths.contains(path)
            var result = FileResult(path: path, bytes: 0, documents: [], claims: [], skipped: silent ? nil : SkippedInput(
                path: error.path, reason: (item.piece.map { $0.lines + ": " } ?? "") + error.reason))
            result.endsFile = item.piece?.endsFile ?? true
            return result
        }
    }
}
