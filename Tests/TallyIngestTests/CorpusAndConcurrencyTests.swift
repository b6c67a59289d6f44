import Testing
import TallyCore
@testable import TallyIngest

@Suite struct CorpusAndConcurrencyTests {
    @Test func sampleCorpusFolderIngests() throws {
        let ingestor = Ingestor()
        let (all, skipped) = ingestor.inputFiles(for: ["corpus/articles"])
        #expect(skipped.isEmpty)
        #expect(all == all.sorted())
        // The five sample articles (the team's own additions have other dates and formats).
        let files = all.filter { $0.contains("/00") && $0.hasSuffix(".txt") }
        #expect(files.count == 5)
        for file in files {
            let doc = try #require(try ingestor.ingest(file: file).first)
            #expect(doc.published?.iso == (file.contains("/002_") ? "2025-05-16" : "2025-06-02"), "\(file)")
            #expect(doc.title?.isEmpty == false)
            #expect(doc.text.hasPrefix(doc.title ?? "?"))
            #expect(doc.encoding == "utf-8")
            #expect(doc.warnings.isEmpty, "\(file): \(doc.warnings)")
        }
    }

    @Test func concurrentHTMLIngestionGivesIdenticalResults() async throws {
        let html = """
            <html><head><meta property="article:published_time" content="2025-06-02"><title>T</title></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Headline</h1>
            <p>Both sides agreed to exchange 1,200 prisoners, officials said on Monday afternoon.</p>
            <p>The talks lasted about an hour, according to a person familiar with them.</p></article></body></html>
            """
        let bytes = Array(html.utf8)
        let ingestor = Ingestor()
        let expected = try ingestor.ingest(bytes: bytes, id: "p.html")
        let results = try await withThrowingTaskGroup(of: [Document].self) { group in
            for _ in 0..<16 { group.addTask { try ingestor.ingest(bytes: bytes, id: "p.html") } }
            var all: [[Document]] = []
            for try await docs in group { all.append(docs) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.first?.published?.iso == "2025-06-02")
    }
}
