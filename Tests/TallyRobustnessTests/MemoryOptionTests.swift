import Foundation
import Testing

/// `--memory MB` of `report` and `reconcile`: a budget far below the claims spills them to disk, and the
/// report is the same, byte for byte; the spill files are gone afterwards; a bad budget is a usage error.
@Suite struct MemoryOptionTests {
    static let corpus = TallyProcess.repository.appendingPathComponent("corpus/articles").path

    /// Runs tally with `TMPDIR` set to `temp`, so the test sees every spill file it makes.
    static func run(_ arguments: [String], temp: URL, in folder: URL) throws -> TallyProcess.Output {
        let out = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = try TallyProcess.process(arguments, stdout: out, stderr: err)
        process.environment?["TMPDIR"] = temp.path
        process.currentDirectoryURL = folder
        return try TallyProcess.finish(process, stdout: out, stderr: err)
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func aSmallBudgetSpillsAndReportsTheSame() throws {
        let folder = try TallyProcess.scratch("memory-option")
        defer { try? FileManager.default.removeItem(at: folder) }
        let temp = folder.appendingPathComponent("temp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        let extract = try TallyProcess.run(["extract", Self.corpus, "--output", "claims.jsonl", "--quiet"], in: folder)
        #expect(extract.status == 0)
        // Ten copies of the corpus's claims, each under its own document names: about 2 MB of claims, eight
        // times the quarter of a megabyte `--memory 1` lets the reduce hold.
        let lines = try String(contentsOf: folder.appendingPathComponent("claims.jsonl"), encoding: .utf8).split(separator: "\n")
        var many = ""
        for copy in 0..<10 {
            for line in lines { many += line.replacingOccurrences(of: "\"doc\":\"", with: "\"doc\":\"copy\(copy)/") + "\n" }
        }
        try many.write(to: folder.appendingPathComponent("many.jsonl"), atomically: false, encoding: .utf8)
        for format in ["json", "text"] {
            let whole = try Self.run(["reconcile", "many.jsonl", "--format", format, "--color", "never"], temp: temp, in: folder)
            let spilled = try Self.run(["reconcile", "many.jsonl", "--format", format, "--color", "never", "--memory", "1"], temp: temp, in: folder)
            #expect(whole.status == 0 && spilled.status == 0, "\(spilled.stderr)")
            #expect(whole.stdout.count > 10_000)
            #expect(spilled.stdout == whole.stdout)
        }
        let report = try Self.run(["report", Self.corpus, "--format", "json", "--quiet"], temp: temp, in: folder)
        let small = try Self.run(["report", Self.corpus, "--format", "json", "--quiet", "--memory", "1"], temp: temp, in: folder)
        #expect(small.status == 0 && small.stdout == report.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).isEmpty)
    }

    @Test(.enabled(if: TallyProcess.executable != nil)) func aBadBudgetIsAUsageError() throws {
        let folder = try TallyProcess.scratch("memory-option-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        for value in ["0", "-5", "lots", "99999999999999999"] {
            let run = try TallyProcess.run(["reconcile", "-", "--memory", value], in: folder)
            #expect(run.status == 64, "--memory \(value): \(run.stderr)")
            #expect(run.stderr.contains("--memory"))
        }
    }
}
