/// Claims that are in no finding, counted by why: a reader of a report with few findings learns whether
/// the rules gave the figures no subject, or the sources simply counted different things.
public struct UnpairedClaims: Sendable, Hashable, Codable {
    /// No subject (or no figure to compare): such claims are never compared.
    public var noSubject: Int
    /// The only claim on its subject: one source counted it.
    public var alone: Int
    /// Others share its subject, but at another event (another day, another round) or in another story.
    public var otherEvent: Int

    public init(noSubject: Int = 0, alone: Int = 0, otherEvent: Int = 0) {
        self.noSubject = noSubject
        self.alone = alone
        self.otherEvent = otherEvent
    }

    public var total: Int { noSubject + alone + otherEvent }

    enum CodingKeys: String, CodingKey {
        case noSubject = "no_subject", alone = "only_claim_on_subject", otherEvent = "other_event"
    }

    /// "148 claims found no partner: 90 without a subject, 40 the only claim on their subject, 18 about
    /// another event or story." — the last line of a report.
    public var sentence: String {
        guard total > 0 else { return "Every claim with a subject found a partner." }
        var parts: [String] = []
        if noSubject > 0 { parts.append("\(noSubject) without a subject") }
        if alone > 0 { parts.append("\(alone) the only claim on \(alone == 1 ? "its" : "their") subject") }
        if otherEvent > 0 { parts.append("\(otherEvent) about another event or story than the others on \(otherEvent == 1 ? "its" : "their") subject") }
        return "\(total) claim\(total == 1 ? "" : "s") found no partner: " + parts.joined(separator: ", ") + "."
    }
}
