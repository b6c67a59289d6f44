import TallyCore

/// Runs: each invocation of `tally report --db` is a row of `runs`, and every document, claim and finding
/// it writes carries that row's id, so a run over one folder never replaces what a run over another
/// wrote (issue 17). Reads default to the latest run and can name any other.
extension ClaimStore {
    /// A row of `runs`: when the run started and finished (UTC, ISO 8601), what it was given, and the tool
    /// and rules it extracted with. A store upgraded from before runs were kept holds its earlier contents
    /// as one run with no start time, inputs, version or rules (`finished` is when it was upgraded).
    public struct RunRecord: Sendable, Equatable {
        public var id: Int64
        public var started: String?
        /// Nil while the run is going on, or when it stopped before saving its findings.
        public var finished: String?
        public var inputs: [String]?
        public var toolVersion: String?
        public var rulesHash: String?
    }

    /// SQL for the current time as ISO 8601 text in UTC, to the second.
    static let now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

    /// What this store's run records in `runs`: the paths it reads, the tool's version and the rules'
    /// hash (the one `storedClaims` compares). Nothing is written yet: the run's row is made by its first
    /// write, so a run that stops before writing (a Ctrl-C while reading, say) leaves the file untouched.
    public func beginRun(inputs: [String], toolVersion: String?, rulesHash: String?) {
        plannedRun = (inputs, toolVersion, rulesHash)
    }

    /// The run writes go to, its row made by the first write (with what `beginRun` said, or nothing).
    func currentRun() throws(StoreError) -> Int64 {
        if let run { return run }
        let planned = plannedRun ?? ([], nil, nil)
        try db.prepare("INSERT INTO runs(started, inputs, tally_version, rules_hash) VALUES (\(Self.now), ?, ?, ?)")
            .run([.text(Self.jsonArray(planned.inputs)), SQLValue(planned.toolVersion), SQLValue(planned.rulesHash)])
        run = db.lastInsertID
        return db.lastInsertID
    }

    /// The run reads default to: this store's own run once it has begun one; otherwise the newest run
    /// that finished (saved its findings), so an interrupted run is not taken for the latest; otherwise the
    /// newest run. Nil for a store without runs. The `latest_run` view makes the same choice for `sqlite3`.
    public func latestRun() throws(StoreError) -> Int64? {
        if let run { return run }
        return try db.prepare("SELECT id FROM latest_run").rows { Int64($0.int(0)) }.first
    }

    /// The run a read names, or the latest when it names none.
    func chosen(_ run: Int64?) throws(StoreError) -> Int64? {
        if let run { return run }
        return try latestRun()
    }

    /// Every run, oldest first.
    public func runs() throws(StoreError) -> [RunRecord] {
        try db.prepare("SELECT id, started, finished, inputs, tally_version, rules_hash FROM runs ORDER BY id").rows { row in
            RunRecord(id: Int64(row.int(0)), started: row.text(1), finished: row.text(2),
                      inputs: row.text(3).flatMap(Self.strings(fromJSONArray:)), toolVersion: row.text(4), rulesHash: row.text(5))
        }
    }
}
