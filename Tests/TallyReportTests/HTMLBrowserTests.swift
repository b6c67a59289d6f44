import Foundation
import Testing
import TallyCore
@testable import TallyReport

/// Renders the HTML report in headless Chromium and checks what a reader sees: the findings,
/// the highlighted figures, the sides laid out next to each other, and the filters (driven by
/// the page's URL query). Skipped when no Chromium is installed (`apt-get install chromium`).
@Suite(.enabled(if: Browser.path != nil, "no Chromium found"), .serialized)
struct HTMLBrowserTests {
    /// The report plus a probe script that records layout facts into the DOM for `--dump-dom`.
    static let page: String = {
        let probe = """
            <script>
            (function () {
              var sides = document.querySelectorAll("#finding-1 .side");
              var a = sides[0].getBoundingClientRect(), b = sides[1].getBoundingClientRect();
              var mark = document.querySelector("#finding-1 mark");
              var style = getComputedStyle(mark);
              var root = document.documentElement.dataset;
              root.sideBySide = String(Math.abs(a.top - b.top) < 2 && b.left >= a.right);
              root.markVisible = String(mark.getBoundingClientRect().width > 0 && style.backgroundColor !== "rgba(0, 0, 0, 0)");
              root.overflowingCards = String(Array.prototype.filter.call(document.querySelectorAll(".claim"),
                function (e) { return e.scrollWidth > e.clientWidth + 1; }).length);
              root.visibleArticles = String(Array.prototype.filter.call(document.querySelectorAll("article"),
                function (e) { return e.offsetParent !== null; }).length);
            })();
            </script>
            """
        // Long paths as document ids, as `tally report corpus/articles` gives them.
        let long = ["a.txt": "corpus/articles/2025/06/000_8defa8e41f7bd2f8_talks_end_in_an_hour.txt",
                    "b.txt": "corpus/articles/2025/06/001_7cf5a6636f4c4c57_second_round_of_talks.txt"]
        var report = Fixtures.report
        for i in report.documents.indices { report.documents[i].doc = long[report.documents[i].doc]! }
        for i in report.findings.indices {
            for j in report.findings[i].claims.indices { report.findings[i].claims[j].claim.doc = long[report.findings[i].claims[j].claim.doc]! }
        }
        var documents = [Fixtures.documentA, Fixtures.documentB]
        for i in documents.indices { documents[i].id = long[documents[i].id]! }
        let html = HTMLReport.render(report, documents: documents)
        return html.replacingLast("</body>", with: probe + "</body>")
    }()

    static let file: String = {
        let directory = NSTemporaryDirectory() + "tally-html-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/report.html"
        try? AtomicFile.write(page, to: path)
        return path
    }()

    func dom(query: String = "") throws -> String {
        try Browser.dumpDOM(url: "file://" + Self.file + query)
    }

    @Test func readerSeesEveryFindingWithHighlightedFiguresSideBySide() throws {
        let dom = try dom()
        #expect(dom.contains("data-visible-articles=\"3\""))
        #expect(dom.contains("data-side-by-side=\"true\""))
        #expect(dom.contains("data-mark-visible=\"true\""))
        #expect(dom.contains("data-overflowing-cards=\"0\""))  // long paths wrap inside their card
        #expect(dom.contains("<span id=\"shown\">3</span>"))
        #expect(dom.contains("<mark>nearly 400 children</mark>"))
        #expect(!dom.contains("<script>alert"))  // the quote's markup stayed text
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func verdictFilterFromTheQuery() throws {
        let dom = try dom(query: "?verdict=conflict")
        #expect(dom.contains("data-visible-articles=\"1\""))
        #expect(dom.contains("<span id=\"shown\">1</span>"))
        #expect(hidden(dom, "finding-1") == false)
        #expect(hidden(dom, "finding-2") == true && hidden(dom, "finding-3") == true)
    }

    @Test func kindAndVerdictFiltersCombine() throws {
        let dom = try dom(query: "?kind=prisoners,bodies&verdict=conflict,variance")
        #expect(dom.contains("data-visible-articles=\"1\""))
        #expect(hidden(dom, "finding-3") == false)  // the prisoners variance
    }

    @Test func noMatchSaysSo() throws {
        let dom = try dom(query: "?verdict=agreement")
        #expect(dom.contains("data-visible-articles=\"0\""))
        #expect(dom.contains("<p id=\"none\" class=\"empty\">No finding matches"))
    }

    /// Whether the article with this id carries the `hidden` attribute, nil if absent.
    func hidden(_ dom: String, _ id: String) -> Bool? {
        guard let start = dom.range(of: "id=\"\(id)\"") else { return nil }
        let tagEnd = dom[start.upperBound...].firstIndex(of: ">") ?? dom.endIndex
        return dom[start.upperBound..<tagEnd].contains("hidden")
    }
}

/// Finds and runs a headless Chromium.
enum Browser {
    static let path: String? = {
        if let configured = ProcessInfo.processInfo.environment["TALLY_CHROMIUM"] {
            return configured.isEmpty ? nil : configured
        }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The DOM after the page's scripts ran, at a 1280×1600 window.
    static func dumpDOM(url: String, timeout: Double = 90) throws -> String {
        guard let path else { throw Failure(description: "no browser") }
        let profile = NSTemporaryDirectory() + "tally-chromium-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
                             "--window-size=1280,1600", "--dump-dom", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        guard process.terminationStatus == 0, !data.isEmpty else {
            throw Failure(description: "\(path) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func replacingLast(_ target: String, with replacement: String) -> String {
        guard let range = self.range(of: target, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
