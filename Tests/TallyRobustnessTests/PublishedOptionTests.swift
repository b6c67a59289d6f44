import ArgumentParser
import TallyCore
import Testing

@testable import tally

/// `--published` is a `CalendarDate` from the moment it is parsed; a bad date is a usage error that
/// names the value and the form a date takes.
@Suite struct PublishedOptionTests {
    @Test func aDateIsParsedOnce() throws {
        let options = try InputOptions.parse(["corpus", "--published", "2025-06-02"])
        #expect(options.published == CalendarDate(year: 2025, month: 6, day: 2))
        #expect(options.ingestor.options.published == CalendarDate(year: 2025, month: 6, day: 2))
        #expect(try InputOptions.parse(["corpus", "--published", "2025-06"]).published == CalendarDate(year: 2025, month: 6))
        #expect(try InputOptions.parse(["corpus"]).published == nil)
    }

    @Test(arguments: ["2025-13-01", "2025-02-30", "June 2", "tomorrow", ""])
    func aBadDateIsAUsageErrorThatSaysWhatToWrite(value: String) {
        do {
            _ = try InputOptions.parse(["corpus", "--published", value])
            Issue.record("'\(value)' was accepted")
        } catch {
            #expect(InputOptions.exitCode(for: error) == Exit.usage)
            let message = InputOptions.message(for: error)
            #expect(message.contains("'\(value)'") && message.contains("--published <YYYY-MM-DD>"), "\(message)")
        }
    }

    @Test func explainTakesTheSameDate() throws {
        let command = try ExplainCommand.parse(["--text", "on Monday", "--published", "2025-06-03"])
        #expect(command.published == CalendarDate(year: 2025, month: 6, day: 3))
        #expect(throws: (any Error).self) { try ExplainCommand.parse(["--text", "x", "--published", "2025-6-3x"]) }
    }
}
