import TallyCore
import TallyMemory

/// A stretch of whole lines of a large JSON Lines file, read and extracted as one work item: a file of any
/// size is read record by record, a piece at a time, on every core, and never held whole.
public struct JSONLinesPiece: Sendable, Hashable {
    public var path: String
    /// File offsets: the first line starts at `start`; the piece holds the lines that start before `end`.
    public var start: Int
    public var end: Int
    /// Line numbers (from 1) of its first and last line, for ids and messages.
    public var firstLine: Int
    public var lastLine: Int
    /// Whether it is the file's last piece.
    public var endsFile: Bool

    /// "lines 1,201–2,400", for messages.
    public var lines: String { firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)–\(lastLine)" }
}

extension Ingestor {
    /// The pieces a JSON Lines file is read in when it is larger than `options.jsonLinesPieceBytes` (and neither
    /// gzipped nor UTF-16); nil for any other file, which is read whole (`read(file:)`). Finding them reads the
    /// file once, a chunk at a time, counting lines. Throws for an unreadable file and a claims file.
    public func jsonLinesPieces(ofFile path: String) throws(IngestError) -> [JSONLinesPiece]? {
        let file = try JSONLinesPieceReader.open(path)
        guard file.size > options.jsonLinesPieceBytes else { return nil }
        var head: [UInt8] = []
        _ = try JSONLinesPieceReader.read(file, path: path, at: 0, count: min(file.size, 1 << 20), into: &head)
        if FormatSniffer.isGzip(head) || TextDecoder.transcodeUTF16(Array(head.prefix(4))) != nil { return nil }
        guard FormatSniffer.format(of: head) == .jsonLines else { return nil }
        if JSONLinesReader.isClaimsFile(head) { throw JSONLinesReader.claimsFileError(path) }
        return try JSONLinesPieceReader.plan(file, path: path, pieceBytes: max(1, options.jsonLinesPieceBytes), chunkBytes: options.jsonLinesChunkBytes)
    }

    /// The documents of one piece, read record by record. A record longer than `options.maxBytes` is not read:
    /// it comes back under `skipped` with the reason, and so does a piece with no usable record.
    public func read(piece: JSONLinesPiece) throws(IngestError) -> IngestedFile {
        let file = try JSONLinesPieceReader.open(piece.path)
        var lines = LineStream(file: file, path: piece.path, from: piece.start, chunkBytes: options.jsonLinesChunkBytes, maxLineBytes: options.maxBytes)
        var collected = JSONLinesReader.Collected()
        let reader = JSONLinesReader(ingestor: self)
        var number = piece.firstLine
        while let line = try lines.next() {
            let start: Int
            switch line {
            case .line(_, let at), .tooLong(let at, _): start = at
            }
            if start >= piece.end { break }
            switch line {
            case .line(let bytes, _):
                reader.take(line: bytes, number: number, fileID: piece.path, into: &collected)
            case .tooLong(_, let length):
                collected.skipped.append(SkippedInput(path: piece.path, reason:
                    "line \(number): a record of \(ByteCount(length)), over the \(ByteCount(options.maxBytes)) limit for one record (--max-size); record skipped"))
            }
            number += 1
        }
        var ingested = IngestedFile(documents: collected.documents, warnings: collected.warnings)
        ingested.skipped = collected.skipped
        if collected.documents.isEmpty, let problem = collected.firstError {
            ingested.warnings = []
            ingested.skipped.append(SkippedInput(path: piece.path, reason: "\(piece.lines): no usable JSON Lines records (\(problem))"))
        }
        cleanDocuments(&ingested)
        return ingested
    }
}

/// Opening, reading and planning for `jsonLinesPieces` and `read(piece:)`, with errors that say why.
enum JSONLinesPieceReader {
    static func open(_ path: String) throws(IngestError) -> FileSystemCalls.ReadableFile {
        switch FileSystemCalls.ReadableFile.opening(RawPath.cString(path)) {
        case .success(let file): return file
        case .failure(let failure):
            throw IngestError(path: path, reason: (failure.opening ? "" : "unreadable: ") + FileReader.reason(errno: failure.error.code))
        }
    }

    static func read(_ file: FileSystemCalls.ReadableFile, path: String, at offset: Int, count: Int, into bytes: inout [UInt8]) throws(IngestError) -> Int {
        switch file.read(at: offset, count: count, into: &bytes) {
        case .success(let read): return read
        case .failure(let error): throw IngestError(path: path, reason: "unreadable: " + FileReader.reason(errno: error.code))
        }
    }

    /// Pieces of at least `pieceBytes` (a longer line makes a longer piece), each beginning where a line does.
    static func plan(_ file: FileSystemCalls.ReadableFile, path: String, pieceBytes: Int, chunkBytes: Int) throws(IngestError) -> [JSONLinesPiece] {
        var starts: [(offset: Int, line: Int)] = [(0, 1)]
        var breaks = 0
        var offset = 0
        var next = pieceBytes
        var chunk: [UInt8] = []
        var lastByte: UInt8 = 0x0A
        while offset < file.size {
            chunk.removeAll(keepingCapacity: true)
            let count = try read(file, path: path, at: offset, count: max(1, chunkBytes), into: &chunk)
            if count == 0 { break }
            lastByte = chunk[count - 1]
            chunk.withView { view in
                var index = 0
                while let found = view.firstIndex(of: 0x0A, from: index) {
                    breaks += 1
                    let lineStart = offset + found + 1
                    if lineStart >= next, lineStart < file.size {
                        starts.append((lineStart, breaks + 1))
                        next = lineStart + pieceBytes
                    }
                    index = found + 1
                }
            }
            offset += count
        }
        let lines = breaks + (lastByte == 0x0A ? 0 : 1)
        return starts.indices.map { index in
            let last = index + 1 == starts.count
            return JSONLinesPiece(path: path, start: starts[index].offset, end: last ? offset : starts[index + 1].offset,
                                  firstLine: starts[index].line, lastLine: last ? max(lines, starts[index].line) : starts[index + 1].line - 1, endsFile: last)
        }
    }
}
