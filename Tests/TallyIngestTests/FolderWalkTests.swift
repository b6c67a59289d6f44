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

    @Test func aConfinedWalkDoesNotListFoldersLinkedFromOutside() {
        let root = Fixtures.scratchFolder("confined")
        let outside = Fixtures.scratchFolder("outside")
        Fixtures.makeFolder(root + "/in")
        Fixtures.makeFolder(root + "/in/sub")
        Fixtures.write("Headline\nText.", to: root + "/in/a.txt")
        Fixtures.write("Headline\nText.", to: root + "/in/sub/b.txt")
        Fixtures.write("Headline\nText.", to: outside + "/far.txt")
        symlink(outside, root + "/in/away")  // a link to / would walk the whole file system
        symlink(root + "/in/sub", root + "/in/near")  // a link inside the folder is read
        let confined = Ingestor().inputFiles(for: [root + "/in"], confined: true)
        #expect(confined.files == [root + "/in/a.txt", root + "/in/near/b.txt", root + "/in/sub/b.txt"])
        #expect(confined.skipped.map(\.path) == [root + "/in/away"])
        #expect(confined.skipped.first?.reason.contains("symbolic link out of the input folder") == true)
        let free = Ingestor().inputFiles(for: [root + "/in"])
        #expect(free.files.contains(root + "/in/away/far.txt") && free.skipped.isEmpty)
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
