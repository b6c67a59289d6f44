import TallyCore

/// The order and counts every report rendering shares.
enum ReportOrder {
    /// A finding's claims by position, then document, then offset.
    static func claims(_ finding: Finding) -> [FindingClaim] {
        finding.claims.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.position != y.position { return x.position < y.position }
            if x.claim.doc != y.claim.doc { return x.claim.doc < y.claim.doc }
            if x.claim.start != y.claim.start { return x.claim.start < y.claim.start }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Marks for positions: letters (A, B, …) when the finding has several sides, "•" otherwise.
    /// In a conflict, position 0 marks claims that fit every side ("less than two hours" between "about an
    /// hour" and "90 minutes"): they are shown as `≈`, "fits every side", not as a side of their own.
    static func positionMarks(_ finding: Finding) -> [Int: String] {
        let positions = Array(Set(finding.claims.map(\.position))).sorted()
        guard positions.count > 1 else { return Dictionary(uniqueKeysWithValues: positions.map { ($0, "•") }) }
        var marks: [Int: String] = [:]
        for (index, position) in positions.filter({ $0 != 0 }).enumerated() { marks[position] = sideName(index) }
        if positions.contains(0) { marks[0] = neutralMark }
        return marks
    }

    /// The mark of claims compatible with every side of a conflict.
    static let neutralMark = "≈"

    /// A, B, … Z, AA, AB, …
    static func sideName(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : sideName(index / 26 - 1) + String(letters[index % 26])
    }

    /// "2 conflict, 1 framing, 3 variance" (verdicts with no findings left out).
    static func verdictCounts(_ findings: [Finding]) -> [(Verdict, Int)] {
        Verdict.allCases.compactMap { verdict in
            let count = findings.filter { $0.verdict == verdict }.count
            return count > 0 ? (verdict, count) : nil
        }
    }

    static func claimCount(_ report: Report) -> Int { report.documents.reduce(0) { $0 + $1.claims } }

    /// "children — children on Ukraine's list (round 2)".
    static func heading(_ finding: Finding) -> String {
        var text = finding.kind
        if let subject = finding.subject, !subject.isEmpty, subject != finding.kind { text += " — " + subject }
        if let event = finding.event, !event.isEmpty { text += " (" + event + ")" }
        return text
    }

    /// A reason cut to about `limit` characters at a word: the list of who says what loses its end ("…"),
    /// the verdict's words after the last " — " stay when short. Nil when the reason is short already.
    static func shortened(_ reason: String, limit: Int) -> String? {
        guard reason.count > limit else { return nil }
        let cut = reason.range(of: " — ", options: .backwards).flatMap { reason.distance(from: $0.lowerBound, to: reason.endIndex) <= limit / 3 ? $0 : nil }
        let tail = cut.map { String(reason[$0.lowerBound...]) } ?? ""
        let head = cut.map { String(reason[..<$0.lowerBound]) } ?? reason
        var kept = ""
        for word in head.split(separator: " ") {
            if kept.count + 1 + word.count + tail.count + 2 > limit { break }
            kept += (kept.isEmpty ? "" : " ") + word
        }
        return kept + " …" + tail
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// "5 documents · 112 claims · 7 findings".
    static func summaryLine(_ report: Report) -> String {
        [plural(report.documents.count, "document"), plural(claimCount(report), "claim"),
         plural(report.findings.count, "finding")].joined(separator: " · ")
    }
}
