import Foundation
import Testing
import TallyCore
@testable import TallyReport

/// Renderers meet whatever upstream stages produce: offsets out of range, quotes missing from
/// their sentence, empty strings, odd scalars. None of it may crash a report.
@Suite struct RobustnessTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static let pieces = ["", " ", "400", "nearly 400", "é", "👩‍👩‍👧", "\n", "\"", "<i>", "|", "\u{0}", "…", "a b c d e f g h"]

    func randomText(_ g: inout Generator, words: Int) -> String {
        (0..<words).map { _ in Self.pieces.randomElement(using: &g)! }.joined(separator: Bool.random(using: &g) ? " " : "")
    }

    @Test func oddTextSurvivesTheStore() throws {
        let path = NSTemporaryDirectory() + "tally-robust-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var g = Generator(state: 7)
        let store = try ClaimStore(path: path)
        for round in 0..<30 {
            var claim = Fixtures.range
            claim.quote = randomText(&g, words: 4)
            claim.sentence = randomText(&g, words: 10)
            claim.speaker = randomText(&g, words: 2)
            claim.value = .number(Double(round) / 3)
            let document = Document(id: randomText(&g, words: 2) + "\(round)", text: randomText(&g, words: 5))
            try store.replace(ClaimStore.Entry(document: document, contentHash: "h", rulesHash: "r", claims: [claim]))
            var expected = claim
            expected.doc = document.id
            #expect(try store.storedClaims(doc: document.id, contentHash: "h", rulesHash: "r") == [expected])
        }
    }

    @Test func randomClaimsRenderInEveryFormat() {
        var g = Generator(state: 42)
        for round in 0..<150 {
            let text = randomText(&g, words: Int.random(in: 0...40, using: &g))
            let document = Document(id: "d\(round % 3)", url: Bool.random(using: &g) ? "https://x.org/\(round)" : "javascript:x", text: text)
            var findingClaims: [FindingClaim] = []
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                let start = Int.random(in: -5...60, using: &g)
                let claim = Claim(
                    doc: document.id, kind: randomText(&g, words: 1), value: Bool.random(using: &g) ? .number(.infinity) : nil,
                    low: .number(Double(Int.random(in: -10...10, using: &g))), high: nil,
                    qualifier: Qualifier.allCases.randomElement(using: &g)!, unit: Bool.random(using: &g) ? "s" : nil,
                    scope: Scope.allCases.randomElement(using: &g), subject: nil, event: nil, speaker: randomText(&g, words: 2),
                    quote: randomText(&g, words: Int.random(in: 0...3, using: &g)), start: start,
                    end: start + Int.random(in: -3...20, using: &g), sentence: randomText(&g, words: Int.random(in: 0...30, using: &g)),
                    rule: "r")
                findingClaims.append(FindingClaim(claim: claim, position: Int.random(in: -1...3, using: &g)))
            }
            let finding = Finding(verdict: Verdict.allCases.randomElement(using: &g)!, kind: "k", subject: randomText(&g, words: 2),
                                  event: nil, reason: randomText(&g, words: 8), claims: findingClaims)
            let report = Report(documents: [DocumentSummary(doc: document.id, title: randomText(&g, words: 3), outlet: nil,
                                                            published: nil, url: document.url, claims: -1)],
                                findings: [finding])
            for format in ReportFormat.allCases {
                _ = ReportRenderer.render(report, format: format, color: Bool.random(using: &g), documents: [document])
            }
            let html = HTMLReport.render(report, documents: [document])
            #expect(!html.contains("<i>") && !html.contains("javascript:"))
            for format in ClaimFormat.allCases { _ = ClaimWriter.render(findingClaims.map(\.claim), format: format) }
        }
    }
}
