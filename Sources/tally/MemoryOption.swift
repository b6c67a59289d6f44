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
    func finishedReport() throws -> Report {
        if let failure = book.spillFailure { Console.error("tally: warning: \(failure); the claims are held in memory instead") }
        do {
            return try report()
        } catch {
            Console.error("tally: the reduce could not read back the claims it spilled to disk: \(error)")
            throw Exit.cannotWrite
        }
    }
}
