import Foundation
import TallyCore

/// A SQLite file of documents, claims and findings in plain tables a user can query with
/// `sqlite3` (`tally report --db FILE`). A second run asks `storedClaims` for each document and
/// skips extraction when the document's content and the rules are unchanged.
///
/// Each `ClaimStore` opened is one run (`ClaimStore+Runs.swift`): what it writes goes under a new row of
/// `runs`, so a run over another folder, or over the same one later, keeps the earlier runs' documents,
/// claims and findings. Reads take a run, by default the latest (`latestRun`).
///
/// Tables: `runs(id, started, finished, inputs, tally_version, rules_hash)`, `documents(doc, title,
/// outlet, author, published, url, encoding, content_hash, rules_hash, claims, run_id)`, `claims(id, doc,
/// kind, value, low, high, qualifier, unit, scope, subject, event, speaker, quote, start, "end", sentence,
/// rule, story, status, run_id)` (story: a JSON array of words), `findings(id, verdict, kind, subject, event,
/// reason, run_id)`, `finding_claims(finding_id, claim_id, position)`, and views `latest_documents`,
/// `latest_claims`, `latest_findings` of the latest run. Every write is one transaction. Stores of schema
/// versions 1 to 3 are upgraded on open (`ClaimStore+Schema.swift`).
public final class ClaimStore {
    public static let schemaVersion = 5
    public let path: String
    let db: SQLiteDatabase
    /// The run this store writes into, once its first write made it (`currentRun`).
    public internal(set) var run: Int64?
    /// What `beginRun` said the run is, for the row its first write makes.
    var plannedRun: (inputs: [String], toolVersion: String?, rulesHash: String?)?

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
    /// rules, in whichever run (the latest such); nil when the document is new or changed (then extract
    /// and `replace` it).
    public func storedClaims(doc: String, contentHash: String, rulesHash: String) throws(StoreError) -> [Claim]? {
        let match = try db.prepare("""
            SELECT run_id FROM documents WHERE doc = ? AND content_hash = ? AND rules_hash = ? ORDER BY run_id DESC LIMIT 1
            """).rows([.text(doc), .text(contentHash), .text(rulesHash)]) { Int64($0.int(0)) }
        guard let run = match.first else { return nil }
        return try claims(doc: doc, run: run)
    }

    /// Replaces one document's row and all its claims in this run.
    public func replace(_ entry: Entry) throws(StoreError) { try replace([entry]) }

    /// Replaces several documents and their claims in this run, in one transaction (fast for large runs).
    /// Other runs' rows of the same documents stay as they were.
    public func replace(_ entries: [Entry]) throws(StoreError) {
        let run = try currentRun()
        try db.transaction { () throws(StoreError) in
            let upsert = try db.prepare("""
                INSERT INTO documents(run_id, doc, title, outlet, author, published, url, encoding, content_hash, rules_hash, claims)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(run_id, doc) DO UPDATE SET title = excluded.title, outlet = excluded.outlet, author = excluded.author,
                  published = excluded.published, url = excluded.url, encoding = excluded.encoding,
                  content_hash = excluded.content_hash, rules_hash = excluded.rules_hash, claims = excluded.claims
                """)
            let delete = try db.prepare("DELETE FROM claims WHERE run_id = ? AND doc = ?")
            let insert = try insertClaimStatement()
            for entry in entries {
                let d = entry.document
                try upsert.run([.integer(run), .text(d.id), SQLValue(d.title), SQLValue(d.outlet), SQLValue(d.author),
                                SQLValue(d.published?.iso), SQLValue(d.url), SQLValue(d.encoding), .text(entry.contentHash),
                                .text(entry.rulesHash), SQLValue(entry.claims.count)])
                try delete.run([.integer(run), .text(d.id)])
                for claim in entry.claims { try insert.run([.integer(run)] + Self.values(claim, doc: d.id)) }
            }
        }
    }

    /// Forgets a document of this run and its claims (and their places in findings); other runs keep theirs.
    public func remove(doc: String) throws(StoreError) {
        guard let run else { return }
        try db.transaction { () throws(StoreError) in
            try db.prepare("DELETE FROM documents WHERE run_id = ? AND doc = ?").run([.integer(run), .text(doc)])
        }
    }

    /// Replaces this run's findings, and marks the run finished (the latest run reads go to). Each
    /// finding's claims are matched to the run's stored claims by document and offsets; a claim the run
    /// does not hold yet is added (under a document row with empty hashes).
    public func replaceFindings(_ findings: [Finding]) throws(StoreError) {
        let run = try currentRun()
        try db.transaction { () throws(StoreError) in
            try db.prepare("DELETE FROM findings WHERE run_id = ?").run([.integer(run)])
            let insertFinding = try db.prepare(
                "INSERT INTO findings(run_id, verdict, kind, subject, event, reason) VALUES (?, ?, ?, ?, ?, ?)")
            let link = try db.prepare("INSERT OR IGNORE INTO finding_claims(finding_id, claim_id, position) VALUES (?, ?, ?)")
            let find = try db.prepare("""
                SELECT id FROM claims WHERE run_id = ? AND doc = ? AND start = ? AND "end" = ? AND quote = ?
                ORDER BY (kind = ?) DESC, (rule = ?) DESC, id LIMIT 1
                """)
            let placeholder = try db.prepare(
                "INSERT OR IGNORE INTO documents(run_id, doc, content_hash, rules_hash, claims) VALUES (?, ?, '', '', 0)")
            let insertClaim = try insertClaimStatement()
            for finding in findings.inReportOrder() {
                try insertFinding.run([.integer(run), .text(finding.verdict.rawValue), .text(finding.kind), SQLValue(finding.subject),
                                       SQLValue(finding.event), .text(finding.reason)])
                let findingID = db.lastInsertID
                for item in finding.claims {
                    let c = item.claim
                    var id = try find.rows([.integer(run), .text(c.doc), SQLValue(c.start), SQLValue(c.end), .text(c.quote),
                                            .text(c.kind), .text(c.rule)]) { row in Int64(row.int(0)) }.first
                    if id == nil {
                        try placeholder.run([.integer(run), .text(c.doc)])
                        var stored = c
                        if stored.kind.isEmpty { stored.kind = finding.kind }
                        if stored.subject == nil { stored.subject = finding.subject }
                        if stored.event == nil { stored.event = finding.event }
                        try insertClaim.run([.integer(run)] + Self.values(stored, doc: c.doc))
                        id = db.lastInsertID
                    }
                    try link.run([.integer(findingID), .integer(id!), SQLValue(item.position)])
                }
            }
            try db.prepare("UPDATE runs SET finished = \(Self.now) WHERE id = ?").run([.integer(run)])
        }
    }

    /// Stored claims of one run (by default the latest), of one document or all, in document then text order.
    public func claims(doc: String? = nil, run: Int64? = nil) throws(StoreError) -> [Claim] {
        guard let run = try chosen(run) else { return [] }
        let sql = "SELECT \(Self.claimColumns) FROM claims WHERE run_id = ?" + (doc == nil ? "" : " AND doc = ?") + " ORDER BY doc, start, id"
        return try db.prepare(sql).rows([.integer(run)] + (doc.map { [.text($0)] } ?? [])) { Self.claim($0, from: 0) }
    }

    /// Stored documents of one run (by default the latest) as the report lists them.
    public func documents(run: Int64? = nil) throws(StoreError) -> [DocumentSummary] {
        guard let run = try chosen(run) else { return [] }
        return try db.prepare("SELECT doc, title, outlet, published, url, claims FROM documents WHERE run_id = ? ORDER BY doc")
            .rows([.integer(run)]) { row in
                DocumentSummary(doc: row.text(0) ?? "", title: row.text(1), outlet: row.text(2), published: row.text(3).flatMap(CalendarDate.init(iso:)),
                                url: row.text(4), claims: row.int(5))
            }
    }

    /// Stored findings of one run (by default the latest) with their claims, most severe first.
    public func findings(run: Int64? = nil) throws(StoreError) -> [Finding] {
        guard let run = try chosen(run) else { return [] }
        var findings = try db.prepare("SELECT id, verdict, kind, subject, event, reason FROM findings WHERE run_id = ? ORDER BY id")
            .rows([.integer(run)]) { row in
                (row.int(0), Finding(verdict: Verdict(rawValue: row.text(1) ?? "") ?? .variance, kind: row.text(2) ?? "",
                                     subject: row.text(3), event: row.text(4), reason: row.text(5) ?? "", claims: []))
            }
        let links = try db.prepare("""
            SELECT fc.finding_id, fc.position, \(Self.claimColumns.split(separator: ", ").map { "c." + $0 }.joined(separator: ", "))
            FROM findings f JOIN finding_claims fc ON fc.finding_id = f.id JOIN claims c ON c.id = fc.claim_id
            WHERE f.run_id = ? ORDER BY fc.finding_id, fc.position, c.doc, c.start
            """).rows([.integer(run)]) { row in (row.int(0), FindingClaim(claim: Self.claim(row, from: 2), position: row.int(1))) }
        var index: [Int: Int] = [:]
        for (offset, item) in findings.enumerated() { index[item.0] = offset }
        for (findingID, claim) in links {
            if let offset = index[findingID] { findings[offset].1.claims.append(claim) }
        }
        return findings.map(\.1)
    }

    // MARK: Rows

    /// Version 4. `run_id` comes last in each table, after the columns earlier versions had, so a
    /// `SELECT *` written for them still finds its columns where it did.
    static let schema = """
        CREATE TABLE runs (
          id INTEGER PRIMARY KEY, started TEXT, finished TEXT, inputs TEXT, tally_version TEXT, rules_hash TEXT);
        CREATE TABLE documents (
          doc TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT, encoding TEXT,
          content_hash TEXT NOT NULL, rules_hash TEXT NOT NULL, claims INTEGER NOT NULL DEFAULT 0,
          run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, PRIMARY KEY (run_id, doc));
        CREATE INDEX documents_by_content ON documents(doc, content_hash, rules_hash);
        CREATE TABLE claims (
          id INTEGER PRIMARY KEY, doc TEXT NOT NULL,
          kind TEXT NOT NULL, value, low, high, qualifier TEXT NOT NULL, unit TEXT, scope TEXT,
          subject TEXT, event TEXT, speaker TEXT, quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
          sentence TEXT NOT NULL, rule TEXT NOT NULL, story TEXT, status TEXT, change TEXT, "from", run_id INTEGER NOT NULL,
          FOREIGN KEY (run_id, doc) REFERENCES documents(run_id, doc) ON DELETE CASCADE);
        CREATE INDEX claims_by_doc ON claims(run_id, doc, start);
        CREATE TABLE findings (
          id INTEGER PRIMARY KEY, verdict TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT, event TEXT, reason TEXT NOT NULL,
          run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE);
        CREATE INDEX findings_by_run ON findings(run_id);
        CREATE TABLE finding_claims (
          finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
          claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
          position INTEGER NOT NULL, PRIMARY KEY (finding_id, claim_id));
        CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id);
        CREATE VIEW latest_run AS SELECT id FROM runs ORDER BY finished IS NOT NULL DESC, id DESC LIMIT 1;
        CREATE VIEW latest_documents AS SELECT * FROM documents WHERE run_id = (SELECT id FROM latest_run);
        CREATE VIEW latest_claims AS SELECT * FROM claims WHERE run_id = (SELECT id FROM latest_run);
        CREATE VIEW latest_findings AS SELECT * FROM findings WHERE run_id = (SELECT id FROM latest_run);
        PRAGMA user_version = 5;
        """

    /// The claims table's columns after `id`: one per claim field, in table order, each name quoted
    /// (`end` is an SQL keyword). `schema` creates them; `ClaimStoreTests` checks that the two agree.
    static let claimColumns = ClaimField.allCases.map { "\"\($0.name)\"" }.joined(separator: ", ")

    /// Inserts a claim: its run, then `values(_:doc:)`.
    func insertClaimStatement() throws(StoreError) -> SQLiteStatement {
        let slots = Array(repeating: "?", count: ClaimField.allCases.count + 1).joined(separator: ", ")
        return try db.prepare("INSERT INTO claims(run_id, \(Self.claimColumns)) VALUES (\(slots))")
    }

    /// A claim's row under `doc`, a column per field.
    static func values(_ c: Claim, doc: String) -> [SQLValue] {
        c.fieldValues.map { field, value in
            if field == .doc { return .text(doc) }
            switch value {
            case .text(let text), .keyword(let text): return SQLValue(text)
            case .figure(let figure): return sql(figure)
            case .integer(let n): return n.map(SQLValue.init) ?? .null
            case .words(let words): return SQLValue(words.map(jsonArray))
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

    /// A story signature (or a run's inputs) as a JSON array, so `json_each(story)` works in queries.
    static func jsonArray(_ words: [String]) -> String {
        "[" + words.map(JSONText.string).joined(separator: ",") + "]"
    }

    static func strings(fromJSONArray text: String) -> [String]? {
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
            case .words: value = .words(row.text(column).flatMap(strings(fromJSONArray:)))
            }
            _ = field.set(value, in: &claim)
        }
        return claim
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
