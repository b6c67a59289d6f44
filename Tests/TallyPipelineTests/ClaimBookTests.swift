import Foundation
import Testing
import TallyCore
import TallyReconcile
import TallyReport
@testable import TallyPipeline

/// The compact reduce gives what the reconciler gives on every claim at once.
@Suite struct ClaimBookTests {
    /// Claims drawn deterministically over a few documents, subjects (and none), events, stories and
    /// sentences, some sentences shared between documents so that copies are found.
    static func claims(count: Int, seed: UInt64) -> [Claim] {
        var state = seed
        func draw(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let subjects: [String?] = ["children deported", "prisoners exchanged", "bodies returned", "dead in the flood", nil]
        let events: [String?] = ["2025-06-02", "2025-06", "2025-06-03", nil]
        let kinds = ["children", "prisoners", "money", "duration"]
        let units: [String?] = [nil, "children", "hours", "minutes", "USD"]
        let qualifiers: [Qualifier] = [.exact, .approximate, .atLeast, .moreThan, .lessThan, .range]
        let statuses: [ClaimStatus?] = [nil, nil, nil, .runningTotal, .planned, .superseded]
        let stories: [[String]?] = [["Kyiv", "Moscow", "Istanbul"], ["Derna", "Libya"], nil, ["Kyiv", "Istanbul", "Umerov", "Medinsky", "Geneva", "Doha"]]
        var claims: [Claim] = []
        for index in 0..<count {
            let doc = "doc\(draw(12)).txt"
            let value = Double([339, 400, 1000, 1200, 6000, 12000, 2][draw(7)])
            let qualifier = qualifiers[draw(qualifiers.count)]
            let high: Figure? = qualifier == .range ? .number(value * 1.2) : (qualifier == .exact ? .number(value) : nil)
            let sentence = draw(3) == 0 ? "A shared wire sentence number \(draw(4)) about \(Int(value))." : "\(doc) says \(Int(value)) in sentence \(draw(5))."
            claims.append(Claim(
                doc: doc, kind: kinds[draw(kinds.count)], value: .number(value), low: .number(value), high: high, qualifier: qualifier,
                unit: units[draw(units.count)], scope: [nil, .perSide, .total][draw(3)], subject: subjects[draw(subjects.count)],
                event: events[draw(events.count)], speaker: ["Umerov", nil][draw(2)], quote: "\(Int(value)) children",
                start: index % 40, end: index % 40 + 12, sentence: sentence, rule: "rule.\(draw(3))", story: stories[draw(stories.count)],
                status: statuses[draw(statuses.count)], change: [nil, .up, .down][draw(3)], from: draw(4) == 0 ? .number(value / 2) : nil))
        }
        return claims
    }

    @Test(arguments: [(40, 1), (300, 2), (900, 3), (2_500, 4)] as [(Int, UInt64)])
    func findingsAndUnpairedAreTheReconcilersOnEveryClaim(count: Int, seed: UInt64) throws {
        let claims = Self.claims(count: count, seed: seed)
        var book = ClaimBook()
        book.append(contentsOf: claims)
        let findings = Reconciler().reconcile(claims)
        #expect(!findings.isEmpty)
        #expect(book.spilledRuns == 0)
        #expect(try book.reconcile() == findings)
        #expect(try book.unpaired(findings) == UnpairedClaims(claims: claims, findings: findings))
    }

    /// A fresh, empty folder for one test's spill files.
    static func spillFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-spill-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A budget far below the claims' size: the book writes run after run to disk and merges them back,
    /// and the findings, the unpaired counts and the claims are those of the book that held everything.
    @Test(arguments: [(900, 3, 8 << 10), (2_500, 4, 4 << 10), (2_500, 5, 200 << 10), (600, 6, 1)] as [(Int, UInt64, Int)])
    func aBookOverItsMemorySpillsAndFindsTheSame(count: Int, seed: UInt64, memory: Int) throws {
        let folder = try Self.spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let claims = Self.claims(count: count, seed: seed)
        let findings = Reconciler().reconcile(claims)
        do {
            var book = ClaimBook(memory: memory, spillFolder: folder)
            book.append(contentsOf: claims)
            #expect(book.spillFailure == nil)
            #expect(book.spilledRuns >= 2)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == book.spilledRuns)
            #expect(book.count == claims.count)
            #expect(try book.reconcile() == findings)
            #expect(try book.unpaired(findings) == UnpairedClaims(claims: claims, findings: findings))
            #expect(try book.claims == claims)
            // The claims still held go to disk too, and the merge finds the same.
            let runs = book.spilledRuns
            book.spillHeld()
            #expect(book.spilledRuns >= runs && book.count == claims.count)
            #expect(try book.reconcile() == findings)
            #expect(try book.unpaired(findings) == UnpairedClaims(claims: claims, findings: findings))
            #expect(try book.claims == claims)
        }
        // The runs go with the book.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// A run that cannot be written (no such folder) leaves the claims in memory, says why, and the
    /// findings are still every claim's.
    @Test func aRunThatCannotBeWrittenKeepsTheClaimsInMemory() throws {
        let claims = Self.claims(count: 900, seed: 7)
        var book = ClaimBook(memory: 4 << 10, spillFolder: "/nonexistent/tally-spill")
        book.append(contentsOf: claims)
        #expect(book.spilledRuns == 0)
        #expect(book.spillFailure?.contains("/nonexistent/tally-spill") == true)
        let findings = Reconciler().reconcile(claims)
        #expect(try book.reconcile() == findings)
        #expect(try book.claims == claims)
    }

    /// A run removed behind the book's back is an error that names it, not findings made without it.
    @Test func aRunRemovedBeforeTheMergeIsAnError() throws {
        let folder = try Self.spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = ClaimBook(memory: 8 << 10, spillFolder: folder)
        book.append(contentsOf: Self.claims(count: 900, seed: 8))
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(runs.count >= 2)
        try FileManager.default.removeItem(atPath: folder + "/" + runs[0])
        #expect(throws: SpillError.self) { try book.reconcile() }
    }

    /// The report of a builder over its memory is the one of a builder that held everything.
    @Test func aReportOverItsMemoryIsTheSameReport() throws {
        let folder = try Self.spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let claims = Self.claims(count: 1_500, seed: 11)
        var small = ReportBuilder(memory: 16 << 10, spillFolder: folder)
        var large = ReportBuilder()
        for claim in claims {
            small.add(claim: claim)
            large.add(claim: claim)
        }
        #expect(small.book.spilledRuns >= 2)
        #expect(try small.report() == large.report())
    }

    /// The JSON report made from findings written to disk as they are found is, byte for byte, the one
    /// rendered from the findings held, spilled claims or not, filtered or not; its findings file goes
    /// with it.
    @Test(arguments: [1 << 30, 16 << 10])
    func theJSONReportOfFindingsOnDiskIsTheSame(memory: Int) throws {
        let folder = try Self.spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let claims = Self.claims(count: 2_000, seed: 12)
        var builder = ReportBuilder(memory: memory, spillFolder: folder)
        for claim in claims { builder.add(claim: claim) }
        let whole = try builder.report()
        #expect(whole.findings.count > 5)
        for filter in [ReportFilter.all, ReportFilter(verdicts: [.conflict, .variance], top: 3)] {
            var bytes: [UInt8] = []
            do {
                let (report, encoded) = try builder.encodedReport()
                #expect(report.unpaired == whole.unpaired)
                ReportRenderer.json(filter.apply(report), emit: { bytes += $0; return true }) { stub, out in
                    #expect(throws: Never.self) { try encoded.bytes(of: stub, into: out) }
                }
            }
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: ReportRenderer.jsonBytes(filter.apply(whole)), as: UTF8.self))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == builder.book.spilledRuns)
    }

    @Test func givesBackEveryClaimAsItWasAdded() throws {
        let claims = Self.claims(count: 200, seed: 9)
        var book = ClaimBook()
        book.append(contentsOf: claims)
        #expect(book.count == 200)
        #expect(try book.claims == claims)
    }

    @Test func figuresComeBackExactly() throws {
        var day = CalendarDate(year: 2025, month: 6, day: 2)
        day.month = nil  // a day without its month: kept as it is, unpacked
        let figures: [Figure?] = [
            nil, .number(-0.0), .number(1e300), .number(.nan), .number(.infinity), .number(339),
            .date(CalendarDate(year: 2025)), .date(CalendarDate(year: 2025, month: 6)), .date(CalendarDate(year: 2025, month: 6, day: 2)),
            .date(CalendarDate(year: -44, month: 3, day: 15)), .date(CalendarDate(year: Int(Int32.max) + 1, month: 1, day: 1)), .date(day),
        ]
        var claims: [Claim] = []
        for (index, figure) in figures.enumerated() {
            var claim = Self.claims(count: 1, seed: UInt64(index))[0]
            (claim.value, claim.low, claim.high) = (figure, figures[(index + 1) % figures.count], figure)
            claims.append(claim)
        }
        var book = ClaimBook()
        book.append(contentsOf: claims)
        for (got, want) in zip(try book.claims, claims) {
            #expect(got.low?.date == want.low?.date && got.low?.number?.bitPattern == want.low?.number?.bitPattern)
            #expect(got.value?.number?.bitPattern == want.value?.number?.bitPattern && got.value?.date == want.value?.date)
            #expect(got.high?.date == want.high?.date && got.high?.number?.bitPattern == want.high?.number?.bitPattern)
        }
    }

    @Test func anEmptyBookHasNoFindings() throws {
        let book = ClaimBook()
        #expect(try book.isEmpty && book.reconcile().isEmpty)
        #expect(try book.unpaired([]) == UnpairedClaims())
    }

    /// A finding's bytes as `ReportRenderer.jsonFinding` writes them (claims written straight into bytes where
    /// they can be, by the encoder where not) are those of the encoder on the whole finding: every field,
    /// null or not, text that needs escaping or not (quotes, backslashes, control characters, DEL, line
    /// separators, accents, emoji), whole and fractional figures, dates and the non-finite.
    @Test func aFindingsBytesAreTheEncoders() throws {
        var claims = Self.claims(count: 300, seed: 21)
        let texts = ["plain", "a \"quoted\" word", "back\\slash", "tab\there", "line\nbreak", "del\u{7F}", "sep\u{2028}arator", "é — 🙂", "slash/ed", ""]
        let figures: [Figure?] = [nil, .number(1_000), .number(-0.0), .number(2.5), .number(.nan), .number(-.infinity), .number(9e15), .number(-12),
                                  .date(CalendarDate(year: 2025, month: 6, day: 2)), .date(CalendarDate(year: 2025)), .date(CalendarDate(year: 12_345, month: 1))]
        for index in claims.indices {
            claims[index].doc = texts[index % texts.count] + "\(index)"
            claims[index].quote = texts[(index / 3) % texts.count]
            claims[index].sentence = texts[(index / 7) % texts.count] + " sentence"
            claims[index].rule = texts[(index / 11) % texts.count]
            if index % 5 == 0 { claims[index].speaker = texts[(index / 2) % texts.count] }
            if index % 4 == 0 { claims[index].unit = texts[(index / 5) % texts.count] }
            claims[index].value = figures[index % figures.count]
            claims[index].low = figures[(index / 2) % figures.count]
            claims[index].high = figures[(index / 3) % figures.count]
        }
        let encoder = ReportRenderer.jsonEncoder()
        for start in stride(from: 0, to: claims.count, by: 30) {
            let finding = Finding(verdict: .conflict, kind: "children", subject: "s\"ubject", event: nil, reason: "why",
                                  claims: claims[start..<(start + 30)].enumerated().map { FindingClaim(claim: $1, position: $0 % 3) })
            var got: [UInt8] = []
            try ReportRenderer.jsonFinding(finding, encoder: encoder) { got += $0 }
            var want: [UInt8] = []
            for byte in try encoder.encode(finding) {
                want.append(byte)
                if byte == 0x0A { want += [0x20, 0x20, 0x20, 0x20] }
            }
            #expect(String(decoding: got, as: UTF8.self) == String(decoding: want, as: UTF8.self))
        }
    }
}
