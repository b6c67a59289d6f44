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

    enum CodingKeys: String, CodingKey {
        case doc, quote, value, low, high, qualifier, unit, scope, speaker, start, end, position
        case kind, subject, event, sentence, rule
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        claim = Claim(
            doc: try c.decode(String.self, forKey: .doc),
            kind: try c.decodeIfPresent(String.self, forKey: .kind) ?? "",
            value: try c.decodeIfPresent(Figure.self, forKey: .value),
            low: try c.decodeIfPresent(Figure.self, forKey: .low),
            high: try c.decodeIfPresent(Figure.self, forKey: .high),
            qualifier: try c.decode(Qualifier.self, forKey: .qualifier),
            unit: try c.decodeIfPresent(String.self, forKey: .unit),
            scope: try c.decodeIfPresent(Scope.self, forKey: .scope),
            subject: try c.decodeIfPresent(String.self, forKey: .subject),
            event: try c.decodeIfPresent(String.self, forKey: .event),
            speaker: try c.decodeIfPresent(String.self, forKey: .speaker),
            quote: try c.decode(String.self, forKey: .quote),
            start: try c.decode(Int.self, forKey: .start),
            end: try c.decode(Int.self, forKey: .end),
            sentence: try c.decodeIfPresent(String.self, forKey: .sentence) ?? "",
            rule: try c.decodeIfPresent(String.self, forKey: .rule) ?? "")
        position = try c.decode(Int.self, forKey: .position)
    }

    /// The contract's finding-claim fields, plus `sentence` and `rule` so a report can show context.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claim.doc, forKey: .doc)
        try c.encode(claim.quote, forKey: .quote)
        try c.encode(claim.value, forKey: .value)
        try c.encode(claim.low, forKey: .low)
        try c.encode(claim.high, forKey: .high)
        try c.encode(claim.qualifier, forKey: .qualifier)
        try c.encode(claim.unit, forKey: .unit)
        try c.encode(claim.scope, forKey: .scope)
        try c.encode(claim.speaker, forKey: .speaker)
        try c.encode(claim.start, forKey: .start)
        try c.encode(claim.end, forKey: .end)
        try c.encode(position, forKey: .position)
        try c.encode(claim.sentence, forKey: .sentence)
        try c.encode(claim.rule, forKey: .rule)
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
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(kind, forKey: .kind)
        try c.encode(subject, forKey: .subject)
        try c.encode(event, forKey: .event)
        try c.encode(reason, forKey: .reason)
        try c.encode(claims, forKey: .claims)
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

    public init(doc: String, title: String?, outlet: String?, published: CalendarDate?, url: String? = nil, claims: Int) {
        self.doc = doc
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
        self.claims = claims
    }

    enum CodingKeys: String, CodingKey { case doc, title, outlet, published, url, claims }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(title, forKey: .title)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(published, forKey: .published)
        try c.encode(url, forKey: .url)
        try c.encode(claims, forKey: .claims)
    }
}

/// The whole discrepancy report: `tally report --format json` (contract version 1).
public struct Report: Sendable, Hashable, Codable {
    public var version: Int
    public var documents: [DocumentSummary]
    public var findings: [Finding]
    /// Inputs that could not be read, with the reason (not part of contract v1's required fields).
    public var skipped: [SkippedInput]

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
