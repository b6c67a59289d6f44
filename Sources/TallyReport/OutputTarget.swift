import TallyMemory

/// What an output path names once its symlinks are followed: a regular file (new or existing) that is
/// replaced atomically, or something that must be written into where it is (a device, a FIFO, a
/// terminal, `/dev/stdout`), since renaming a file over it would destroy it (`/dev/full` as root
/// became a regular file) or is not allowed (`/dev` is not writable for other users).
enum OutputTarget: Equatable {
    /// A regular file or no file yet, at this path with no symlink left in it: replace it atomically.
    case replace(String)
    /// Not a regular file, or a file under `/proc`: open it and write into it.
    case writeThrough(String)
    /// One of this process's open descriptors (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`): written
    /// as it is, at its offset, as a shell's `>` or `>>` opened it. Opening it anew could be refused
    /// (a pipe of another user's) or impossible (a socket).
    case descriptor(Int32)

    /// At most this many symlinks are followed, as the kernel does (`ELOOP`).
    static let maxLinks = 40

    /// Follows `path`'s symlinks one at a time (a dangling link names the file to create), so the
    /// temporary file and the rename land beside the file finally written, not beside the link.
    /// Someone who can write the folder could swap the path between this look and the write; the
    /// rename then replaces a folder entry only, never what a device node stands for.
    static func resolve(_ path: String) -> Result<OutputTarget, SystemError> {
        var current = path
        for _ in 0...maxLinks {
            let (directory, name) = AtomicFile.split(current)
            guard name != "", name != ".", name != ".." else { return .failure(SystemError.isDirectory) }
            let realDirectory: String
            switch FileSystemCalls.realPath(directory) {
            case .success(let resolved): realDirectory = resolved
            case .failure(let error): return .failure(error)
            }
            let full = (realDirectory == "/" ? "" : realDirectory) + "/" + name
            // procfs holds open descriptors and kernel files: nothing there can be created or renamed.
            if full.hasPrefix("/proc/") {
                if let fd = ownDescriptor(full) { return .success(.descriptor(fd)) }
                return .success(.writeThrough(full))
            }
            switch FileSystemCalls.kind(full) {
            case .failure(let error): return .failure(error)
            case .success(.missing), .success(.regular): return .success(.replace(full))
            case .success(.directory): return .failure(SystemError.isDirectory)
            case .success(.other): return .success(.writeThrough(full))
            case .success(.symlink):
                switch FileSystemCalls.readLink(full) {
                case .failure(let error): return .failure(error)
                case .success(let target):
                    current = target.hasPrefix("/") ? target : realDirectory + "/" + target
                }
            }
        }
        return .failure(SystemError.tooManyLinks)
    }

    /// N in `/proc/<this process>/fd/N` (where `/proc/self/fd/N` resolves to).
    static func ownDescriptor(_ path: String) -> Int32? {
        let prefix = "/proc/\(FileSystemCalls.processID())/fd/"
        guard path.hasPrefix(prefix), let fd = Int32(path.dropFirst(prefix.count)), fd >= 0 else { return nil }
        return fd
    }
}
