import Foundation
import TallyCore

/// A SQLite file of documents, claims and findings in plain tables a user can query with
/// `sqlite3` (`tally report --db FILE`). A second run asks `storedClaims` for each document and
/// skips extraction when the document's content and the rules are unchanged.
///
/// Tables: `documents(doc, title, outlet, author, published, url, encoding, content_hash,
/// rules_hash, claims)`, `claims(id, doc, kind, value, low, high, qualifier, unit, scope, subject,
/// event, speaker, quote, start, "end", sentence, rule, story)` (story: a JSON array of words),
/// `findings(id, verdict, kind, subject, event, reason)`, `finding_claims(finding_id, claim_id,
/// position)`. Every write is one transaction. Stores of schema versions 1 and 2 are upgraded on open.
public final class ClaimStore {
    public static let schemaVersion = 3
    public let path: String
    let db: SQLiteDatabase

    /// A document with the claims extracted from it and the hashes they were extracted under.
    public struct Entry: Sendable {
        public var document: Document
        public var contentHash: String
        public var rulesHash: String
        public var claims: [Claim]

        public init(document: Document, contentHash: String, rulesHash: String, claims: [Claim]) {
            self.document = document
            self.contentHash = contentHash
            self.rulesHash = rulesHash
            self.claims = claims
        }
    }

    /// Opens (creating if needed) the store at `path`; a file that is not a Tally store is an error, and
    /// is left unchanged (see `prepareSchema`).
    public init(path: String) throws(StoreError) {
        self.path = path
        db = try SQLiteDatabase(path: path)
        do throws(StoreError) {
            try db.execute("PRAGMA foreign_keys = ON")
            try prepareSchema()
        } catch {
            throw StoreError(description: "cannot open store \(path): " + error.description.replacingPrefix("store \(path): "))
        }
    }

    /// The hash `storedClaims` compares: the text and the reference date relative expressions use.
    public static func contentHash(of document: Document) -> String {
        ContentHash.sha256((document.published?.iso ?? "") + "\u{0}" + document.text)
    }

    /// The claims stored for `doc` when they were extracted from the same content with the same
    /// rules; nil when the document is new or changed (then extract and `replace` it).
    public func storedClaims(doc: String, contentHash: String, rulesHash: String) throws(StoreError) -> [Claim]? {
        let match = try db.prepare("SELECT 1 FROM documents WHERE doc = ? AND content_hash = ? AND rules_hash = ?")
            .rows([.text(doc), .text(contentHash), .text(rulesHash)]) { _ in true }
        guard !match.isEmpty else { return nil }
        return try claims(doc: doc)
    }

    /// Replaces one document's row and all its claims.
    public func replace(_ entry: Entry) throws(StoreError) { try replace([entry]) }

    /// Replaces several documents and their claims in one transaction (fast for large runs).
    public func replace(_ entries: [Entry]) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            let upsert = try db.prepare("""
                INSERT INTO documents(doc, title, outlet, author, published, url, encoding, content_hash, rules_hash, claims)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(doc) DO UPDATE SET title = excluded.title, outlet = excluded.outlet, author = excluded.author,
                  published = excluded.published, url = excluded.url, encoding = excluded.encoding,
                  content_hash = excluded.content_hash, rules_hash = excluded.rules_hash, claims = excluded.claims
                """)
            let delete = try db.prepare("DELETE FROM claims WHERE doc = ?")
            let insert = try insertClaimStatement()
            for entry in entries {
                let d = entry.document
                try upsert.run([.text(d.id), SQLValue(d.title), SQLValue(d.outlet), SQLValue(d.author), SQLValue(d.published?.iso),
                                SQLValue(d.url), SQLValue(d.encoding), .text(entry.contentHash), .text(entry.rulesHash),
                                SQLValue(entry.claims.count)])
                try delete.run([.text(d.id)])
                for claim in entry.claims { try insert.run(Self.values(claim, doc: d.id)) }
            }
        }
    }

    /// Forgets a document and its claims (and their places in findings).
    public func remove(doc: String) throws(StoreError) {
        try db.transaction { () throws(StoreError) in try db.prepare("DELETE FROM documents WHERE doc = ?").run([.text(doc)]) }
    }

    /// Replaces all findings. Each finding's claims are matched to stored claims by document and
    /// offsets; a claim the store does not hold yet is added (under a document row with empty hashes).
    public func replaceFindings(_ findings: [Finding]) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            try db.execute("DELETE FROM finding_claims; DELETE FROM findings;")
            let insertFinding = try db.prepare("INSERT INTO findings(verdict, kind, subject, event, reason) VALUES (?, ?, ?, ?, ?)")
            let link = try db.prepare("INSERT OR IGNORE INTO finding_claims(finding_id, claim_id, position) VALUES (?, ?, ?)")
            let find = try db.prepare("""
                SELECT id FROM claims WHERE doc = ? AND start = ? AND "end" = ? AND quote = ?
                ORDER BY (kind = ?) DESC, (rule = ?) DESC, id LIMIT 1
                """)
            let placeholder = try db.prepare(
                "INSERT OR IGNORE INTO documents(doc, content_hash, rules_hash, claims) VALUES (?, '', '', 0)")
            let insertClaim = try insertClaimStatement()
            for finding in findings.inReportOrder() {
                try insertFinding.run([.text(finding.verdict.rawValue), .text(finding.kind), SQLValue(finding.subject),
                                       SQLValue(finding.event), .text(finding.reason)])
                let findingID = db.lastInsertID
                for item in finding.claims {
                    let c = item.claim
                    var id = try find.rows([.text(c.doc), SQLValue(c.start), SQLValue(c.end), .text(c.quote), .text(c.kind),
                                            .text(c.rule)]) { row in Int64(row.int(0)) }.first
                    if id == nil {
                        try placeholder.run([.text(c.doc)])
                        var stored = c
                        if stored.kind.isEmpty { stored.kind = finding.kind }
                        if stored.subject == nil { stored.subject = finding.subject }
                        if stored.event == nil { stored.event = finding.event }
                        try insertClaim.run(Self.values(stored, doc: c.doc))
                        id = db.lastInsertID
                    }
                    try link.run([.integer(findingID), .integer(id!), SQLValue(item.position)])
                }
            }
        }
    }

    /// Stored claims, of one document or all, in document then text order.
    public func claims(doc: String? = nil) throws(StoreError) -> [Claim] {
        let sql = "SELECT \(Self.claimColumns) FROM claims" + (doc == nil ? "" : " WHERE doc = ?") + " ORDER BY doc, start, id"
        return try db.prepare(sql).rows(doc.map { [.text($0)] } ?? []) { Self.claim($0, from: 0) }
    }

    /// Stored documents as the report lists them.
    public func documents() throws(StoreError) -> [DocumentSummary] {
        try db.prepare("SELECT doc, title, outlet, published, url, claims FROM documents ORDER BY doc").rows { row in
            DocumentSummary(doc: row.text(0) ?? "", title: row.text(1), outlet: row.text(2), published: row.text(3).flatMap(CalendarDate.init(iso:)),
                            url: row.text(4), claims: row.int(5))
        }
    }

    /// Stored findings with their claims, most severe first.
    public func findings() throws(StoreError) -> [Finding] {
        var findings = try db.prepare("SELECT id, verdict, kind, subject, event, reason FROM findings ORDER BY id").rows { row in
            (row.int(0), Finding(verdict: Verdict(rawValue: row.text(1) ?? "") ?? .variance, kind: row.text(2) ?? "",
                                 subject: row.text(3), event: row.text(4), reason: row.text(5) ?? "", claims: []))
        }
        let links = try db.prepare("""
            SELECT fc.finding_id, fc.position, \(Self.claimColumns.split(separator: ", ").map { "c." + $0 }.joined(separator: ", "))
            FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id ORDER BY fc.finding_id, fc.position, c.doc, c.start
            """).rows { row in (row.int(0), FindingClaim(claim: Self.claim(row, from: 2), position: row.int(1))) }
        var index: [Int: Int] = [:]
        for (offset, item) in findings.enumerated() { index[item.0] = offset }
        for (findingID, claim) in links {
            if let offset = index[findingID] { findings[offset].1.claims.append(claim) }
        }
        return findings.map(\.1)
    }

    // MARK: Rows

    static let schema = """
        CREATE TABLE documents (
          doc TEXT PRIMARY KEY, title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT, encoding TEXT,
          content_hash TEXT NOT NULL, rules_hash TEXT NOT NULL, claims INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE claims (
          id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
          kind TEXT NOT NULL, value, low, high, qualifier TEXT NOT NULL, unit TEXT, scope TEXT,
          subject TEXT, event TEXT, speaker TEXT, quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
          sentence TEXT NOT NULL, rule TEXT NOT NULL, story TEXT, status TEXT);
        CREATE INDEX claims_by_doc ON claims(doc, start);
        CREATE TABLE findings (
          id INTEGER PRIMARY KEY, verdict TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT, event TEXT, reason TEXT NOT NULL);
        CREATE TABLE finding_claims (
          finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
          claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
          position INTEGER NOT NULL, PRIMARY KEY (finding_id, claim_id));
        CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id);
        PRAGMA user_version = 3;
        """

    /// The claims table's columns after `id`: one per claim field, in table order, each name quoted
    /// (`end` is an SQL keyword). `schema` creates them; `ClaimStoreTests` checks that the two agree.
    static let claimColumns = ClaimField.allCases.map { "\"\($0.name)\"" }.joined(separator: ", ")

    func insertClaimStatement() throws(StoreError) -> SQLiteStatement {
        let slots = Array(repeating: "?", count: ClaimField.allCases.count).joined(separator: ", ")
        return try db.prepare("INSERT INTO claims(\(Self.claimColumns)) VALUES (\(slots))")
    }

    /// A claim's row under `doc`, a column per field.
    static func values(_ c: Claim, doc: String) -> [SQLValue] {
        c.fieldValues.map { field, value in
            if field == .doc { return .text(doc) }
            switch value {
            case .text(let text), .keyword(let text): return SQLValue(text)
            case .figure(let figure): return sql(figure)
            case .integer(let n): return n.map(SQLValue.init) ?? .null
            case .words(let words): return SQLValue(words.map(storyJSON))
            }
        }
    }

    /// Numbers as SQL numbers (integers when whole) so `WHERE value > 300` works; dates as ISO text.
    static func sql(_ figure: Figure?) -> SQLValue {
        switch figure {
        case nil: return .null
        case .date(let date)?: return .text(date.iso)
        case .number(let n)?: return n == n.rounded() && abs(n) < 9e15 ? .integer(Int64(n)) : .real(n)
        }
    }

    static func figure(_ value: SQLValue) -> Figure? {
        switch value {
        case .null: return nil
        case .integer(let n): return .number(Double(n))
        case .real(let x): return .number(x)
        case .text(let text): return CalendarDate(iso: text).map(Figure.date) ?? Double(text).map(Figure.number)
        }
    }

    /// A story signature as a JSON array, so `json_each(story)` works in queries.
    static func storyJSON(_ words: [String]) -> String {
        "[" + words.map(JSONText.string).joined(separator: ",") + "]"
    }

    static func story(fromJSON text: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// The claim in a row's `claimColumns`, starting at column `first`. A value that does not fit its
    /// field (NULL where there must be text, a qualifier this Tally does not know) leaves the field as in
    /// `Claim.empty`: a store written by another version still reads.
    static func claim(_ row: SQLiteStatement, from first: Int32) -> Claim {
        var claim = Claim.empty
        for (offset, field) in ClaimField.allCases.enumerated() {
            let column = first + Int32(offset)
            let value: ClaimFieldValue
            switch field.shape {
            case .text: value = .text(row.text(column))
            case .keyword: value = .keyword(row.text(column))
            case .figure: value = .figure(figure(row.value(column)))
            case .integer: value = .integer(row.int(column))
            case .words: value = .words(row.text(column).flatMap(story(fromJSON:)))
            }
            _ = field.set(value, in: &claim)
        }
        return claim
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
