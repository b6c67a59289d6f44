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

    public init(published: CalendarDate? = nil, maxBytes: Int = 64 << 20, maxHTMLBytes: Int = 8 << 20, markupBudget: MarkupBudget = MarkupBudget()) {
        self.published = published
        self.maxBytes = maxBytes
        self.maxHTMLBytes = maxHTMLBytes
        self.markupBudget = markupBudget
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

    public init(documents: [Document], warnings: [String] = []) {
        self.documents = documents
        self.warnings = warnings
    }
}
