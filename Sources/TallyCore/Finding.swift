/// How claims about one subject and event relate. Cases are ordered most severe first.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The intervals are disjoint: the sources cannot all be right.
    case conflict
    /// The figures agree once scope is accounted for (per side × 2 = total; mutual vs one-way).
    case framing
    /// The intervals overlap but are stated differently.
    case variance
    /// The same figure.
    case agreement

    public var severity: Int { Verdict.allCases.firstIndex(of: self)! }
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }
}

/// One claim as a finding cites it, with the side (`position`) it takes in a conflict.
public struct FindingClaim: Sendable, Hashable, Codable {
    public var claim: Claim
    /// Claims with the same position are compatible with each other; in a conflict, different
    /// positions are incompatible.
    public var position: Int

    public init(claim: Claim, position: Int) {
        self.claim = claim
        self.position = position
    }

    /// The claim fields of contract v1's finding claims (with `position`); a report writes `sentence`
    /// and `rule` too, so it can show context, and reads back whatever claim fields it finds.
    public static let contractFields: [ClaimField] = [.doc, .quote, .value, .low, .high, .qualifier, .unit, .scope, .speaker, .start, .end]
    static let contextFields: [ClaimField] = [.sentence, .rule]
    static let position = FieldKey("position")

    public init(from decoder: any Decoder) throws {
        claim = try Claim(from: decoder.container(keyedBy: ClaimField.self), required: FindingClaim.contractFields.contains)
        position = try decoder.container(keyedBy: FieldKey.self).decode(Int.self, forKey: FindingClaim.position)
    }

    public func encode(to encoder: any Encoder) throws {
        let values = claim.fieldValues
        func fields(_ wanted: [ClaimField]) -> [(FieldKey, any Encodable)] {
            wanted.map { field in (FieldKey(field.name), values.first { $0.field == field }!.value.encodable) }
        }
        try encoder.encodeFields(fields(FindingClaim.contractFields) + [(FindingClaim.position, position)] + fields(FindingClaim.contextFields))
    }
}

/// A group of claims about one kind, subject and event, with a verdict and a one-line reason.
public struct Finding: Sendable, Hashable, Codable {
    public var verdict: Verdict
    public var kind: String
    public var subject: String?
    public var event: String?
    /// Plain English: "Zelensky says nearly 400 children; Medinsky says 339 — the figures do not overlap".
    public var reason: String
    public var claims: [FindingClaim]

    public init(verdict: Verdict, kind: String, subject: String?, event: String?, reason: String, claims: [FindingClaim]) {
        self.verdict = verdict
        self.kind = kind
        self.subject = subject
        self.event = event
        self.reason = reason
        self.claims = claims
    }

    enum CodingKeys: String, CodingKey { case verdict, kind, subject, event, reason, claims }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeFields([
            (CodingKeys.verdict, verdict), (.kind, kind), (.subject, subject), (.event, event), (.reason, reason), (.claims, claims),
        ])
    }
}

/// A document as the report lists it.
public struct DocumentSummary: Sendable, Hashable, Codable {
    public var doc: String
    public var title: String?
    public var outlet: String?
    public var published: CalendarDate?
    public var url: String?
    public var claims: Int
    /// The byline, where the page gives one (an addition to contract v1).
    public var author: String?

    public init(doc: String, title: String?, outlet: String?, published: CalendarDate?, url: String? = nil, claims: Int, author: String? = nil) {
        self.doc = doc
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
        self.claims = claims
        self.author = author
    }

    enum CodingKeys: String, CodingKey { case doc, title, outlet, published, url, claims, author }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeFields([
            (CodingKeys.doc, doc), (.title, title), (.outlet, outlet), (.published, published), (.url, url), (.claims, claims),
            (.author, author),
        ])
    }
}

/// The whole discrepancy report: `tally report --format json` (contract version 1).
public struct Report: Sendable, Hashable, Codable {
    public var version: Int
    public var documents: [DocumentSummary]
    public var findings: [Finding]
    /// Inputs that could not be read, with the reason (not part of contract v1's required fields).
    public var skipped: [SkippedInput]
    /// Claims in no finding, by why; nil when not counted (an addition to contract v1, left out when nil).
    public var unpaired: UnpairedClaims?

    public init(documents: [DocumentSummary], findings: [Finding], skipped: [SkippedInput] = []) {
        self.version = 1
        self.documents = documents
        self.findings = findings
        self.skipped = skipped
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        documents = try c.decode([DocumentSummary].self, forKey: .documents)
        findings = try c.decode([Finding].self, forKey: .findings)
        skipped = try c.decodeIfPresent([SkippedInput].self, forKey: .skipped) ?? []
        unpaired = try c.decodeIfPresent(UnpairedClaims.self, forKey: .unpaired)
    }
}

/// An input Tally could not use, and why ("empty file", "binary file (NUL bytes)").
public struct SkippedInput: Sendable, Hashable, Codable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

extension Array where Element == Finding {
    /// Most severe first (conflict, framing, variance, agreement), then by kind; otherwise in the order
    /// reconciliation gave them: the order every report renders, and the scorers read, findings in.
    public func inReportOrder() -> [Finding] {
        enumerated().sorted { a, b in
            if a.element.verdict != b.element.verdict { return a.element.verdict < b.element.verdict }
            if a.element.kind != b.element.kind { return a.element.kind < b.element.kind }
            return a.offset < b.offset
        }.map(\.element)
    }
}
