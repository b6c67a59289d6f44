#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's one boundary with the C library's file calls (POSIX): listing folders and reading
/// files for ingestion, writing output files for the reports. The rest of the package sees Swift
/// values and never a pointer.
///
/// Why this is sound: every pointer here lives only for the call it is passed to: `withUnsafeBytes`
/// and `withUnsafeMutableBufferPointer` scope the buffers, `readlink` and `read` are given the
/// buffer's true capacity and their result lengths are checked before use, `realpath`'s malloc'd
/// result is copied into a `String` and freed at once, and a `readdir` entry is copied before the
/// next call. Errors come back as `errno` read right after the failing call.
package enum FileSystemCalls {
    /// What `lstat` says a path is (symlinks not followed).
    package enum Kind: Equatable {
        case missing, regular, directory, symlink, other
    }

    /// The kind of `path`, or the errno when it cannot be looked at (other than "does not exist").
    package static func kind(_ path: String) -> Result<Kind, SystemError> {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT ? .success(.missing) : .failure(SystemError(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.regular)
        case S_IFDIR: return .success(.directory)
        case S_IFLNK: return .success(.symlink)
        default: return .success(.other)
        }
    }

    /// The permission bits, owner and group of an existing file (symlinks followed), or nil.
    package static func ownership(_ path: String) -> (mode: mode_t, uid: uid_t, gid: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
    }

    /// The target a symlink holds, as written in it (possibly relative).
    package static func readLink(_ path: String) -> Result<String, SystemError> {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { readlink(path, $0, raw.count) }
        }
        guard count >= 0 else { return .failure(SystemError(errno)) }
        guard count < buffer.count else { return .failure(SystemError(ENAMETOOLONG)) }
        return .success(String(decoding: buffer[..<count], as: UTF8.self))
    }

    /// `path` with every symlink and `.`/`..` resolved; the path must exist.
    package static func realPath(_ path: String) -> Result<String, SystemError> {
        guard let resolved = realpath(path, nil) else { return .failure(SystemError(errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    /// Opens an existing file to write into it where it is (no create, no truncate).
    package static func openExisting(_ path: String) -> Result<Int32, SystemError> {
        let fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC)
        return fd >= 0 ? .success(fd) : .failure(SystemError(errno))
    }

    /// Creates a file that must not exist yet, with `mode` (less the umask).
    package static func createNew(_ path: String, mode: mode_t) -> Result<Int32, SystemError> {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        return fd >= 0 ? .success(fd) : .failure(SystemError(errno))
    }

    /// Whether an open file is a regular file (only those can be flushed and renamed).
    package static func isRegular(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> SystemError? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return SystemError(errno)
            }
            offset += written
        }
        return nil
    }

    package static func fsyncFile(_ fd: Int32) -> SystemError? { fsync(fd) == 0 ? nil : SystemError(errno) }
    package static func closeFile(_ fd: Int32) -> SystemError? { close(fd) == 0 ? nil : SystemError(errno) }
    package static func setOwnership(_ fd: Int32, mode: mode_t, uid: uid_t, gid: gid_t) {
        _ = fchown(fd, uid, gid)  // only root may give a file away; anyone else keeps their own
        _ = fchmod(fd, mode)  // open's mode is masked by the umask
    }
    package static func renameFile(_ from: String, _ to: String) -> SystemError? { rename(from, to) == 0 ? nil : SystemError(errno) }
    package static func remove(_ path: String) { unlink(path) }

    /// Flushes a directory so a rename into it survives a crash.
    package static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    package static func processID() -> Int32 { getpid() }

    /// `realPath` of a path given as a C string (raw bytes, see ingestion's `RawPath`).
    package static func realPath(cString path: [CChar]) -> Result<String, SystemError> {
        guard let resolved = realpath(path, nil) else { return .failure(SystemError(errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    /// Whether a path (a C string; symlinks followed) is a folder, and its size in bytes.
    package static func status(cString path: [CChar]) -> Result<(isDirectory: Bool, size: Int), SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(SystemError(errno)) }
        return .success((info.st_mode & S_IFMT == S_IFDIR, Int(info.st_size)))
    }

    /// The raw names of a folder's entries (a C string), `.` and `..` included, in the order the
    /// system lists them.
    package static func entryNames(ofFolder path: [CChar]) -> Result<[[UInt8]], SystemError> {
        guard let dir = opendir(path) else { return .failure(SystemError(errno)) }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            // Sound: `d_name` is a NUL-terminated array inside the entry, copied up to its NUL before
            // the next `readdir` may reuse the entry.
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) })
        }
        return .success(names)
    }

    /// Why `readFile` failed: opening the file, or reading it.
    package struct ReadError: Error {
        package var opening: Bool
        package var error: SystemError
    }

    /// At most `limit` bytes of a file (a C string); a file that grows past `limit` while read is cut
    /// there. Read into one array sized from `fstat` (one byte more, to see the end without another
    /// read); a file that turns out longer goes on in chunks.
    package static func readFile(_ path: [CChar], limit: Int) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return .failure(ReadError(opening: true, error: SystemError(errno))) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        var failure: Int32 = 0
        // Sound: `read` writes at most the `buffer.count - count` bytes left after the `count`
        // initialised so far, and `count` grows only by what it says it wrote.
        var bytes = [UInt8](unsafeUninitializedCapacity: min(limit, max(expected, 0) + 1)) { buffer, count in
            (count, failure) = fill(buffer.baseAddress!, count: buffer.count) { at, wanted, _ in systemRead(fd, at, wanted) }
        }
        if failure != 0 { return .failure(ReadError(opening: false, error: SystemError(failure))) }
        if bytes.count < min(limit, max(expected, 0) + 1) { return .success(bytes) }
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while bytes.count < limit {
            let want = min(chunk.count, limit - bytes.count)
            // Sound: `want` is at most the chunk's size.
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(opening: false, error: SystemError(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    /// A file opened for reading by offset, so a file of any size is read a chunk at a time (a large JSON Lines
    /// file record by record); closed when the last reference goes.
    package final class ReadableFile {
        private let fd: Int32
        /// The file's size when it was opened.
        package let size: Int

        private init(fd: Int32, size: Int) {
            self.fd = fd
            self.size = size
        }

        deinit { close(fd) }

        /// Opens a path (a C string; symlinks followed).
        package static func opening(_ path: [CChar]) -> Result<ReadableFile, ReadError> {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { return .failure(ReadError(opening: true, error: SystemError(errno))) }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                let code = errno
                close(fd)
                return .failure(ReadError(opening: true, error: SystemError(code)))
            }
            return .success(ReadableFile(fd: fd, size: Int(info.st_size)))
        }

        /// Appends up to `count` bytes from `offset` to `bytes`; fewer only at the end of the file. Returns how many.
        package func read(at offset: Int, count: Int, into bytes: inout [UInt8]) -> Result<Int, SystemError> {
            guard count > 0 else { return .success(0) }
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: count))
            var done = 0
            var failure: Int32 = 0
            // Sound: `pread` writes at most `count - done` bytes after the `start + done` already in the
            // array, whose `start + count` elements exist.
            bytes.withUnsafeMutableBytes { raw in
                (done, failure) = FileSystemCalls.fill(raw.baseAddress! + start, count: count) { at, wanted, done in
                    pread(fd, at, wanted, off_t(offset + done))
                }
            }
            bytes.removeLast(count - done)
            return failure == 0 ? .success(done) : .failure(SystemError(failure))
        }
    }

    /// Reads into `base` until `count` bytes are in or a read returns none (the end of the file), calling
    /// `readSome(at, wanted, done)` again when a signal interrupted it: how many bytes came, and the
    /// `errno` that stopped it (0 when none). The caller vouches that `count` bytes at `base` are writable.
    fileprivate static func fill(
        _ base: UnsafeMutableRawPointer, count: Int, _ readSome: (UnsafeMutableRawPointer, Int, Int) -> Int
    ) -> (done: Int, failure: Int32) {
        var done = 0
        while done < count {
            let n = readSome(base + done, count - done, done)
            if n < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if n == 0 { break }
            done += n
        }
        return (done, 0)
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.read(fd, buffer, count)
        #elseif canImport(Musl)
        return Musl.read(fd, buffer, count)
        #else
        return Glibc.read(fd, buffer, count)
        #endif
    }

    private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, bytes, count)
        #elseif canImport(Musl)
        return Musl.write(fd, bytes, count)
        #else
        return Glibc.write(fd, bytes, count)
        #endif
    }
}

/// A system error number with its message.
package struct SystemError: Error, Equatable, CustomStringConvertible {
    package var code: Int32
    package init(_ code: Int32) { self.code = code }
    package static let isDirectory = SystemError(EISDIR)
    package static let tooManyLinks = SystemError(ELOOP)
    package var description: String { String(cString: strerror(code)) }
}
