#if canImport(Glibc)
    import Glibc
#endif
import TallyCore
import Testing
@testable import TallyIngest

/// Opt-in diagnostics of HTML ingestion on the article-extraction-benchmark pages (`../shared/datasets`);
/// the benchmark's score itself is `ArticleExtractionBenchmarkTests` in TallyEvaluationTests.
enum IngestDiagnostics {
    static let benchmarkDirectory = "../shared/datasets/article-extraction-benchmark"
    static var benchmarkAvailable: Bool { access(benchmarkDirectory + "/ground-truth.json", R_OK) == 0 }

    /// The bytes libxml2 reads in ingestion: without what no extractor reads (`OpaqueContent`), as `HTMLArticle`
    /// passes them, so the diagnostics see the same tree.
    static func unread(_ sniffed: EncodingSniffer.Result) -> [UInt8] {
        var bytes = sniffed.bytes
        if sniffed.parserEncoding == "UTF-8" { OpaqueContent.strip(&bytes) }
        return bytes
    }

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// `TALLY_EXPLAIN=key:needle swift test --filter explainPage` prints why a benchmark page came out as it did
/// (`key` may also be the path of any `.html.gz`).
@Test(.enabled(if: getenv("TALLY_EXPLAIN") != nil)) func explainPage() throws {
    let spec = String(cString: getenv("TALLY_EXPLAIN"))
    let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
    let path = parts[0].contains("/") ? parts[0] : IngestDiagnostics.benchmarkDirectory + "/html/\(parts[0]).html.gz"
    let bytes = try FileReader.contents(of: path, maxBytes: 64 << 20)
    let html = try Gzip.decompress(bytes, maxBytes: 64 << 20, id: path).bytes
    let sniffed = EncodingSniffer.toUTF8(html)
    print("encoding:", sniffed.encoding, sniffed.parserEncoding, sniffed.warnings, EncodingSniffer.declaredCharset(html) ?? "-")
    let page = try #require(HTMLTree.parse(IngestDiagnostics.unread(sniffed), encoding: sniffed.parserEncoding))
    let relaxed = getenv("TALLY_RELAXED") != nil  // the second pass of starved pages
    for line in ContentExtractor.explain(page, needle: parts.count > 1 ? parts[1] : "", relaxed: relaxed) { print(line) }
}

/// `TALLY_PHASES=1 swift test -c release … --filter phaseTimings` prints CPU time per ingestion phase
/// (best of three rounds, since the machine is shared).
@Test(.enabled(if: getenv("TALLY_PHASES") != nil && IngestDiagnostics.benchmarkAvailable)) func phaseTimings() throws {
    var pages: [[UInt8]] = []
    let dir = IngestDiagnostics.benchmarkDirectory + "/html"
    for file in Ingestor().inputFiles(for: [dir]).files {
        let gz = try FileReader.contents(of: file, maxBytes: 64 << 20)
        pages.append(try Gzip.decompress(gz, maxBytes: 64 << 20, id: file).bytes)
    }
    var best = [Double](repeating: .infinity, count: 5)
    for _ in 0..<3 {
        var t = [Double](repeating: 0, count: 5)
        var clock = IngestDiagnostics.threadCPUSeconds()
        func lap(_ i: Int) {
            let now = IngestDiagnostics.threadCPUSeconds()
            t[i] += now - clock
            clock = now
        }
        for html in pages {
            clock = IngestDiagnostics.threadCPUSeconds()
            let sniffed = EncodingSniffer.toUTF8(html)
            let bytes = IngestDiagnostics.unread(sniffed)
            lap(0)
            HTMLTree.parseOnly(bytes, encoding: sniffed.parserEncoding)
            lap(1)
            let page = try #require(HTMLTree.parse(bytes, encoding: sniffed.parserEncoding))
            lap(2)
            _ = MetadataExtractor.extract(page)
            lap(3)
            _ = ContentExtractor.extract(page)
            lap(4)
        }
        best = zip(best, t).map { min($0, $1) }
    }
    let total = best[0] + best[2] + best[3] + best[4]
    print("phases over \(pages.count) pages (CPU s): sniff \(best[0]) libxml2-only \(best[1]) parse+copy \(best[2]) metadata \(best[3]) content \(best[4]) → \(Double(pages.count) / total) pages/CPU-s without gunzip")
}

/// `TALLY_SIGNALS=DIR swift test --filter dumpSignals` writes, for every `DIR/html/*.html.gz`, the title and
/// date signals the cascades weigh (one JSON object a line, to `/tmp/tally-signals.jsonl`), for studying the
/// cascades' order on a benchmark without rebuilding for each variant.
@Test(.enabled(if: getenv("TALLY_SIGNALS") != nil)) func dumpSignals() throws {
    let dir = String(cString: getenv("TALLY_SIGNALS")) + "/html"
    var out = ""
    func q(_ s: String?) -> String {
        guard let s else { return "null" }
        var e = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": e += "\\\""
            case "\\": e += "\\\\"
            default: e += c.value < 0x20 ? " " : String(c)
            }
        }
        return e + "\""
    }
    for file in Ingestor().inputFiles(for: [dir]).files.sorted() {
        let gz = try FileReader.contents(of: file, maxBytes: 64 << 20)
        let html = try Gzip.decompress(gz, maxBytes: 64 << 20, id: file).bytes
        let sniffed = EncodingSniffer.toUTF8(html)
        guard let page = HTMLTree.parse(IngestDiagnostics.unread(sniffed), encoding: sniffed.parserEncoding) else { continue }
        let s = MetadataExtractor.gather(page)
        let choice = TitleCascade.choose(s.title)
        let seen = choice.h1Node.flatMap { DatelineFinder.near($0, in: page, today: CalendarDate.today) }
        let d = s.dates
        let metas = d.metas.filter { k, _ in ["date", "time", "publish", "modif", "created", "updated"].contains { k.contains($0) } }
        let t = s.title
        out += "{\"doc\":\(q(file)),\"title\":\(q(choice.title)),\"og\":\(q(t.ogTitle)),\"tw\":\(q(t.twitterTitle)),\"ld\":\(q(t.headline)),"
        out += "\"tt\":\(q(t.titleTag)),\"h1s\":[\(t.h1s.map { q($0.text) }.joined(separator: ","))],\"sites\":[\(t.siteNames.map(q).joined(separator: ","))],"
        out += "\"url\":\(q(d.url)),\"ldPub\":\(q(d.jsonLDPublished)),\"ldMod\":\(q(d.jsonLDModified)),"
        out += "\"metas\":{\(metas.sorted { $0.key < $1.key }.map { "\(q($0.key)):\(q($0.value))" }.joined(separator: ","))},"
        out += "\"times\":[\(d.times.map { "[\(q($0.value)),\($0.preferred)]" }.joined(separator: ","))],"
        out += "\"marked\":[\(d.marked.map { "[\(q($0.date.iso)),\($0.updated)]" }.joined(separator: ","))],"
        out += "\"seen\":\(q(seen?.date.iso)),\"seenUpdated\":\(seen?.updated ?? false),"
        out += "\"chosen\":\(q(PublishedDateCascade.choose({ var x = d; x.anchor = choice.h1Node; return x }(), page: page)?.iso))}\n"
    }
    Array(out.utf8).withUnsafeBufferPointer { buf in
        let f = fopen("/tmp/tally-signals.jsonl", "w")
        defer { fclose(f) }
        fwrite(buf.baseAddress, 1, buf.count, f)
    }
}
