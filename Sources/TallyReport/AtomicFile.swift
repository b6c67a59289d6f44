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
        guard !path.isEmpty else { throw WriteError(path: path, reason: "empty path") }
        switch OutputTarget.resolve(path) {
        case .failure(let error): throw WriteError(path: path, reason: error.description)
        case .success(.replace(let file)):
            if let error = replace(file, with: bytes) { throw WriteError(path: path, reason: error.description) }
        case .success(.writeThrough(let file)):
            if let error = writeThrough(file, bytes) { throw WriteError(path: path, reason: error.description) }
        case .success(.descriptor(let fd)):
            if let error = FileSystemCalls.writeAll(fd, bytes) { throw WriteError(path: path, reason: error.description) }
        }
    }

    /// Writes a temporary file beside `file` and renames it over `file`.
    static func replace(_ file: String, with bytes: [UInt8]) -> SystemError? {
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
        var failure = FileSystemCalls.writeAll(fd, bytes)
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
    static func writeThrough(_ file: String, _ bytes: [UInt8]) -> SystemError? {
        let fd: Int32
        switch FileSystemCalls.openExisting(file) {
        case .success(let opened): fd = opened
        case .failure(let error): return error
        }
        var failure = FileSystemCalls.writeAll(fd, bytes)
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
