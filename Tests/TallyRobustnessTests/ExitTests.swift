import Foundation
import Testing

@testable import tally

/// The exit statuses: one table, listed in `tally --help` as the README's and docs/contract.md's tables list them.
@Suite struct ExitTests {
    @Test func statusesAreDistinctAndAscending() {
        let statuses = Exit.meanings.map(\.status.rawValue)
        #expect(statuses == statuses.sorted())
        #expect(Set(statuses).count == statuses.count)
    }

    @Test func everyStatusACommandThrowsIsExplained() {
        let explained = Set(Exit.meanings.map(\.status.rawValue))
        for status in [Exit.findings, Exit.skippedInputs, Exit.usage, Exit.badInput, Exit.cannotWrite, Exit.outputFailed,
            Exit.interrupted(by: SIGINT)]
        {
            #expect(explained.contains(status.rawValue), "\(status.rawValue) is not in Exit.meanings")
        }
    }

    @Test func interruptionIs128PlusTheSignal() {
        #expect(Exit.interrupted(by: SIGINT).rawValue == 130)
        #expect(Exit.interrupted(by: SIGTERM).rawValue == 143)
    }

    @Test func helpAndReadmeListEveryStatus() throws {
        let help = Tally.configuration.discussion
        let readme = try String(contentsOf: TallyProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let contract = try String(contentsOf: TallyProcess.repository.appendingPathComponent("docs/contract.md"), encoding: .utf8)
        for (status, meaning) in Exit.meanings {
            #expect(help.contains("\(status.rawValue) \(meaning)"), "tally --help lacks \(status.rawValue)")
            #expect(readme.contains("| \(status.rawValue) |"), "README's exit table lacks \(status.rawValue)")
            #expect(contract.contains("| \(status.rawValue) |") || contract.contains("| \(status.rawValue), "), "docs/contract.md lacks \(status.rawValue)")
        }
    }
}
