import CSQLite

/// A value SQLite stores: the few types the store needs.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ number: Int) { self = .integer(Int64(number)) }
}

/// An error from SQLite, with what Tally was doing.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

// The package's one boundary with SQLite: only this file calls its C API or holds its pointers
// (the connection and statement handles, which never leave these two classes). Each other pointer
// use below says why it is sound.

/// One SQLite connection: a small wrapper over the C API. Not thread-safe; one per run.
final class SQLiteDatabase {
    private(set) var handle: OpaquePointer?
    let path: String

    init(path: String) throws(StoreError) {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(db)
            throw StoreError(description: "cannot open store \(path): \(reason)")
        }
        handle = db
        sqlite3_busy_timeout(db, SQLiteDatabase.busyTimeout)
        sqlite3_extended_result_codes(db, 1)
    }

    /// Milliseconds a statement waits for another connection's lock (concurrent runs on one store)
    /// before it fails as busy: another run's write transaction holds up to 64 documents' claims.
    static let busyTimeout: Int32 = 60_000

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(StoreError) {
        // Sound: SQLite allocates the message (or leaves it nil); it is copied, then freed once, here.
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let reason = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw StoreError(description: "store \(path): \(reason)")
        }
    }

    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError(description: "store \(path): \(lastError)")
        }
        return SQLiteStatement(statement, database: self)
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertID: Int64 { sqlite3_last_insert_rowid(handle) }
}

/// A prepared statement; bind, step, read columns, reset to reuse.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ values: [SQLValue]) throws(StoreError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .integer(let n): status = sqlite3_bind_int64(statement, index, n)
            case .real(let x): status = sqlite3_bind_double(statement, index, x)
            case .text(let text):
                // Sound: the bytes live for the call, and SQLITE_TRANSIENT (the shim) has SQLite copy them
                // before it returns; the count leaves out the C string's NUL.
                status = text.utf8CString.withUnsafeBufferPointer { buffer in
                    tally_sqlite3_bind_text(statement, index, buffer.baseAddress, Int32(buffer.count - 1))
                }
            }
            guard status == SQLITE_OK else { throw StoreError(description: "store \(database.path): \(database.lastError)") }
        }
    }

    /// Advances to the next row: true when a row is available, false when done.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError(description: "store \(database.path): \(database.lastError)")
        }
    }

    /// Binds `values` and runs the statement to completion.
    func run(_ values: [SQLValue]) throws(StoreError) {
        try bind(values)
        while try step() {}
    }

    /// Binds `values` and collects every row with `row`.
    func rows<T>(_ values: [SQLValue] = [], _ row: (SQLiteStatement) -> T) throws(StoreError) -> [T] {
        try bind(values)
        var result: [T] = []
        while try step() { result.append(row(self)) }
        return result
    }

    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        default: return text(column).map(SQLValue.text) ?? .null
        }
    }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        // Sound: SQLite keeps the column's `count` bytes valid until the next step, reset or finalize
        // of the statement; they are copied into the String at once.
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
}
