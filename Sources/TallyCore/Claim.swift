/// One numeric claim an article makes: the figure, what it counts, about which event, said by whom.
///
/// The JSON shape is the public contract of `tally extract` (`docs/contract.md`): every field is
/// written, `null` included, in the order of `ClaimField`, the one list of the fields.
public struct Claim: Sendable, Hashable, Codable {
    public var doc: String
    public var kind: String
    public var value: Figure?
    public var low: Figure?
    public var high: Figure?
    public var qualifier: Qualifier
    public var unit: String?
    public var scope: Scope?
    public var subject: String?
    public var event: String?
    public var speaker: String?
    public var quote: String
    public var start: Int
    public var end: Int
    public var sentence: String
    public var rule: String
    /// Proper names that identify the article's story; claims whose stories share none are not compared.
    public var story: [String]?
    /// Plan, projection, increment, subset or total to date; nil for a figure stated as done.
    public var status: ClaimStatus?
    /// The direction the figure moved, as stated ("rose", "down"), from its quantity; nil when none is.
    public var change: Change?
    /// The level it moved from, where stated ("slid from $41,200 to $39,870").
    public var from: Figure?

    @inlinable
    public init(
        doc: String, kind: String, value: Figure?, low: Figure?, high: Figure?, qualifier: Qualifier,
        unit: String?, scope: Scope?, subject: String?, event: String?, speaker: String?,
        quote: String, start: Int, end: Int, sentence: String, rule: String, story: [String]? = nil,
        status: ClaimStatus? = nil, change: Change? = nil, from: Figure? = nil
    ) {
        self.doc = doc
        self.kind = kind
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.unit = unit
        self.scope = scope
        self.subject = subject
        self.event = event
        self.speaker = speaker
        self.quote = quote
        self.start = start
        self.end = end
        self.sentence = sentence
        self.rule = rule
        self.story = story
        self.status = status
        self.change = change
        self.from = from
    }
}
