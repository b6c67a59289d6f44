import TallyCore

/// Opening a store: what the file holds is checked before anything is written to it.
///
/// The check and the creation (or upgrade) run in one `BEGIN IMMEDIATE` transaction, so runs that open
/// a new store at the same moment take turns (the connection waits up to `SQLiteDatabase.busyTimeout`)
/// and each later one finds the tables made. A file that is some other program's database (tables but no
/// Tally schema, or Tally's version number on tables that are not Tally's) is refused with what it holds,
/// and left exactly as it was.
extension ClaimStore {
    /// Every table of the schema and the columns Tally reads and writes in it.
    static var expectedColumns: [String: Set<String>] {
        [
            "runs": ["id", "started", "finished", "inputs", "tally_version", "rules_hash"],
            "documents": ["doc", "title", "outlet", "author", "published", "url", "encoding", "content_hash", "rules_hash", "claims", "run_id"],
            "claims": Set(["id"] + ClaimField.allCases.map(\.name) + ["run_id"]),
            "findings": ["id", "verdict", "kind", "subject", "event", "reason", "run_id"],
            "finding_claims": ["finding_id", "claim_id", "position"],
        ]
    }

    /// The tables and columns a store of `version` has: version 3 had no runs (nor `run_id`), versions 1
    /// and 2 lack the claims columns added since (story, then status).
    static func expectedColumns(version: Int) -> [String: Set<String>] {
        var expected = expectedColumns
        if version < 4 {
            expected["runs"] = nil
            for table in ["documents", "claims", "findings"] { expected[table]?.remove("run_id") }
        }
        if version < 5 { for column in ["change", "from"] { expected["claims"]?.remove(column) } }
        if version < 3 { expected["claims"]?.remove("status") }
        if version < 2 { expected["claims"]?.remove("story") }
        return expected
    }

    /// Creates the schema in an empty file, upgrades an older Tally store, and refuses anything else.
    func prepareSchema() throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            let version = try db.prepare("PRAGMA user_version").rows { $0.int(0) }.first ?? 0
            let tables = Set(try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .rows { $0.text(0) ?? "" })
            if version == 0 {
                guard tables.isEmpty else {
                    throw StoreError(description: "not a Tally store: it holds other tables (\(tables.sorted().joined(separator: ", "))); nothing was changed. Give --db a new file or one Tally wrote")
                }
                try db.execute(Self.schema)
                return
            }
            guard version <= Self.schemaVersion else {
                throw StoreError(description: "schema version \(version), this Tally reads version \(Self.schemaVersion)")
            }
            var missingTables: [String] = []
            var missing: [String] = []
            for (table, columns) in Self.expectedColumns(version: version).sorted(by: { $0.key < $1.key }) {
                guard tables.contains(table) else {
                    missingTables.append(table)
                    continue
                }
                let present = Set(try db.prepare("SELECT name FROM pragma_table_info(?)").rows([.text(table)]) { $0.text(0) ?? "" })
                let absent = columns.subtracting(present).sorted()
                if !absent.isEmpty { missing.append("columns \(table)(\(absent.joined(separator: ", ")))") }
            }
            if !missingTables.isEmpty { missing.insert("tables \(missingTables.joined(separator: ", "))", at: 0) }
            guard missing.isEmpty else {
                throw StoreError(description: "not a Tally store: schema version \(version) but missing \(missing.joined(separator: "; ")); nothing was changed")
            }
            if version < 3 {
                // Version 1 claims have no story signature, version 2 claims no status: keep them, but
                // re-extract every document.
                if version == 1 { try db.execute("ALTER TABLE claims ADD COLUMN story TEXT") }
                try db.execute("ALTER TABLE claims ADD COLUMN status TEXT; UPDATE documents SET rules_hash = ''; PRAGMA user_version = 3;")
            }
            if version < 4 { try upgradeToRuns() }
            if version == 4 {
                // Version 4 claims have no change: keep them, but re-extract every document.
                try db.execute("ALTER TABLE claims ADD COLUMN change TEXT; ALTER TABLE claims ADD COLUMN \"from\"; UPDATE documents SET rules_hash = ''; PRAGMA user_version = 5;")
            }
        }
    }

    /// Version 3 to 4: the tables are rebuilt with `run_id` (the documents' key becomes run and document),
    /// and what the store held becomes run 1, every row and id kept, so findings still cite their claims.
    /// The old tables are renamed first (SQLite rewrites the references to them), the new ones made from
    /// `schema`, the rows copied, then the old tables dropped, children first so no cascade reaches a kept
    /// row. Runs inside `prepareSchema`'s transaction: a failure leaves the version 3 store as it was.
    func upgradeToRuns() throws(StoreError) {
        // The claims columns a version 3 store has (change and from came with version 5).
        let claimColumns = ClaimField.allCases.filter { $0 != .change && $0 != .from }.map { "\"\($0.name)\"" }.joined(separator: ", ")
        try db.execute("""
            DROP INDEX IF EXISTS claims_by_doc; DROP INDEX IF EXISTS finding_claims_by_claim;
            ALTER TABLE finding_claims RENAME TO finding_claims_v3; ALTER TABLE findings RENAME TO findings_v3;
            ALTER TABLE claims RENAME TO claims_v3; ALTER TABLE documents RENAME TO documents_v3;
            \(Self.schema)
            INSERT INTO runs(id, finished) SELECT 1, \(Self.now)
              WHERE EXISTS (SELECT 1 FROM documents_v3) OR EXISTS (SELECT 1 FROM findings_v3);
            INSERT INTO documents(run_id, doc, title, outlet, author, published, url, encoding, content_hash, rules_hash, claims)
              SELECT 1, doc, title, outlet, author, published, url, encoding, content_hash, rules_hash, claims FROM documents_v3;
            INSERT INTO claims(id, run_id, \(claimColumns)) SELECT id, 1, \(claimColumns) FROM claims_v3;
            INSERT INTO findings(id, run_id, verdict, kind, subject, event, reason)
              SELECT id, 1, verdict, kind, subject, event, reason FROM findings_v3;
            INSERT INTO finding_claims(finding_id, claim_id, position) SELECT finding_id, claim_id, position FROM finding_claims_v3;
            DROP TABLE finding_claims_v3; DROP TABLE findings_v3; DROP TABLE claims_v3; DROP TABLE documents_v3;
            """)
    }
}
