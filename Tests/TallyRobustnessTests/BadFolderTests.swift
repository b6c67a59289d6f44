import Foundation
import Testing
import TallyCore

/// `tally report` over a folder where good articles sit among twenty-odd kinds of bad file: every good
/// article is read, every bad file is named on stderr with why (skipped, or read with a warning), nothing
/// hangs, and the exit status says inputs were skipped (2).
@Suite(.serialized) struct BadFolderTests {
    /// A bad input and the words its stderr line must contain ("skipped" or "warning" plus the reason).
    struct Bad {
        var name: String
        var expect: [String]
    }

    @Test(.timeLimit(.minutes(15)))
    func reportOverMixedFolderListsEveryBadFile() throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("badfolder")
        defer {
            chmod(folder.appendingPathComponent("unreadable.txt").path, 0o644)
            try? FileManager.default.removeItem(at: folder)
        }
        let articles = TallyProcess.repository.appendingPathComponent("corpus/articles")
        let good = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.sorted()
            .prefix(4)
        try #require(good.count == 4)
        for name in good {
            try FileManager.default.copyItem(at: articles.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let article = try Data(contentsOf: articles.appendingPathComponent(good.first!))
        let bad = try BadFiles.make(in: folder, article: article)
        // A folder named like a file is a folder: the article inside it is read.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.html"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: articles.appendingPathComponent(good[1]), to: folder.appendingPathComponent("folder.html/inside.txt"))

        let result = try TallyProcess.run(
            [folder.path, "--max-size", "40", "--format", "json", "--jobs", "2", "--quiet"], in: folder, command: "report")
        #expect(result.status == 2, "exit status: \(result.status)\n\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let documents = (report?["documents"] as? [[String: Any]]) ?? []
        let claimsByDoc = Dictionary(documents.compactMap { d in (d["doc"] as? String).map { ($0, d["claims"] as? Int ?? 0) } }) { a, _ in a }
        for name in good + ["folder.html/inside.txt"] {
            let claims = claimsByDoc[folder.appendingPathComponent(name).path]
            #expect((claims ?? 0) > 0, "good article \(name) not processed (claims: \(String(describing: claims)))")
        }
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for file in bad {
            let path = folder.appendingPathComponent(file.name).path
            let mentions = lines.filter { $0.contains(path) }
            let listed = mentions.contains { line in file.expect.allSatisfy { line.contains($0) } }
            #expect(listed, "\(file.name) not listed with \(file.expect); lines about it: \(mentions)")
        }
        #expect(bad.count >= 20, "only \(bad.count) kinds of bad file")
        // The claims file is passed over (not an article, by design) and never read as one.
        #expect(claimsByDoc.keys.allSatisfy { !$0.contains("claims.jsonl") })
    }
}

extension TallyProcess {
    static func run(_ arguments: [String], in directory: URL, command: String) throws -> Output {
        try run([command] + arguments, in: directory)
    }
}
