import Foundation
import Testing

/// A symlink in an input folder is followed only to a place inside that folder, unless
/// `--follow-links` (issue 19, item 5: a link to `/etc/passwd` became a document).
@Suite struct LinkBoundaryTests {
    static let article = "Officials said 400 prisoners were freed on Monday in the exchange.\n"

    /// `in/` holds an article, a link to a file outside, a link to a folder outside and a link to its
    /// own article; `outside/` holds the secret and another article.
    static func layout() throws -> URL {
        let root = try TallyProcess.scratch("links")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try article.write(to: root.appendingPathComponent("in/a.txt"), atomically: true, encoding: .utf8)
        try "root:x:0:0:secret\n".write(to: root.appendingPathComponent("outside/passwd.txt"), atomically: true, encoding: .utf8)
        try article.write(to: root.appendingPathComponent("outside/b.txt"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("in/passwd.txt").path,
                                  withDestinationPath: root.appendingPathComponent("outside/passwd.txt").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("in/sub/out").path, withDestinationPath: "../../outside")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("in/sub/again.txt").path, withDestinationPath: "../a.txt")
        return root
    }

    static func documents(_ run: TallyProcess.Output) -> [String] {
        run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["doc"] as? String
        }.sorted()
    }

    @Test func linksOutOfTheFolderAreSkippedOncePerLink() throws {
        guard TallyProcess.executable != nil else { return }
        let root = try Self.layout()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try TallyProcess.run(["ingest", "in", "--quiet"], in: root)
        #expect(run.status == 2)
        #expect(Self.documents(run) == ["in/a.txt", "in/sub/again.txt"])
        #expect(!run.stdout.contains("secret"))
        let skips = run.stderr.split(separator: "\n").filter { $0.contains("symbolic link out of the input folder") }
        #expect(skips.count == 2, "\(run.stderr)")
        #expect(skips.contains { $0.hasPrefix("tally: skipped in/passwd.txt:") })
        #expect(skips.contains { $0.hasPrefix("tally: skipped in/sub/out:") })

        let report = try TallyProcess.run(["report", "in", "--format", "json", "--quiet"], in: root)
        #expect(report.stdout.contains("\"path\" : \"in/passwd.txt\"") || report.stdout.contains("\"path\": \"in/passwd.txt\""), "\(report.stdout)")
    }

    @Test func followLinksAndNamedFilesReadWhereTheLinkLeads() throws {
        guard TallyProcess.executable != nil else { return }
        let root = try Self.layout()
        defer { try? FileManager.default.removeItem(at: root) }
        let followed = try TallyProcess.run(["ingest", "in", "--follow-links", "--quiet"], in: root)
        #expect(Self.documents(followed) == ["in/a.txt", "in/passwd.txt", "in/sub/again.txt", "in/sub/out/b.txt", "in/sub/out/passwd.txt"])
        let named = try TallyProcess.run(["ingest", "in/passwd.txt", "--quiet"], in: root)
        #expect(named.status == 0 && Self.documents(named) == ["in/passwd.txt"])
    }
}
