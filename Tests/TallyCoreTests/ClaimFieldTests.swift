import Foundation
import Testing

@testable import TallyCore

/// The claim's field table: contract order, and every field read and written by the same entry.
@Suite struct ClaimFieldTests {
    /// The fields of `tally extract` in `../shared/CONTRACT.md`, in order, then `story`, `status`,
    /// `change` and `from` (added after v1).
    static let contractOrder = [
        "doc", "kind", "value", "low", "high", "qualifier", "unit", "scope", "subject", "event", "speaker", "quote", "start", "end",
        "sentence", "rule", "story", "status", "change", "from",
    ]

    /// A claim with every field set, none to its empty value.
    static let full = Claim(
        doc: "a.txt", kind: "prisoners", value: .number(1000), low: .number(1000), high: .date(CalendarDate(year: 2025, month: 6)),
        qualifier: .atLeast, unit: "people", scope: .perSide, subject: "prisoner exchange", event: "2025-06-02", speaker: "Umerov",
        quote: "at least 1,000", start: 7, end: 21, sentence: "They swapped at least 1,000.", rule: "prisoners.swap", story: ["istanbul"],
        status: .planned, change: .down, from: .number(1200))

    @Test func fieldsAreInContractOrder() {
        #expect(ClaimField.allCases.map(\.name) == Self.contractOrder)
    }

    /// The repository's `docs/contract.md` lists every claim field, in this order (it cannot fall behind the code).
    @Test func fieldsAreTheDocumentedContract() throws {
        let contract = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/contract.md")
        let text = try String(contentsOf: contract, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Claims: `tally extract").dropFirst().first?.components(separatedBy: "\n## ").first)
        var names: [String] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            names += cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
        }
        #expect(names == ClaimField.allCases.map(\.name))
    }

    /// When the shared notes are present, the table follows the contract's `tally extract` field table.
    @Test func fieldsFollowTheContractFile() throws {
        let contract = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/CONTRACT.md")
        guard let text = try? String(contentsOf: contract, encoding: .utf8) else { return }
        let section = try #require(text.components(separatedBy: "## `tally extract").dropFirst().first?.components(separatedBy: "\n## ").first)
        var names: [String] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            names += cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
        }
        #expect(!names.isEmpty)
        #expect(Array(ClaimField.allCases.map(\.name).prefix(names.count)) == names)
    }

    /// `Claim.visitFields` (how each field is read) walks the fields in the table's order, each once.
    @Test func fieldsAreVisitedInTableOrder() {
        #expect(Self.full.fieldValues.map(\.field) == ClaimField.allCases)
    }

    @Test func everyFieldWrittenBackFromItsValueGivesTheClaim() {
        var claim = Claim.empty
        for field in ClaimField.allCases {
            #expect(field.set(field.value(in: Self.full), in: &claim), "\(field)")
        }
        #expect(claim == Self.full)
        #expect(ClaimField.allCases.allSatisfy { $0.value(in: Self.full) != $0.value(in: .empty) })
    }

    @Test func valuesThatDoNotFitAreRefusedAndLeaveTheClaim() {
        let required: Set<ClaimField> = [.doc, .kind, .qualifier, .quote, .start, .end, .sentence, .rule]
        for field in ClaimField.allCases {
            var claim = Self.full
            let null: ClaimFieldValue
            switch field.shape {
            case .text: null = .text(nil)
            case .keyword: null = .keyword(nil)
            case .figure: null = .figure(nil)
            case .integer: null = .integer(nil)
            case .words: null = .words(nil)
            }
            #expect(field.set(null, in: &claim) == !required.contains(field), "\(field)")
            if required.contains(field) { #expect(claim == Self.full) }
            var other = Self.full
            let wrongShape: ClaimFieldValue = field.shape == .integer ? .text("7") : .integer(7)
            #expect(!field.set(wrongShape, in: &other) && other == Self.full, "\(field)")
        }
        var claim = Self.full
        #expect(!ClaimField.qualifier.set(.keyword("roughly"), in: &claim))
        #expect(!ClaimField.scope.set(.keyword("both"), in: &claim))
        #expect(claim == Self.full)
    }

    @Test func shapesAreWhatTheFieldsHold() {
        let shapes = Dictionary(uniqueKeysWithValues: ClaimField.allCases.map { ($0, $0.shape) })
        #expect(shapes[.value] == .figure && shapes[.high] == .figure)
        #expect(shapes[.qualifier] == .keyword && shapes[.scope] == .keyword)
        #expect(shapes[.start] == .integer && shapes[.end] == .integer)
        #expect(shapes[.story] == .words)
        #expect(ClaimField.allCases.filter { $0.shape == .text }.map(\.name) == ["doc", "kind", "unit", "subject", "event", "speaker", "quote", "sentence", "rule"])
    }
}

/// `Codable` through the table: every field written, nulls included; read back strictly as a claims
/// file, leniently as a report's finding claim.
@Suite struct ClaimCodableTests {
    func json(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    func decodeError(_ text: String) -> DecodingError? {
        do {
            _ = try JSONDecoder().decode(Claim.self, from: Data(text.utf8))
            return nil
        } catch {
            return error as? DecodingError
        }
    }

    @Test func everyFieldIsWrittenAndReadBack() throws {
        let object = try json(Claim.empty)
        #expect(Set(object.keys) == Set(ClaimFieldTests.contractOrder))
        #expect(object["value"] is NSNull && object["story"] is NSNull && object["qualifier"] as? String == "exact")
        let data = try JSONEncoder().encode(ClaimFieldTests.full)
        #expect(try JSONDecoder().decode(Claim.self, from: data) == ClaimFieldTests.full)
    }

    @Test func aClaimsFileRecordMustBeWhole() throws {
        var object = try json(ClaimFieldTests.full)
        object["kind"] = nil
        let missing = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        guard case .keyNotFound(let key, _)? = decodeError(missing) else { Issue.record("missing kind accepted"); return }
        #expect(key.stringValue == "kind")

        object = try json(ClaimFieldTests.full)
        object["start"] = NSNull()
        let null = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        guard case .valueNotFound(_, let context)? = decodeError(null) else { Issue.record("null start accepted"); return }
        #expect(context.codingPath.map(\.stringValue) == ["start"])

        object = try json(ClaimFieldTests.full)
        object["qualifier"] = "roughly"
        let unknown = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        guard case .dataCorrupted(let context)? = decodeError(unknown) else { Issue.record("unknown qualifier accepted"); return }
        #expect(context.codingPath.map(\.stringValue) == ["qualifier"])

        object = try json(ClaimFieldTests.full)
        object["story"] = nil
        object["unit"] = nil
        let optional = try JSONSerialization.data(withJSONObject: object)
        let claim = try JSONDecoder().decode(Claim.self, from: optional)
        #expect(claim.story == nil && claim.unit == nil && claim.quote == ClaimFieldTests.full.quote)
    }

    @Test func aFindingClaimWritesTheReportFieldsAndReadsLeniently() throws {
        let object = try json(FindingClaim(claim: ClaimFieldTests.full, position: 2))
        #expect(Set(object.keys) == ["doc", "quote", "value", "low", "high", "qualifier", "unit", "scope", "speaker", "start", "end", "position", "sentence", "rule"])
        let back = try JSONDecoder().decode(FindingClaim.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(back.position == 2 && back.claim.kind == "" && back.claim.sentence == ClaimFieldTests.full.sentence)
        var partial = object
        partial["sentence"] = nil
        partial["rule"] = nil
        #expect(try JSONDecoder().decode(FindingClaim.self, from: JSONSerialization.data(withJSONObject: partial)).claim.rule == "")
        partial["quote"] = nil
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FindingClaim.self, from: JSONSerialization.data(withJSONObject: partial)) }
    }

    /// The shared helper writes `null` for every nil field of every contract record.
    @Test func recordsWriteTheirNilFieldsAsNull() throws {
        let document = try json(Document(id: "x", text: "t"))
        #expect(Set(document.keys) == ["doc", "title", "outlet", "author", "url", "published", "encoding", "text", "warnings"])
        #expect(document["published"] is NSNull && document["title"] is NSNull)
        #expect(try json(Document(id: "x", published: CalendarDate(year: 2025, month: 6, day: 2), text: "t"))["published"] as? String == "2025-06-02")
        let summary = try json(DocumentSummary(doc: "x", title: nil, outlet: nil, published: nil, claims: 0))
        #expect(Set(summary.keys) == ["doc", "title", "outlet", "published", "url", "claims", "author"] && summary["url"] is NSNull)
        let finding = try json(Finding(verdict: .agreement, kind: "k", subject: nil, event: nil, reason: "r", claims: []))
        #expect(finding["subject"] is NSNull && finding["event"] is NSNull)
    }
}
