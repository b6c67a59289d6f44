import TallyCore

/// Settings for reading inputs.
public struct IngestOptions: Sendable {
    /// Publication date for documents that carry none (`--published`).
    public var published: CalendarDate?
    /// Larger files are skipped with a reason rather than read.
    public var maxBytes: Int

    public init(published: CalendarDate? = nil, maxBytes: Int = 64 << 20) {
        self.published = published
        self.maxBytes = maxBytes
    }
}

/// Why an input could not be used at all.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Turns files (plain text, HTML, JSON Lines; folders recursively) into `Document`s.
///
/// PLACEHOLDER API (owned by the ingest work).
public struct Ingestor: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Expands paths into input files, folders recursively, in a deterministic (sorted) order.
    /// Paths that do not exist or cannot be listed come back as skipped, with the reason.
    public func inputFiles(for paths: [String]) -> (files: [String], skipped: [SkippedInput]) {
        (paths, [])
    }

    /// Reads one file into its documents (a JSON Lines file yields one per record).
    public func ingest(file path: String) throws(IngestError) -> [Document] {
        throw IngestError(path: path, reason: "not implemented")
    }

    /// Reads bytes already in memory; the format is chosen by content.
    public func ingest(bytes: [UInt8], id: String) throws(IngestError) -> [Document] {
        throw IngestError(path: id, reason: "not implemented")
    }
}
