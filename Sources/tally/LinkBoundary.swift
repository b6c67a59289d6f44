import Foundation
import TallyCore
import TallyMemory
import TallyReport

/// Keeps a folder's reading inside the folder: a file reached through a symlink that leads out of the
/// input folder it was found in (`passwd -> /etc/passwd`, `kmsg -> /proc/kmsg`, which hangs a read) is
/// not read but skipped, once per link, unless `--follow-links`. A file named on the command line is
/// read wherever its link leads: the user chose it.
struct LinkBoundary {
    /// The input paths as given, each with its real path.
    private let roots: [(given: String, real: String)]
    /// Real paths already resolved (a folder's files share their prefixes).
    private var realPaths: [String: String] = [:]

    init(inputs: [String]) {
        roots = inputs.map { ($0, Self.resolve($0)) }.sorted { $0.given.count > $1.given.count }
    }

    /// `files` split into those to read and one skip per link that leads out of its input folder.
    mutating func filter(_ files: [String]) -> (files: [String], skipped: [SkippedInput]) {
        var kept: [String] = []
        var skipped: [SkippedInput] = []
        var linksSeen: Set<String> = []
        for file in files {
            guard let link = escapingLink(file) else {
                kept.append(file)
                continue
            }
            if linksSeen.insert(link.path).inserted {
                skipped.append(SkippedInput(
                    path: link.path, reason: "symbolic link out of the input folder (to \(link.target)); not followed without --follow-links"))
            }
        }
        return (kept, skipped)
    }

    /// The first component of `file`'s path below its input folder whose real path is outside that
    /// folder, or nil when the file is inside (or was named itself).
    private mutating func escapingLink(_ file: String) -> (path: String, target: String)? {
        guard let root = roots.first(where: { file.hasPrefix($0.given.hasSuffix("/") ? $0.given : $0.given + "/") }) else {
            return nil  // named on the command line
        }
        let inside = root.real == "/" ? "/" : root.real + "/"
        guard !realPath(file).hasPrefix(inside) else { return nil }
        var prefix = root.given.hasSuffix("/") ? String(root.given.dropLast()) : root.given
        for component in file.dropFirst(prefix.count + 1).split(separator: "/") {
            prefix += "/" + component
            let real = realPath(prefix)
            if !real.hasPrefix(inside) { return (prefix, real) }
        }
        return (file, realPath(file))
    }

    private mutating func realPath(_ path: String) -> String {
        if let known = realPaths[path] { return known }
        let real = Self.resolve(path)
        realPaths[path] = real
        return real
    }

    /// The real path by `realpath(3)`: Foundation's `resolvingSymlinksInPath` cost about 100,000
    /// instructions a file, more than extracting a short article. A path that cannot be resolved
    /// (gone since the listing) keeps its standardized form.
    static func resolve(_ path: String) -> String {
        (try? FileSystemCalls.realPath(path).get()) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
