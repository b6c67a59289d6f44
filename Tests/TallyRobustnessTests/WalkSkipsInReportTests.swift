import Foundation
import Testing

/// What the folder walk passes over (a FIFO, a symlink loop, a folder that cannot be listed) is in
/// the report's `skipped` list with its reason, not only on stderr (issue 19, item 5).
@Suite struct WalkSkipsInReportTests {
    @Test func theReportListsEveryFileNotRead() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("walkskips")
        let locked = folder.appendingPathComponent("locked")
        defer {
            chmod(locked.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        try "Officials said 400 prisoners were freed on Monday in the exchange.\n"
            .write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try #require(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        chmod(locked.path, 0)
        let run = try TallyProcess.run(["report", ".", "--format", "json", "--quiet"], in: folder)
        #expect(run.status == 2, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let skipped = (report?["skipped"] as? [[String: String]] ?? []).map { ($0["path"] ?? "") + ": " + ($0["reason"] ?? "") }
        #expect(skipped.contains("./pipe.txt: not a regular file or folder"), "\(skipped)")
        #expect(skipped.contains { $0.hasPrefix("./loop: symbolic link loop") }, "\(skipped)")
        if getuid() != 0 {  // root lists any folder
            #expect(skipped.contains { $0.hasPrefix("./locked: cannot list folder") }, "\(skipped)")
        }
        // Each skip is listed once, though it reaches the report both from the walk and the batch.
        #expect(Set(skipped).count == skipped.count)
    }
}
