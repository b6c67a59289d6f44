import Foundation
import Testing
import TallyCore
@testable import TallyReport

/// The report's pictures as a reader's browser draws them (headless Chromium): each chart is laid out at
/// a readable size inside its finding, the conflict gap and the timeline's steps are visible, and the
/// text alternative is there. Skipped when no Chromium is installed.
@Suite(.enabled(if: Browser.path != nil, "no Chromium found"), .serialized)
struct HTMLChartBrowserTests {
    static let page: String = {
        let toll = Finding(verdict: .variance, kind: "casualties", subject: "people killed", event: nil,
                           reason: "a total to date, updated from at least 1,200 people to 2,013 people", claims: [
            FindingClaim(claim: FindingChartTests.toll("a.txt", 1200, low: 1200, on: "2026-03-02"), position: 1),
            FindingClaim(claim: FindingChartTests.toll("b.txt", 1874, on: "2026-03-04"), position: 1),
            FindingClaim(claim: FindingChartTests.toll("b.txt", 2013, on: "2026-03-06"), position: 1),
        ])
        var report = Fixtures.report
        report.findings = [FindingChartTests.conflict, toll]
        let probe = """
            <script>
            (function () {
              var root = document.documentElement.dataset;
              function box(selector) { var e = document.querySelector(selector); return e ? e.getBoundingClientRect() : null; }
              var line = box("#finding-1 svg.number-line"), card = box("#finding-1");
              root.numberLine = String(line !== null && line.width >= 400 && line.height >= 60 && line.right <= card.right);
              var gap = box("#finding-1 rect.gap");
              root.gapVisible = String(gap !== null && gap.width > 4 && gap.height > 10);
              var timeline = box("#finding-2 svg.timeline");
              root.timeline = String(timeline !== null && timeline.width >= 400 && timeline.height >= 120);
              root.readings = String(document.querySelectorAll("#finding-2 circle.reading").length);
              root.updates = String(document.querySelectorAll("#finding-2 line.step.update").length);
              var step = document.querySelector("#finding-2 line.step.update");
              root.stepColoured = String(step !== null && getComputedStyle(step).stroke !== "none" && getComputedStyle(step).strokeWidth !== "0px");
              root.described = String(Array.prototype.every.call(document.querySelectorAll("svg.chart"), function (svg) {
                var ids = (svg.getAttribute("aria-labelledby") || "").split(" ");
                return svg.getAttribute("role") === "img" && ids.length === 2 && ids.every(function (id) {
                  var e = document.getElementById(id); return e !== null && e.textContent.length > 10; });
              }));
            })();
            </script>
            """
        return HTMLReport.render(report, documents: [Fixtures.documentA, Fixtures.documentB]).replacingLast("</body>", with: probe + "</body>")
    }()

    static let file: String = {
        let directory = NSTemporaryDirectory() + "tally-charts-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/report.html"
        try? AtomicFile.write(page, to: path)
        return path
    }()

    @Test func chartsAreDrawnReadablyWithTheirTextAlternative() throws {
        let dom = try Browser.dumpDOM(url: "file://" + Self.file)
        #expect(dom.contains("data-number-line=\"true\""))
        #expect(dom.contains("data-gap-visible=\"true\""))
        #expect(dom.contains("data-timeline=\"true\""))
        #expect(dom.contains("data-readings=\"3\""))
        #expect(dom.contains("data-updates=\"2\""))
        #expect(dom.contains("data-step-coloured=\"true\""))
        #expect(dom.contains("data-described=\"true\""))
    }
}
