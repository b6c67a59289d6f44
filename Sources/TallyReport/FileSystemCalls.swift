#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls that writing an output file needs, wrapped so the rest of the module sees Swift
/// values and never a pointer.
///
/// Why this is sound: every pointer here lives only for the call it is passed to: `withUnsafeBytes`
/// and `withUnsafeMutableBufferPointer` scope the buffers, `readlink` is given the buffer's true
/// capacity and its result length is checked before use, and `realpath`'s malloc'd result is copied
/// into a `String` and freed at once. Errors come back as `errno` read right after the failing call.
package enum FileSystemCalls {
    /// What `lstat` says a path is (symlinks not followed).
    enum Kind: Equatable {
        case missing, regular, directory, symlink, other
    }

    /// The kind of `path`, or the errno when it cannot be looked at (other than "does not exist").
    static func kind(_ path: String) -> Result<Kind, SystemError> {
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
    static func ownership(_ path: String) -> (mode: mode_t, uid: uid_t, gid: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
    }

    /// The target a symlink holds, as written in it (possibly relative).
    static func readLink(_ path: String) -> Result<String, SystemError> {
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
    static func openExisting(_ path: String) -> Result<Int32, SystemError> {
        let fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC)
        return fd >= 0 ? .success(fd) : .failure(SystemError(errno))
    }

    /// Creates a file that must not exist yet, with `mode` (less the umask).
    static func createNew(_ path: String, mode: mode_t) -> Result<Int32, SystemError> {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        return fd >= 0 ? .success(fd) : .failure(SystemError(errno))
    }

    /// Whether an open file is a regular file (only those can be flushed and renamed).
    static func isRegular(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> SystemError? {
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

    static func fsyncFile(_ fd: Int32) -> SystemError? { fsync(fd) == 0 ? nil : SystemError(errno) }
    static func closeFile(_ fd: Int32) -> SystemError? { close(fd) == 0 ? nil : SystemError(errno) }
    static func setOwnership(_ fd: Int32, mode: mode_t, uid: uid_t, gid: gid_t) {
        _ = fchown(fd, uid, gid)  // only root may give a file away; anyone else keeps their own
        _ = fchmod(fd, mode)  // open's mode is masked by the umask
    }
    static func renameFile(_ from: String, _ to: String) -> SystemError? { rename(from, to) == 0 ? nil : SystemError(errno) }
    static func remove(_ path: String) { unlink(path) }

    /// Flushes a directory so a rename into it survives a crash.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func processID() -> Int32 { getpid() }

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
    var code: Int32
    init(_ code: Int32) { self.code = code }
    static let isDirectory = SystemError(EISDIR)
    static let tooManyLinks = SystemError(ELOOP)
    package var description: String { String(cString: strerror(code)) }
}
