#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file all at once or not at all: the bytes go to a temporary file in the same
/// directory, are flushed to disk (`fsync`), then renamed over the target. A run interrupted at
/// any point leaves the previous file intact (at worst a stray `.name.tmp-…` file).
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
        let (directory, name) = split(path)
        let temp = directory + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Keep an existing file's permissions; new files get 0644 less the umask.
        var info = stat()
        let exists = stat(path, &info) == 0
        let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o644
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: path, reason: systemError()) }
        if exists { _ = fchmod(fd, mode) }  // open's mode is masked by the umask
        var failure = writeAll(fd, bytes)
        if failure == nil, fsync(fd) != 0 { failure = systemError() }
        if close(fd) != 0, failure == nil { failure = systemError() }
        if failure == nil, rename(temp, path) != 0 { failure = systemError() }
        if let failure {
            unlink(temp)
            throw WriteError(path: path, reason: failure)
        }
        // Make the rename itself durable.
        let dirfd = open(directory, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return systemError()
            }
            offset += written
        }
        return nil
    }

    /// Directory (`.` when none) and file name of a path.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, bytes, count)
        #elseif canImport(Musl)
        return Musl.write(fd, bytes, count)
        #else
        return Glibc.write(fd, bytes, count)
        #endif
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
