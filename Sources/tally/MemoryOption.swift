import ArgumentParser
import TallyCore
import TallyPipeline
import TallyReport

/// `--memory MB` of `tally report` and `tally reconcile`: the reduce's budget. Past a quarter of it the
/// claims gathered go to sorted runs on disk (in `$TMPDIR`, removed when the run ends) and are merged back
/// subject by subject, with the same findings.
struct MemoryOption: ParsableArguments {
    @Option(name: .customLong("memory"), help: ArgumentHelp(
        "Megabytes the reduce may hold claims in before it spills them to disk (in $TMPDIR); the findings are the same.",
        valueName: "MB"))
    var megabytes: Int = ClaimBook.defaultMemory >> 20

    func validate() throws {
        guard megabytes >= 1 else { throw ValidationError("--memory takes a number of megabytes, at least 1 (got \(megabytes))") }
        guard megabytes <= Int.max >> 21 else { throw ValidationError("--memory \(megabytes) is more megabytes than this machine can address") }
    }

    var bytes: Int { megabytes << 20 }
}

extension ReportBuilder {
    /// The report, or a message and `Exit.cannotWrite` when claims spilled to disk cannot be read back;
    /// says so on stderr when spilling failed and the claims were held in memory instead.
    mutating func finishedReport() throws -> Report {
        spillHeld()
        if let failure = book.spillFailure { Console.error("tally: warning: \(failure); the claims are held in memory instead") }
        do {
            return try report()
        } catch {
            Console.error("tally: the reduce could not read back the claims it spilled to disk: \(error)")
            throw Exit.cannotWrite
        }
    }

    /// `encodedReport()`, or a message and `Exit.cannotWrite` when the findings cannot be written to disk
    /// or the claims read back.
    mutating func finishedEncodedReport() throws -> (report: Report, findings: EncodedFindings) {
        spillHeld()
        if let failure = book.spillFailure { Console.error("tally: warning: \(failure); the claims are held in memory instead") }
        do {
            return try encodedReport()
        } catch {
            Console.error("tally: the reduce could not use the disk: \(error)")
            throw Exit.cannotWrite
        }
    }
}

/// Writes the JSON report of `encodedReport()` (to `path` atomically, or stdout), each finding's bytes read
/// back from disk; a findings file that cannot be read back ends the output there, with a message and
/// `Exit.cannotWrite`.
func writeEncodedJSONReport(_ report: Report, _ encoded: EncodedFindings, filter: ReportFilter, to path: String?) throws {
    var failure: SpillError?
    try writeReport(to: path) { emit in
        ReportRenderer.json(filter.apply(report), emit: { failure == nil && emit($0) }) { stub, out in
            guard failure == nil else { return }
            do throws(SpillError) { try encoded.bytes(of: stub, into: out) } catch { failure = error }
        }
    }
    if let failure {
        Console.error("tally: the report is incomplete: \(failure)")
        throw Exit.cannotWrite
    }
}
