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
            "documents": ["doc", "title", "outlet", "author", "published", "url", "encoding", "content_hash", "rules_hash", "claims"],
            "claims": Set(["id"] + ClaimField.allCases.map(\.name)),
            "findings": ["id", "verdict", "kind", "subject", "event", "reason"],
            "finding_claims": ["finding_id", "claim_id", "position"],
        ]
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
            // Versions 1 and 2 lack only the claims columns added since (story, then status).
            var missingTables: [String] = []
            var missing: [String] = []
            for (table, columns) in Self.expectedColumns.sorted(by: { $0.key < $1.key }) {
                guard tables.contains(table) else {
                    missingTables.append(table)
                    continue
                }
                let present = Set(try db.prepare("SELECT name FROM pragma_table_info(?)").rows([.text(table)]) { $0.text(0) ?? "" })
                var added: Set<String> = []
                if table == "claims" && version < 3 { added.insert("status") }
                if table == "claims" && version < 2 { added.insert("story") }
                let absent = columns.subtracting(present).subtracting(added).sorted()
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
        }
    }
}
