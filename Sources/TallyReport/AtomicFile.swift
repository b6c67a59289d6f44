import TallyMemory

/// Writes an output file all at once or not at all, without ever replacing what is not a regular file.
///
/// A regular file (or a new one) gets the bytes in a temporary file in the same directory, flushed to
/// disk (`fsync`), then renamed over it: a run interrupted at any point leaves the previous file intact
/// (at worst a stray `.name.tmp-…` file). A symlink is followed, so its target is what is replaced and
/// the link stays. A device, FIFO, terminal or `/dev/stdout` is written into where it is: renaming over
/// it would put a regular file in place of the device; `/dev/stdout` is the process's own stdout
/// (see `OutputTarget`).
public enum AtomicFile {
    /// A write that failed, with the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        try write(to: path) { emit in _ = emit(bytes) }
    }

    /// Writes the pieces `produce` hands to `emit`, in order, as one file with the guarantees of
    /// `write(_:to:)`: a large output (a report of a gigabyte of news) need never be held whole. `emit`
    /// returns false once a write has failed; the error is thrown when `produce` returns.
    public static func write(to path: String, _ produce: (_ emit: ([UInt8]) -> Bool) -> Void) throws(WriteError) {
        guard !path.isEmpty else { throw WriteError(path: path, reason: "empty path") }
        switch OutputTarget.resolve(path) {
        case .failure(let error): throw WriteError(path: path, reason: error.description)
        case .success(.replace(let file)):
            if let error = replace(file, with: produce) { throw WriteError(path: path, reason: error.description) }
        case .success(.writeThrough(let file)):
            if let error = writeThrough(file, produce) { throw WriteError(path: path, reason: error.description) }
        case .success(.descriptor(let fd)):
            if let error = writePieces(fd, produce) { throw WriteError(path: path, reason: error.description) }
        }
    }

    /// Hands `produce` an `emit` that writes to `fd` until a write fails; that failure, if any.
    static func writePieces(_ fd: Int32, _ produce: (_ emit: ([UInt8]) -> Bool) -> Void) -> SystemError? {
        var failure: SystemError?
        produce { piece in
            if failure == nil { failure = FileSystemCalls.writeAll(fd, piece) }
            return failure == nil
        }
        return failure
    }

    /// Writes a temporary file beside `file` and renames it over `file`.
    static func replace(_ file: String, with produce: (_ emit: ([UInt8]) -> Bool) -> Void) -> SystemError? {
        let (directory, name) = split(file)
        let temp = directory + "/." + name + ".tmp-\(FileSystemCalls.processID())-\(UInt32.random(in: 0...UInt32.max))"
        // Keep an existing file's permissions and owner; new files get 0644 less the umask.
        let existing = FileSystemCalls.ownership(file)
        let fd: Int32
        switch FileSystemCalls.createNew(temp, mode: existing?.mode ?? 0o644) {
        case .success(let opened): fd = opened
        case .failure(let error): return error
        }
        if let existing { FileSystemCalls.setOwnership(fd, mode: existing.mode, uid: existing.uid, gid: existing.gid) }
        var failure = writePieces(fd, produce)
        if failure == nil { failure = FileSystemCalls.fsyncFile(fd) }
        if let error = FileSystemCalls.closeFile(fd), failure == nil { failure = error }
        if failure == nil { failure = FileSystemCalls.renameFile(temp, file) }
        if let failure {
            FileSystemCalls.remove(temp)
            return failure
        }
        FileSystemCalls.syncDirectory(directory)  // make the rename itself durable
        return nil
    }

    /// Opens `file` where it is (no create, no truncate) and writes into it: a device or FIFO as it is.
    static func writeThrough(_ file: String, _ produce: (_ emit: ([UInt8]) -> Bool) -> Void) -> SystemError? {
        let fd: Int32
        switch FileSystemCalls.openExisting(file) {
        case .success(let opened): fd = opened
        case .failure(let error): return error
        }
        var failure = writePieces(fd, produce)
        if failure == nil, FileSystemCalls.isRegular(fd) { failure = FileSystemCalls.fsyncFile(fd) }
        if let error = FileSystemCalls.closeFile(fd), failure == nil { failure = error }
        return failure
    }

    /// Directory (`.` when none) and file name of a path.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
