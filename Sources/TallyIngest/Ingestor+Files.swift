#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import TallyCore
import TallyMemory

extension Ingestor {
    /// Extensions of files that are clearly not articles; inside folders they are skipped silently.
    /// (`.json` is skipped only when it is not JSON Lines; everything else is sniffed by content.)
    static let nonArticleExtensions: Set<String> = [
        "yaml", "yml", "md", "csv", "tsv", "sqlite", "sqlite3", "db",
        "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "avif",
        "css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "swift", "lock",
    ]

    /// Expands paths into input files, folders recursively, in a deterministic (sorted) order.
    ///
    /// Inside folders, hidden files and folders are skipped, and so are files that are clearly not
    /// articles (`nonArticleExtensions`, `.json` that is not JSON Lines). Paths that do not exist,
    /// cannot be listed or read, or loop through symbolic links come back as skipped, with the reason.
    /// A path named explicitly is always returned when it is a readable file. With `confined`, a folder
    /// reached through a symbolic link that leads out of the named folder is not listed but skipped: a
    /// link to `/` would otherwise walk the whole file system.
    public func inputFiles(for paths: [String], confined: Bool = false) -> (files: [String], skipped: [SkippedInput]) {
        var walk = FolderWalk()
        walk.confined = confined
        for path in paths {
            walk.visit(path, explicit: true)
        }
        return (walk.files, walk.skipped)
    }
}

/// Recursive folder listing with loop detection.
private struct FolderWalk {
    var files: [String] = []
    var skipped: [SkippedInput] = []
    /// Real paths of the folders being listed, to notice symbolic-link loops.
    var visiting: Set<String> = []
    /// Whether folders outside the named folder (`root`) are left unlisted.
    var confined = false
    /// The real path of the folder named on the command line being walked.
    var root: String?

    mutating func visit(_ path: String, explicit: Bool) {
        var info = stat()
        let cPath = RawPath.cString(path)
        if stat(cPath, &info) != 0 {
            skipped.append(SkippedInput(path: path, reason: FileReader.reason(errno: errno)))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            if explicit { root = FileReader.realPath(path) }
            listFolder(path)
        case S_IFREG:
            if !explicit && FolderWalk.isClearlyNotArticle(path) { return }
            if access(cPath, R_OK) != 0 {
                skipped.append(SkippedInput(path: path, reason: FileReader.reason(errno: errno)))
                return
            }
            files.append(path)
        default:
            // FIFOs, sockets and devices are never read (a FIFO would block), and always listed.
            skipped.append(SkippedInput(path: path, reason: "not a regular file or folder"))
        }
    }

    mutating func listFolder(_ path: String) {
        let real: String
        switch FileSystemCalls.realPath(cString: RawPath.cString(path)) {
        case .success(let resolved): real = resolved
        case .failure(let error):
            skipped.append(SkippedInput(path: path, reason: FileReader.reason(errno: error.code)))
            return
        }
        if visiting.contains(real) {
            skipped.append(SkippedInput(path: path, reason: "symbolic link loop (folder already being read: \(real))"))
            return
        }
        if confined, let root, real != root, !real.hasPrefix(root == "/" ? "/" : root + "/") {
            skipped.append(SkippedInput(
                path: path, reason: "symbolic link out of the input folder (to \(real)); not followed without --follow-links"))
            return
        }
        let entries: [[UInt8]]
        switch FileSystemCalls.entryNames(ofFolder: RawPath.cString(path)) {
        case .success(let found): entries = found
        case .failure(let error):
            skipped.append(SkippedInput(path: path, reason: "cannot list folder: " + FileReader.reason(errno: error.code)))
            return
        }
        var names: [String] = []
        for entry in entries {
            let name = String(decoding: entry, as: UTF8.self)
            if name.hasPrefix(".") { continue }  // ".", "..", and hidden files/folders
            names.append(name)
        }
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        visiting.insert(real)
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for name in names { visit(prefix + name, explicit: false) }
        visiting.remove(real)
    }

    /// Whether the file's extension says it is not an article (a `.json` file is checked by content).
    static func isClearlyNotArticle(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        let ext = path[path.index(after: dot)...].lowercased()
        if Ingestor.nonArticleExtensions.contains(ext) { return true }
        if ext == "json" {
            guard let head = try? FileReader.prefix(of: path, count: 64 * 1024) else { return false }
            var start = 0
            while start < head.count, FormatSniffer.isSpace(head[start]) { start += 1 }
            return !(start < head.count && head[start] == UInt8(ascii: "{") && JSONLinesReader.firstRecordLooksValid(head, from: start))
        }
        return false
    }
}

/// Whole-file reads with a size limit and errors that say why.
enum FileReader {
    static func contents(of path: String, maxBytes: Int) throws(IngestError) -> [UInt8] {
        let info: (isDirectory: Bool, size: Int)
        switch FileSystemCalls.status(cString: RawPath.cString(path)) {
        case .success(let found): info = found
        case .failure(let error): throw IngestError(path: path, reason: reason(errno: error.code))
        }
        if info.isDirectory { throw IngestError(path: path, reason: "is a folder (pass it to inputFiles first)") }
        if info.size > maxBytes {
            throw IngestError(path: path, reason: "larger than the \(ByteCount(maxBytes)) limit (\(ByteCount(info.size)))")
        }
        return try read(path, limit: maxBytes + 1)
    }

    static func prefix(of path: String, count: Int) throws(IngestError) -> [UInt8] {
        try read(path, limit: count)
    }

    /// Reads at most `limit` bytes; a file that grows past `limit` while read is cut there.
    private static func read(_ path: String, limit: Int) throws(IngestError) -> [UInt8] {
        switch FileSystemCalls.readFile(RawPath.cString(path), limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            throw IngestError(path: path, reason: (failure.opening ? "" : "unreadable: ") + reason(errno: failure.error.code))
        }
    }

    static func realPath(_ path: String) -> String? {
        try? FileSystemCalls.realPath(cString: RawPath.cString(path)).get()
    }

    /// A short reason for an `errno`, worded for a user.
    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "symbolic link loop"
        case ENOTDIR: return "a path component is not a folder"
        case EISDIR: return "is a folder"
        case ENAMETOOLONG: return "path too long"
        default: return String(cString: strerror(code))
        }
    }
}
