/// One article as ingestion made it: metadata plus the clean body text that extraction reads.
///
/// Claim offsets (`Claim.start`, `Claim.end`) are Unicode-scalar offsets into `text`.
public struct Document: Sendable, Hashable, Codable {
    /// The input path as given, or the record `id` for JSON Lines input.
    public var id: String
    public var title: String?
    public var outlet: String?
    public var author: String?
    public var url: String?
    /// Publication date (day precision, or coarser when the source says less): the reference relative
    /// dates resolve against. Parsed once, by ingestion; written as its ISO text (`2025-06-02`).
    public var published: CalendarDate?
    /// The encoding ingestion detected, e.g. `utf-8`, `windows-1252`.
    public var encoding: String?
    /// Clean body text: the text a reader sees, paragraphs separated by newlines.
    public var text: String
    /// Non-fatal problems met while ingesting ("invalid UTF-8 replaced", "no article body found").
    public var warnings: [String]

    public init(
        id: String, title: String? = nil, outlet: String? = nil, author: String? = nil, url: String? = nil,
        published: CalendarDate? = nil, encoding: String? = nil, text: String, warnings: [String] = []
    ) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.author = author
        self.url = url
        self.published = published
        self.encoding = encoding
        self.text = text
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id = "doc", title, outlet, author, url, published, encoding, text, warnings
    }

    /// Encodes every field, `null` included, as `docs/contract.md` (`tally ingest`) lists them.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeFields([
            (CodingKeys.id, id), (.title, title), (.outlet, outlet), (.author, author), (.url, url), (.published, published),
            (.encoding, encoding), (.text, text), (.warnings, warnings),
        ])
    }
}
