import Testing
import TallyCore
@testable import TallyIngest

@Suite struct InputErrorTests {
    let ingestor = Ingestor()

    func reason(_ bytes: [UInt8], id: String = "x", options: IngestOptions = IngestOptions()) -> String? {
        do {
            _ = try Ingestor(options: options).ingest(bytes: bytes, id: id)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func emptyAndBlankFiles() {
        #expect(reason([]) == "empty file")
        #expect(reason(Array("  \n\t\n".utf8)) == "empty file (only whitespace)")
    }

    @Test func binaryNamedHTMLIsRefused() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array(repeating: 7, count: 100)
        #expect(reason(png, id: "page.html")?.contains("binary") == true)
        let controls: [UInt8] = (0..<200).map { UInt8(1 + $0 % 8) }
        #expect(reason(controls)?.contains("mostly control bytes") == true)
    }

    @Test func tooLargeIsRefused() {
        let options = IngestOptions(maxBytes: 100)
        #expect(reason(Array(repeating: UInt8(ascii: "a"), count: 101), options: options)?.contains("larger than") == true)
    }

    @Test func jsonThatIsNotJSONLinesIsRefused() {
        #expect(reason(Array("{\n  \"a\": 1\n}\n".utf8))?.contains("not JSON Lines") == true)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: IngestError.self) { try ingestor.ingest(file: "/nonexistent/tally/file.txt") }
    }
}
