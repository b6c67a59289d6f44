import Foundation
import Testing
import TallyCore
@testable import TallyReport

@Suite struct ClaimStoreTests {
    let path: String = {
        let directory = NSTemporaryDirectory() + "tally-store-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/tally.db"
    }()

    var entryA: ClaimStore.Entry {
        ClaimStore.Entry(document: Fixtures.documentA, contentHash: ClaimStore.contentHash(of: Fixtures.documentA),
                         rulesHash: "rules-1", claims: [Fixtures.nearly400, Fixtures.atLeast1000])
    }
    var entryB: ClaimStore.Entry {
        ClaimStore.Entry(document: Fixtures.documentB, contentHash: ClaimStore.contentHash(of: Fixtures.documentB),
                         rulesHash: "rules-1", claims: [Fixtures.exact339, Fixtures.perSide, Fixtures.total, Fixtures.range])
    }

    @Test func claimsSurviveReopeningAndTheSkipLookupMatchesOnlyUnchangedDocuments() throws {
        do {
            let store = try ClaimStore(path: path)
            try store.replace([entryA, entryB])
        }
        let store = try ClaimStore(path: path)  // a second run
        let a = entryA
        #expect(try store.storedClaims(doc: "a.txt", contentHash: a.contentHash, rulesHash: "rules-1") == a.claims)
        #expect(try store.storedClaims(doc: "a.txt", contentHash: a.contentHash, rulesHash: "rules-2") == nil)
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "changed", rulesHash: "rules-1") == nil)
        #expect(try store.storedClaims(doc: "new.txt", contentHash: a.contentHash, rulesHash: "rules-1") == nil)
        #expect(try store.claims().count == 6)
        #expect(try store.documents().map(\.claims) == [2, 4])
        #expect(try store.documents().first?.url == Fixtures.documentA.url)
    }

    /// The schema's claim columns are the field table's, in its order, so rows read back by position.
    @Test func claimColumnsAreTheFieldTable() throws {
        let store = try ClaimStore(path: path)
        let columns = try store.db.prepare("PRAGMA table_info(claims)").rows { $0.text(1) ?? "" }
        #expect(columns == ["id"] + ClaimField.allCases.map(\.name) + ["run_id"])
        #expect(ClaimStore.values(Fixtures.range, doc: "b.txt").count == ClaimField.allCases.count)
    }

    @Test func aDocumentWithNoClaimsIsStillKnown() throws {
        let store = try ClaimStore(path: path)
        let empty = Document(id: "quiet.txt", text: "Nothing numeric here.")
        let hash = ClaimStore.contentHash(of: empty)
        try store.replace(ClaimStore.Entry(document: empty, contentHash: hash, rulesHash: "r", claims: []))
        #expect(try store.storedClaims(doc: "quiet.txt", contentHash: hash, rulesHash: "r") == [])
    }

    @Test func replacingADocumentReplacesItsClaimsOnly() throws {
        let store = try ClaimStore(path: path)
        try store.replace([entryA, entryB])
        var changed = entryA
        changed.contentHash = "v2"
        changed.claims = [Fixtures.nearly400]
        try store.replace(changed)
        #expect(try store.claims(doc: "a.txt") == [Fixtures.nearly400])
        #expect(try store.claims(doc: "b.txt").count == 4)
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "v2", rulesHash: "rules-1") == [Fixtures.nearly400])
        try store.remove(doc: "b.txt")
        #expect(try store.claims().count == 1)
    }

    @Test func findingsRoundTripWithPositions() throws {
        let store = try ClaimStore(path: path)
        try store.replace([entryA, entryB])
        try store.replaceFindings(Fixtures.report.findings)
        let findings = try ClaimStore(path: path).findings()
        #expect(findings.map(\.verdict) == [.conflict, .framing, .variance])
        #expect(findings[0].reason == Fixtures.conflict.reason)
        #expect(findings[0].claims.map(\.position) == [1, 2])
        #expect(findings[0].claims.map(\.claim) == [Fixtures.nearly400, Fixtures.exact339])
        #expect(try store.claims().count == 6)  // findings cite stored claims, no copies
        try store.replaceFindings([Fixtures.framing])
        #expect(try store.findings().count == 1)
    }

    @Test func findingsCitingUnstoredClaimsAddThem() throws {
        let store = try ClaimStore(path: path)
        try store.replaceFindings([Fixtures.conflict])
        #expect(try store.findings().first?.claims.count == 2)
        #expect(try store.claims().count == 2)
        // Unknown hashes: the next run does not skip these documents.
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "", rulesHash: "x") == nil)
    }

    @Test func figuresKeepTheirTypes() throws {
        let store = try ClaimStore(path: path)
        var date = Fixtures.total
        date.kind = "date"
        date.value = .date(CalendarDate(year: 2025))
        date.low = .date(CalendarDate(year: 2025, month: 6, day: 20))
        date.high = .number(2.5)
        try store.replace(ClaimStore.Entry(document: Fixtures.documentB, contentHash: "h", rulesHash: "r", claims: [date]))
        #expect(try store.claims() == [date])
    }

    @Test func openingSomethingElseIsAClearError() throws {
        let notADatabase = path + ".txt"
        try AtomicFile.write(String(repeating: "not sqlite ", count: 200), to: notADatabase)
        do {
            _ = try ClaimStore(path: notADatabase)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("cannot open store \(notADatabase)"))
            #expect(error.description.contains("not a database"))
        }
        #expect(throws: StoreError.self) { _ = try ClaimStore(path: path + "/missing/dir/x.db") }
    }

    @Test func hashIsSHA256() {
        #expect(ContentHash.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1000)
        #expect(ContentHash.sha256(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        var moved = Fixtures.documentA
        moved.published = CalendarDate(iso: "2025-05-16")
        #expect(ClaimStore.contentHash(of: moved) != ClaimStore.contentHash(of: Fixtures.documentA))
    }
}

extension ClaimStoreTests {
    @Test func aStoreFromAnotherSchemaVersionIsRefused() throws {
        _ = try ClaimStore(path: path)
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.self) { _ = try ClaimStore(path: path) }
    }
}

extension ClaimStoreTests {
    @Test func aSecondRunOverUnchangedDocumentsExtractsNothing() throws {
        let documents = [Fixtures.documentA, Fixtures.documentB]
        let claimsByDoc = ["a.txt": entryA.claims, "b.txt": entryB.claims]
        var calls: [[String]] = []
        let extract: ([Document]) -> [[Claim]] = { batch in
            calls.append(batch.map(\.id))
            return batch.map { claimsByDoc[$0.id] ?? [] }
        }
        let first = try ClaimStore(path: path).claims(for: documents, rulesHash: "r1", extract: extract)
        #expect(first.extracted == 2 && first.reused == 0)
        let secondStore = try ClaimStore(path: path)
        let second = try secondStore.claims(for: documents, rulesHash: "r1", extract: extract)
        #expect(second.extracted == 0 && second.reused == 2)
        // The second run holds every document, the reused ones too.
        #expect(try secondStore.run == 2 && secondStore.documents().count == 2 && secondStore.claims().count == 6)
        #expect(second.claims == first.claims)
        #expect(calls == [["a.txt", "b.txt"]])  // the second run never called extraction

        var edited = Fixtures.documentB
        edited.text += " One more sentence."
        let third = try ClaimStore(path: path).claims(for: [Fixtures.documentA, edited], rulesHash: "r1", extract: extract)
        #expect(third.extracted == 1 && calls.last == ["b.txt"])
        let fourth = try ClaimStore(path: path).claims(for: documents, rulesHash: "r2", extract: extract)
        #expect(fourth.extracted == 2)  // new rules: everything again
    }
}

extension ClaimStoreTests {
    @Test func rulesHashChangesWithAnyFileOrTheVersion() {
        let files = [(path: "rules/b.yaml", contents: "b"), (path: "rules/a.yaml", contents: "a")]
        let base = ClaimStore.rulesHash(files: files, version: "1")
        #expect(ClaimStore.rulesHash(files: files.reversed(), version: "1") == base)
        #expect(ClaimStore.rulesHash(files: [files[0], (path: "rules/a.yaml", contents: "a2")], version: "1") != base)
        #expect(ClaimStore.rulesHash(files: files, version: "2") != base)
        #expect(ClaimStore.rulesHash(files: Array(files.prefix(1)), version: "1") != base)
    }
}

extension ClaimStoreTests {
    @Test func storySignaturesRoundTripAndAreQueryable() throws {
        var claim = Fixtures.nearly400
        claim.story = ["istanbul", "ukraine", "o'brien \"q\""]
        let store = try ClaimStore(path: path)
        try store.replace(ClaimStore.Entry(document: Fixtures.documentA, contentHash: "h", rulesHash: "r", claims: [claim, Fixtures.atLeast1000]))
        #expect(try ClaimStore(path: path).claims(doc: "a.txt") == [claim, Fixtures.atLeast1000])
        let words = try SQLiteDatabase(path: path).prepare("SELECT j.value FROM claims, json_each(claims.story) j ORDER BY 1")
            .rows { $0.text(0) ?? "" }
        #expect(words == ["istanbul", "o'brien \"q\"", "ukraine"])
    }

    /// The schema Tally wrote as version 3, before runs were kept.
    static let schemaVersion3 = """
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

    /// A store as an older Tally wrote it: the version 3 schema without the columns added since `version`,
    /// holding one document and one claim row with the columns that version had.
    func makeOldStore(version: Int, claimColumns: String, claimValues: String) throws {
        let dropped = version == 1 ? ", story TEXT, status TEXT)" : version == 2 ? ", status TEXT)" : "no column dropped"
        let old = try SQLiteDatabase(path: path)
        try old.execute(
            Self.schemaVersion3.replacingOccurrences(of: dropped, with: ")")
                .replacingOccurrences(of: "user_version = 3", with: "user_version = \(version)"))
        try old.execute("""
            INSERT INTO documents(doc, content_hash, rules_hash, claims) VALUES ('a.txt', 'h', 'r', 1);
            INSERT INTO claims(doc, kind, value, low, high, qualifier, quote, start, "end", sentence, rule\(claimColumns))
            VALUES ('a.txt', 'children', 339, 339, 339, 'exact', '339', 0, 3, '339 children.', 'c'\(claimValues));
            """)
    }

    @Test func aVersion1StoreIsUpgradedAndItsDocumentsReExtracted() throws {
        try makeOldStore(version: 1, claimColumns: "", claimValues: "")
        let store = try ClaimStore(path: path)
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "h", rulesHash: "r") == nil)  // re-extract
        #expect(try store.claims().first?.value == .number(339))  // old rows still readable
        #expect(try SQLiteDatabase(path: path).prepare("PRAGMA user_version").rows { $0.int(0) } == [ClaimStore.schemaVersion])
    }

    /// A version 4 store gains the `change` and `from` columns (issue 15); its documents are re-extracted.
    @Test func aVersion4StoreGainsTheChangeColumnsAndIsReExtracted() throws {
        do {
            let old = try SQLiteDatabase(path: path)
            try old.execute(
                ClaimStore.schema.replacingOccurrences(of: ", change TEXT, \"from\"", with: "")
                    .replacingOccurrences(of: "user_version = 5", with: "user_version = 4"))
            try old.execute("""
                INSERT INTO runs(id, finished) VALUES (1, '2026-01-01T00:00:00Z');
                INSERT INTO documents(run_id, doc, content_hash, rules_hash, claims) VALUES (1, 'a.txt', 'h', 'r', 1);
                INSERT INTO claims(run_id, doc, kind, value, low, high, qualifier, quote, start, "end", sentence, rule)
                VALUES (1, 'a.txt', 'children', 339, 339, 339, 'exact', '339', 0, 3, '339 children.', 'c');
                """)
        }
        let store = try ClaimStore(path: path)
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "h", rulesHash: "r") == nil)
        #expect(try store.claims().first?.value == .number(339))
        #expect(try store.claims().first?.change == nil)
        #expect(try SQLiteDatabase(path: path).prepare("PRAGMA user_version").rows { $0.int(0) } == [ClaimStore.schemaVersion])
    }

    @Test func aVersion2StoreGainsTheStatusColumnAndIsReExtracted() throws {
        try makeOldStore(version: 2, claimColumns: ", story", claimValues: ", '[\"kyiv\"]'")
        let store = try ClaimStore(path: path)
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "h", rulesHash: "r") == nil)
        #expect(try store.claims().first?.story == ["kyiv"])
        #expect(try store.claims().first?.status == nil)
        #expect(try SQLiteDatabase(path: path).prepare("PRAGMA user_version").rows { $0.int(0) } == [ClaimStore.schemaVersion])
    }
}

/// `--db` given a file Tally did not write, or opened by several runs at once (issue 19).
extension ClaimStoreTests {
    @Test func aForeignDatabaseIsRefusedAndLeftAsItWas() throws {
        let other = try SQLiteDatabase(path: path)
        try other.execute("CREATE TABLE people(name TEXT); INSERT INTO people VALUES ('Ada');")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try ClaimStore(path: path)
            Issue.record("a foreign database was accepted")
        } catch {
            #expect(error.description.contains("not a Tally store: it holds other tables (people)"), "\(error)")
            #expect(error.description.contains("nothing was changed"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try other.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").rows { $0.text(0) } == ["people"])
    }

    @Test func tallysVersionNumberOnOtherTablesIsRefused() throws {
        try SQLiteDatabase(path: path).execute("CREATE TABLE documents(doc TEXT); PRAGMA user_version = 3;")
        #expect {
            _ = try ClaimStore(path: path)
        } throws: { error in
            let text = (error as? StoreError)?.description ?? ""
            return text.contains("not a Tally store: schema version 3 but missing tables claims, finding_claims, findings; columns documents(author,")
        }
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = 4")
        #expect {
            _ = try ClaimStore(path: path)
        } throws: { error in
            let text = (error as? StoreError)?.description ?? ""
            return text.contains("not a Tally store: schema version 4 but missing tables claims, finding_claims, findings, runs;")
        }
    }

    @Test func storesOpenedAtOnceOnANewFileAllWork() throws {
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            do {
                let store = try ClaimStore(path: path)
                try store.replace(index % 2 == 0 ? entryA : entryB)
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        // Four runs, each with its one document.
        let store = try ClaimStore(path: path)
        #expect(try store.runs().count == 4)
        for run in try store.runs() { #expect(try store.documents(run: run.id).count == 1) }
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [String] = []
        func add(_ failure: String) {
            lock.lock()
            all.append(failure)
            lock.unlock()
        }
    }
}

/// Runs (issue 17): each store opened is a run, kept beside the earlier ones.
extension ClaimStoreTests {
    /// Two runs over different documents: each run's documents, claims and findings are kept, and reads
    /// give the latest unless told which.
    @Test func aRunOverOtherDocumentsKeepsTheEarlierRunsFindings() throws {
        let findingA = Finding(verdict: .variance, kind: "children", subject: "children", event: nil, reason: "a's own",
                               claims: [FindingClaim(claim: Fixtures.nearly400, position: 1), FindingClaim(claim: Fixtures.atLeast1000, position: 1)])
        do {
            let first = try ClaimStore(path: path)
            first.beginRun(inputs: ["folder-a"], toolVersion: "1.0", rulesHash: "rules-1")
            #expect(first.run == nil)  // nothing written yet
            try first.replace(entryA)
            #expect(first.run == 1)
            try first.replaceFindings([findingA])
        }
        do {
            let second = try ClaimStore(path: path)
            second.beginRun(inputs: ["folder-b", "c.txt"], toolVersion: "1.0", rulesHash: "rules-1")
            try second.replace(entryB)
            try second.replaceFindings([Fixtures.framing])
        }
        let store = try ClaimStore(path: path)
        let runs = try store.runs()
        #expect(runs.map(\.id) == [1, 2])
        #expect(runs.map(\.inputs) == [["folder-a"], ["folder-b", "c.txt"]])
        #expect(runs.allSatisfy { $0.started != nil && $0.finished != nil && $0.toolVersion == "1.0" && $0.rulesHash == "rules-1" })
        #expect(try store.latestRun() == 2)
        #expect(try store.findings().map(\.reason) == [Fixtures.framing.reason])
        #expect(try Set(store.findings().flatMap(\.claims)) == Set(Fixtures.framing.claims))
        #expect(try store.findings(run: 1).map(\.reason) == [findingA.reason])
        #expect(try Set(store.findings(run: 1).flatMap(\.claims)) == Set(findingA.claims))
        #expect(try store.documents().map(\.doc) == ["b.txt"])
        #expect(try store.documents(run: 1).map(\.doc) == ["a.txt"])
        #expect(try store.claims() == entryB.claims)
        #expect(try store.claims(run: 1) == entryA.claims)
        // The latest_* views make the same choice for sqlite3.
        let db = try SQLiteDatabase(path: path)
        #expect(try db.prepare("SELECT DISTINCT run_id FROM latest_findings").rows { $0.int(0) } == [2])
        #expect(try db.prepare("SELECT count(*) FROM findings").rows { $0.int(0) } == [2])
    }

    /// A run that stopped before saving its findings (interrupted, or failed) is not the latest: reads
    /// go on giving the last finished run.
    @Test func anUnfinishedRunIsNotTheLatest() throws {
        do {
            let first = try ClaimStore(path: path)
            try first.replace(entryA)
            try first.replaceFindings([Fixtures.framing])
        }
        do {
            let interrupted = try ClaimStore(path: path)
            try interrupted.replace(entryB)
            #expect(try interrupted.latestRun() == 2)  // its own run, while it writes
        }
        let store = try ClaimStore(path: path)
        #expect(try store.runs().map(\.finished).map { $0 == nil } == [false, true])
        #expect(try store.latestRun() == 1)
        #expect(try store.findings().map(\.reason) == [Fixtures.framing.reason])
        // Its claims still serve later runs.
        #expect(try store.storedClaims(doc: "b.txt", contentHash: entryB.contentHash, rulesHash: "rules-1") == entryB.claims)
    }

    /// Removing a document or replacing findings touches this run only.
    @Test func writesTouchOnlyThisRun() throws {
        do {
            let first = try ClaimStore(path: path)
            try first.replace([entryA, entryB])
            try first.replaceFindings([Fixtures.conflict])
        }
        let second = try ClaimStore(path: path)
        try second.replace([entryA, entryB])
        try second.remove(doc: "b.txt")
        try second.replaceFindings([])
        #expect(try second.claims().count == 2)
        #expect(try second.claims(run: 1).count == 6)
        #expect(try second.findings(run: 1).first?.claims.count == 2)
    }

    /// A version 3 store (before runs) becomes run 1 of a current store, with every document, claim and
    /// finding and the links between them; its hashes still spare re-extraction; the next run is run 2.
    @Test func aVersion3StoreBecomesRunOneWithNothingLost() throws {
        do {
            let old = try SQLiteDatabase(path: path)
            try old.execute(Self.schemaVersion3)
            try old.execute("""
                INSERT INTO documents(doc, title, outlet, content_hash, rules_hash, claims) VALUES ('a.txt', 'Talks', 'Reuters', 'h', 'r', 2);
                INSERT INTO claims(id, doc, kind, value, low, high, qualifier, quote, start, "end", sentence, rule, story, status)
                VALUES (7, 'a.txt', 'children', 339, 339, 339, 'exact', '339', 0, 3, '339 children.', 'c', '["kyiv"]', NULL),
                       (9, 'a.txt', 'children', 400, 400, 400, 'approximate', 'nearly 400', 20, 30, 'nearly 400.', 'c', NULL, NULL);
                INSERT INTO findings(id, verdict, kind, subject, event, reason) VALUES (5, 'conflict', 'children', 'children on list', NULL, 'r');
                INSERT INTO finding_claims VALUES (5, 7, 1), (5, 9, 2);
                """)
        }
        let store = try ClaimStore(path: path)
        let db = try SQLiteDatabase(path: path)
        #expect(try db.prepare("PRAGMA user_version").rows { $0.int(0) } == [ClaimStore.schemaVersion])
        #expect(try db.prepare("PRAGMA foreign_key_check").rows { $0.text(0) }.isEmpty)
        #expect(try db.prepare("PRAGMA integrity_check").rows { $0.text(0) } == ["ok"])
        let runs = try store.runs()
        #expect(runs.count == 1 && runs[0].id == 1 && runs[0].started == nil && runs[0].inputs == nil && runs[0].finished != nil)
        #expect(try store.documents().map(\.outlet) == ["Reuters"])
        #expect(try store.claims().map(\.value) == [.number(339), .number(400)])
        #expect(try store.claims().first?.story == ["kyiv"])
        let findings = try store.findings()
        #expect(findings.count == 1 && findings[0].verdict == .conflict)
        #expect(findings[0].claims.map(\.position) == [1, 2])
        #expect(findings[0].claims.map(\.claim.quote) == ["339", "nearly 400"])
        #expect(try store.storedClaims(doc: "a.txt", contentHash: "h", rulesHash: "r")?.count == 2)
        // The next run is run 2, and run 1 stays.
        try store.replace(entryB)
        try store.replaceFindings([])
        #expect(store.run == 2)
        #expect(try ClaimStore(path: path).findings(run: 1).count == 1)
        #expect(try ClaimStore(path: path).findings().isEmpty)
    }

    /// An empty version 3 store upgrades to no runs at all.
    @Test func anEmptyVersion3StoreUpgradesToNoRuns() throws {
        try SQLiteDatabase(path: path).execute(Self.schemaVersion3)
        let store = try ClaimStore(path: path)
        #expect(try store.runs().isEmpty)
        #expect(try store.latestRun() == nil)
        #expect(try store.findings().isEmpty)
    }
}
