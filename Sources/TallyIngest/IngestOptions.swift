import TallyCore

/// Settings for reading inputs.
public struct IngestOptions: Sendable {
    /// Publication date for documents that carry none (`--published`).
    public var published: CalendarDate?
    /// Larger files (and larger decompressed `.gz` contents) are refused with a reason rather than read.
    public var maxBytes: Int
    /// HTML beyond this many bytes is not parsed (a warning says so): a parsed page costs several
    /// times its size in memory, and no news article needs more.
    public var maxHTMLBytes: Int
    /// Attributes per element and elements per page, checked on the bytes before parsing (`MarkupBudget`).
    public var markupBudget: MarkupBudget
    /// A JSON Lines file larger than this is read record by record in pieces of about this many bytes, each
    /// extracted as it comes (`jsonLinesPieces(ofFile:)`), so its size is not limited by `maxBytes`: that
    /// limits each record instead.
    public var jsonLinesPieceBytes: Int
    /// Such a file is read this many bytes at a time.
    public var jsonLinesChunkBytes: Int

    public init(published: CalendarDate? = nil, maxBytes: Int = 64 << 20, maxHTMLBytes: Int = 8 << 20, markupBudget: MarkupBudget = MarkupBudget(),
                jsonLinesPieceBytes: Int = 512 << 10, jsonLinesChunkBytes: Int = 256 << 10) {
        self.published = published
        self.maxBytes = maxBytes
        self.maxHTMLBytes = maxHTMLBytes
        self.markupBudget = markupBudget
        self.jsonLinesPieceBytes = jsonLinesPieceBytes
        self.jsonLinesChunkBytes = jsonLinesChunkBytes
    }
}

/// Why an input could not be used at all.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The input is readable but holds no articles by design (a claims file from `tally extract`):
    /// inside a folder it is passed over silently.
    public var notAnArticle: Bool
    public init(path: String, reason: String, notAnArticle: Bool = false) {
        self.path = path
        self.reason = reason
        self.notAnArticle = notAnArticle
    }
    public var description: String { "\(path): \(reason)" }
}

/// Everything read from one input: its documents plus warnings about the file as a whole
/// (e.g. a JSON Lines line that could not be parsed), which belong to no single document.
public struct IngestedFile: Sendable, Hashable {
    public var documents: [Document]
    public var warnings: [String]
    /// Records not read (a JSON Lines record over the size limit), each with the reason.
    public var skipped: [SkippedInput] = []

    public init(documents: [Document], warnings: [String] = []) {
        self.documents = documents
        self.warnings = warnings
    }
}
