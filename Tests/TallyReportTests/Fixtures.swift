import TallyCore

/// Hand-built documents, claims and findings shaped like the sample corpus's discrepancies
/// (children 339 vs "nearly 400"; bodies per side vs total; prisoner figures that vary).
/// The article text is invented for the tests.
enum Fixtures {
    static let textA = """
        Talks end in an hour
        Zelensky said Kyiv had given Moscow a list of nearly 400 children it says were deported. \
        Both sides agreed to swap at least 1,000 prisoners of war.
        """
    static let textB = """
        Second round of talks
        Medinsky said the list counted 339 children, and that Russia would "study" it. \
        Umerov said the sides agreed a 6,000-for-6,000 exchange of bodies, 12,000 in all. \
        The swap could cover between 1,000 and 1,200 prisoners | "captives" <script>alert(1)</script>.
        """

    static let documentA = Document(id: "a.txt", title: "Talks end in an hour", outlet: "Daily Example",
                                    url: "https://example.org/a?x=1&y=2", published: CalendarDate(iso: "2025-06-02"), text: textA)
    static let documentB = Document(id: "b.txt", title: "Second round of talks", outlet: nil,
                                    published: CalendarDate(iso: "2025-06-02"), text: textB)

    /// A claim whose offsets and sentence are computed from the document text.
    static func claim(_ document: Document, _ quote: String, kind: String, value: Double?, low: Double?, high: Double?,
                      qualifier: Qualifier, scope: Scope? = nil, subject: String?, speaker: String?) -> Claim {
        let scalars = Array(document.text.unicodeScalars)
        let needle = Array(quote.unicodeScalars)
        var start = 0
        while !scalars[start..<(start + needle.count)].elementsEqual(needle) { start += 1 }
        let end = start + needle.count
        // Sentence: from after the previous ". " or newline to the next ". " or end of text.
        var s = start
        while s > 0, !(scalars[s - 1] == "\n" || (s >= 2 && scalars[s - 2] == "." && scalars[s - 1] == " ")) { s -= 1 }
        var e = end
        while e < scalars.count, !(scalars[e] == "." && (e + 1 == scalars.count || scalars[e + 1] == " ")) { e += 1 }
        if e < scalars.count { e += 1 }
        var sentence = String.UnicodeScalarView()
        sentence.append(contentsOf: scalars[s..<e])
        return Claim(doc: document.id, kind: kind, value: value.map(Figure.number), low: low.map(Figure.number),
                     high: high.map(Figure.number), qualifier: qualifier, unit: nil, scope: scope, subject: subject,
                     event: "round 2", speaker: speaker, quote: quote, start: start, end: end,
                     sentence: String(sentence), rule: "\(kind).test")
    }

    static let nearly400 = claim(documentA, "nearly 400 children", kind: "children", value: 400, low: nil, high: 400,
                                 qualifier: .lessThan, subject: "children on Ukraine's list", speaker: "Zelensky")
    static let exact339 = claim(documentB, "339 children", kind: "children", value: 339, low: 339, high: 339,
                                qualifier: .exact, subject: "children on Ukraine's list", speaker: "Medinsky")
    static let perSide = claim(documentB, "6,000-for-6,000", kind: "bodies", value: 6000, low: 6000, high: 6000,
                               qualifier: .exact, scope: .perSide, subject: "bodies exchange", speaker: "Umerov")
    static let total = claim(documentB, "12,000", kind: "bodies", value: 12000, low: 12000, high: 12000,
                             qualifier: .exact, scope: .total, subject: "bodies exchange", speaker: "Umerov")
    static let atLeast1000 = claim(documentA, "at least 1,000 prisoners", kind: "prisoners", value: 1000, low: 1000,
                                   high: nil, qualifier: .atLeast, subject: "prisoner exchange", speaker: nil)
    static let range = claim(documentB, "between 1,000 and 1,200 prisoners | \"captives\" <script>alert(1)</script>",
                             kind: "prisoners", value: nil, low: 1000, high: 1200, qualifier: .range,
                             subject: "prisoner exchange", speaker: nil)

    static let conflict = Finding(
        verdict: .conflict, kind: "children", subject: "children on Ukraine's list", event: "round 2",
        reason: "Zelensky says nearly 400 children; Medinsky says 339 — the figures do not overlap",
        claims: [FindingClaim(claim: exact339, position: 2), FindingClaim(claim: nearly400, position: 1)])
    static let framing = Finding(
        verdict: .framing, kind: "bodies", subject: "bodies exchange", event: "round 2",
        reason: "6,000 per side is 12,000 in total", claims: [FindingClaim(claim: perSide, position: 1),
                                                              FindingClaim(claim: total, position: 1)])
    static let variance = Finding(
        verdict: .variance, kind: "prisoners", subject: "prisoner exchange", event: "round 2",
        reason: "Figures from at least 1,000 to 1,200 overlap", claims: [FindingClaim(claim: atLeast1000, position: 1),
                                                                          FindingClaim(claim: range, position: 1)])

    /// Findings deliberately out of severity order.
    static let report = Report(
        documents: [
            DocumentSummary(doc: "a.txt", title: documentA.title, outlet: documentA.outlet, published: CalendarDate(iso: "2025-06-02"),
                            url: documentA.url, claims: 2),
            DocumentSummary(doc: "b.txt", title: documentB.title, outlet: nil, published: CalendarDate(iso: "2025-06-02"), claims: 4),
        ],
        findings: [variance, conflict, framing],
        skipped: [SkippedInput(path: "empty.txt", reason: "empty file")])
}
