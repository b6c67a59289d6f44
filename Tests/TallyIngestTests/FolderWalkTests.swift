#if canImport(Glibc)
    import Glibc
#endif
import Testing
import TallyCore
@testable import TallyIngest

@Suite struct FolderWalkTests {
    @Test func foldersAreReadRecursivelyInSortedOrder() {
        let root = Fixtures.scratchFolder("walk")
        Fixtures.makeFolder(root + "/b")
        Fixtures.makeFolder(root + "/.hidden")
        Fixtures.write("Headline\nText.", to: root + "/b/2.txt")
        Fixtures.write("Headline\nText.", to: root + "/a.txt")
        Fixtures.write("Headline\nText.", to: root + "/.secret.txt")
        Fixtures.write("Headline\nText.", to: root + "/.hidden/x.txt")
        Fixtures.write("kind: money\n", to: root + "/rules.yaml")
        Fixtures.write("# notes\n", to: root + "/README.md")
        Fixtures.write("{\n \"a\": 1\n}\n", to: root + "/config.json")
        Fixtures.write("{\"id\":\"r1\",\"text\":\"Headline\\nBody.\"}\n", to: root + "/docs.json")
        Fixtures.write("noextension article\n", to: root + "/c")
        symlink(root, root + "/loop")
        let (files, skipped) = Ingestor().inputFiles(for: [root, root + "/missing.txt"])
        #expect(files == [root + "/a.txt", root + "/b/2.txt", root + "/c", root + "/docs.json"])
        #expect(skipped.contains(SkippedInput(path: root + "/missing.txt", reason: "no such file or folder")))
        #expect(skipped.contains { $0.path == root + "/loop" && $0.reason.contains("loop") })
        #expect(skipped.count == 2)
    }

    @Test func explicitFileIsKeptWhateverItsExtension() {
        let root = Fixtures.scratchFolder("explicit")
        Fixtures.write("Headline\nText.", to: root + "/notes.md")
        let (files, skipped) = Ingestor().inputFiles(for: [root + "/notes.md"])
        #expect(files == [root + "/notes.md"])
        #expect(skipped.isEmpty)
    }

    @Test func documentIDIsThePathAsGiven() throws {
        let root = Fixtures.scratchFolder("id")
        Fixtures.write("Headline\nText.", to: root + "/a.txt")
        let docs = try Ingestor().ingest(file: root + "/a.txt")
        #expect(docs.map(\.id) == [root + "/a.txt"])
    }
}
