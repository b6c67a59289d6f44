import Foundation
import Testing

/// Commands that render on the worker threads write the same bytes, in the same order, whatever the
/// number of jobs.
@Suite struct JobsOutputTests {
    @Test(arguments: [["quantities"], ["extract"], ["extract", "--format", "csv"]])
    func oneJobAndFourJobsWriteTheSameBytes(command: [String]) throws {
        guard TallyProcess.executable != nil else { return }
        let folder = try TallyProcess.scratch("jobs-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = TallyProcess.repository.appendingPathComponent("corpus/articles").path
        let arguments = [command[0], corpus, "--quiet"] + command.dropFirst()
        let one = try TallyProcess.run(arguments + ["--jobs", "1"], in: folder)
        let four = try TallyProcess.run(arguments + ["--jobs", "4"], in: folder)
        #expect(one.status == 0 && four.status == 0, "\(one.stderr) \(four.stderr)")
        #expect(one.stdout.count > 10_000, "the corpus has plenty to write")
        #expect(one.stdout == four.stdout)
    }
}
