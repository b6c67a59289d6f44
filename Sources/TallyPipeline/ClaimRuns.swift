import Foundation
import TallyCore

/// A run of claims a `ClaimBook` wrote to disk when its memory budget was reached: its claims sorted by
/// subject name (those never compared last), each subject's in the order they were added.
///
/// The file is a temporary one, removed when the last copy of the book that wrote it goes (the run is a
/// class for that), or when the run fails to be written: a run that ends by an error leaves nothing
/// behind. Records are little-endian, one after another (`ClaimRunWriter.append`).
final class ClaimRun: Sendable {
    let path: String
    let count: Int

    init(path: String, count: Int) {
        self.path = path
        self.count = count
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Why a reduce that spilled claims to disk could not finish.
public struct SpillError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Where runs go (`$TMPDIR`, else `/tmp`, unless the book is given a folder): one file per run, named by the
/// process and a counter.
enum SpillFolder {
    nonisolated(unsafe) private static var counter = 0
    private static let lock = NSLock()

    static var standard: String { ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp" }

    static func newPath(in folder: String) -> String {
        let n = lock.withLock {
            counter += 1
            return counter
        }
        return (folder as NSString).appendingPathComponent("tally-claims-\(ProcessInfo.processInfo.processIdentifier)-\(n).run")
    }
}

/// One claim of a run, as the book keeps it but with its quote and sentence beside it.
struct SpilledClaim {
    var record: ClaimBook.Record
    /// Its place among every claim added to the book.
    var index: Int
    var quote: [UInt8]
    /// Nil when the claim's sentence is the one of the claim before it in the run.
    var sentence: [UInt8]?
}

/// Encodes records into a run file, a megabyte at a time.
struct ClaimRunWriter {
    private var bytes: [UInt8] = []
    private let handle: FileHandle
    let path: String
    private(set) var count = 0

    init(folder: String) throws(SpillError) {
        path = SpillFolder.newPath(in: folder)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            try? FileManager.default.removeItem(atPath: path)
            throw SpillError(description: "cannot create the spill file \(path)")
        }
        self.handle = handle
        bytes.reserveCapacity(1 << 20)
    }

    mutating func append(_ r: ClaimBook.Record, index: Int, quote: ArraySlice<UInt8>, sentence: ArraySlice<UInt8>?) throws(SpillError) {
        put64(UInt64(index))
        put64(r.value)
        put64(r.low)
        put64(r.high)
        put64(r.from)
        put64(UInt64(bitPattern: Int64(r.start)))
        put64(UInt64(bitPattern: Int64(r.end)))
        put32(r.doc)
        put32(r.kind)
        put32(r.unit)
        put32(r.subject)
        put32(r.event)
        put32(r.speaker)
        put32(r.rule)
        put32(r.story)
        put32(UInt32(quote.count))
        put32(sentence.map { UInt32($0.count) } ?? UInt32.max)
        bytes.append(r.valueShape)
        bytes.append(r.lowShape)
        bytes.append(r.highShape)
        bytes.append(r.fromShape)
        bytes.append(ClaimRunWriter.code(r.qualifier, RunCodes.qualifiers))
        bytes.append(ClaimRunWriter.code(r.scope, RunCodes.scopes))
        bytes.append(ClaimRunWriter.code(r.status, RunCodes.statuses))
        bytes.append(ClaimRunWriter.code(r.change, RunCodes.changes))
        bytes.append(r.comparable ? 1 : 0)
        bytes += quote
        if let sentence { bytes += sentence }
        count += 1
        if bytes.count >= 1 << 20 { try flush() }
    }

    /// Writes what is left and closes the file; the run then owns it.
    mutating func finish() throws(SpillError) -> ClaimRun {
        try flush()
        do { try handle.close() } catch { throw fail("cannot close \(path): \(error)") }
        return ClaimRun(path: path, count: count)
    }

    /// Closes and removes the file, after an error.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    private mutating func flush() throws(SpillError) {
        guard !bytes.isEmpty else { return }
        do { try handle.write(contentsOf: bytes) } catch { throw fail("cannot write the spill file \(path): \(error)") }
        bytes.removeAll(keepingCapacity: true)
    }

    private func fail(_ message: String) -> SpillError {
        abandon()
        return SpillError(description: message)
    }

    private mutating func put64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private mutating func put32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    static func code<T: Equatable>(_ value: T?, _ cases: [T]) -> UInt8 {
        value.flatMap { cases.firstIndex(of: $0) }.map(UInt8.init) ?? 255
    }

    static func code<T: Equatable>(_ value: T, _ cases: [T]) -> UInt8 { cases.firstIndex(of: value).map(UInt8.init) ?? 255 }
}

/// Reads a run back in order, `chunk` bytes at a time (the file is opened for each refill, so any number
/// of runs can be read side by side without holding a descriptor each).
struct ClaimRunReader {
    static let headerBytes = 7 * 8 + 10 * 4 + 9
    let run: ClaimRun
    private let chunk: Int
    private var offset: UInt64 = 0
    private var buffer: [UInt8] = []
    private var at = 0
    private(set) var remaining: Int
    /// The next claim, read ahead: the merge looks at its subject before taking it.
    private(set) var head: SpilledClaim?

    init(_ run: ClaimRun, chunk: Int) throws(SpillError) {
        self.run = run
        self.chunk = max(chunk, 4096)
        remaining = run.count
        try advance()
    }

    /// Takes the head and reads the next claim.
    mutating func take() throws(SpillError) -> SpilledClaim {
        let taken = head!
        try advance()
        return taken
    }

    private mutating func advance() throws(SpillError) {
        guard remaining > 0 else {
            head = nil
            buffer = []
            return
        }
        remaining -= 1
        try need(ClaimRunReader.headerBytes)
        let index = Int(get(8))
        let value = get(8), low = get(8), high = get(8), from = get(8)
        let start = Int(Int64(bitPattern: get(8))), end = Int(Int64(bitPattern: get(8)))
        let doc = get32(), kind = get32(), unit = get32(), subject = get32(), event = get32(), speaker = get32(), rule = get32(), story = get32()
        let quoteBytes = Int(get32()), sentenceCode = get32()
        let valueShape = buffer[at], lowShape = buffer[at + 1], highShape = buffer[at + 2], fromShape = buffer[at + 3]
        let qualifierCode = buffer[at + 4], scopeCode = buffer[at + 5], statusCode = buffer[at + 6], changeCode = buffer[at + 7]
        let comparable = buffer[at + 8] == 1
        at += 9
        let sentenceBytes = sentenceCode == UInt32.max ? 0 : Int(sentenceCode)
        try need(quoteBytes + sentenceBytes)
        let quote = Array(buffer[at..<(at + quoteBytes)])
        at += quoteBytes
        var sentence: [UInt8]?
        if sentenceCode != UInt32.max {
            sentence = Array(buffer[at..<(at + sentenceBytes)])
            at += sentenceBytes
        }
        func decode<T>(_ code: UInt8, _ cases: [T]) -> T? { Int(code) < cases.count ? cases[Int(code)] : nil }
        guard let qualifier = decode(qualifierCode, RunCodes.qualifiers) else { throw SpillError(description: "the spill file \(run.path) is damaged") }
        let record = ClaimBook.Record(
            value: value, low: low, high: high, from: from, valueShape: valueShape, lowShape: lowShape, highShape: highShape,
            fromShape: fromShape, start: start, end: end, quote: 0, sentence: 0,
            quoteBytes: UInt32(quoteBytes), sentenceBytes: UInt32(sentenceBytes), doc: doc, kind: kind, unit: unit, subject: subject,
            event: event, speaker: speaker, rule: rule, story: story, qualifier: qualifier, scope: decode(scopeCode, RunCodes.scopes),
            status: decode(statusCode, RunCodes.statuses), change: decode(changeCode, RunCodes.changes), comparable: comparable)
        head = SpilledClaim(record: record, index: index, quote: quote, sentence: sentence)
    }

    private mutating func get32() -> UInt32 { UInt32(truncatingIfNeeded: get(4)) }

    private mutating func get(_ count: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<count { value |= UInt64(buffer[at + i]) << UInt64(8 * i) }
        at += count
        return value
    }

    /// Makes sure `count` unread bytes are in the buffer, reading more of the file as needed.
    private mutating func need(_ count: Int) throws(SpillError) {
        guard buffer.count - at < count else { return }
        buffer.removeSubrange(0..<at)
        at = 0
        let wanted = max(chunk, count - buffer.count)
        do {
            guard let handle = FileHandle(forReadingAtPath: run.path) else { throw SpillError(description: "cannot open the spill file \(run.path)") }
            defer { try? handle.close() }
            try handle.seek(toOffset: offset)
            let data = try handle.read(upToCount: wanted) ?? Data()
            offset += UInt64(data.count)
            buffer += data
        } catch let error as SpillError {
            throw error
        } catch {
            throw SpillError(description: "cannot read the spill file \(run.path): \(error)")
        }
        guard buffer.count >= count else { throw SpillError(description: "the spill file \(run.path) ends early") }
    }
}

/// The enums' cases, numbered by their place (a run holds the number, 255 for nil).
enum RunCodes {
    static let qualifiers = Qualifier.allCases
    static let scopes = Scope.allCases
    static let statuses = ClaimStatus.allCases
    static let changes = Change.allCases
}
