import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyPipeline

/// Runs ingest + extraction over the inputs with progress, handing each file's result to `deliver`.
/// Returns the skipped inputs (already listed on stderr, with the warnings of the files that were read).
/// Ctrl-C (or SIGTERM) stops within a second without waiting for the files in flight, says how far it
/// got and exits 128 + signal, before the command writes anything; a second Ctrl-C ends at once. Outputs are written atomically,
/// so either way the files of a previous run are left intact.
func runBatch(
    _ input: InputOptions, extractor: Extractor?, render: (@Sendable (FileResult) -> [UInt8])? = nil, deliver: (FileResult) -> Void
) throws -> [SkippedInput] {
    guard !input.paths.isEmpty else { throw ValidationError("give at least one article file or folder, or - for standard input") }
    try input.requireInputs()
    let ingestor = input.ingestor
    var files: [String] = []
    var skipped: [SkippedInput] = []
    for path in input.paths {
        guard path != StandardInput.path else {
            files.append(path)
            continue
        }
        let found = ingestor.inputFiles(for: [path], confined: !input.followLinks)
        files += found.files
        skipped += found.skipped
    }
    if !input.followLinks {
        var boundary = LinkBoundary(inputs: input.paths.filter { $0 != StandardInput.path })
        let outside: [SkippedInput]
        (files, outside) = boundary.filter(files)
        skipped += outside
    }
    if files.isEmpty, skipped.isEmpty {
        Console.error("tally: no article files in \(input.paths.joined(separator: ", ")) (folders are read recursively; hidden files and .yaml, .md, .csv, image and style files are passed over)")
        throw Exit.noInput
    }
    var runner = BatchRunner(ingestor: ingestor, extractor: extractor, jobs: input.jobs)
    runner.explicitPaths = Set(input.paths)
    if files.contains(StandardInput.path) {
        runner.standardInput = (id: StandardInput.documentID, bytes: try StandardInput.read(limit: ingestor.options.maxBytes))
    }
    runner.render = render
    runner.timeLimit = input.timeLimit > 0 ? input.timeLimit : nil
    var done = 0
    var warnings = WarningPrinter()
    Interrupt.install()
    runner.run(files, shouldStop: { Interrupt.signal != 0 }, progress: { Console.progress($0, quiet: input.quiet) }) { result in
        if result.endsFile { done += 1 }
        if let skip = result.skipped { skipped.append(skip) }
        skipped += result.skippedRecords
        for document in result.documents { warnings.print(document, file: result.path) }
        deliver(result)
    }
    if Interrupt.signal != 0 {
        Console.error("\ntally: interrupted after reading \(done) of \(files.count) files; stopped before writing this run's outputs (earlier ones are intact)")
        throw Exit.interrupted(by: Interrupt.signal)
    }
    Interrupt.uninstall()
    warnings.finish()
    Console.reportSkipped(skipped)
    return skipped
}

/// SIGINT/SIGTERM during a batch: remembered, so the batch can stop cleanly between files.
enum Interrupt {
    /// The signal received, or 0.
    nonisolated(unsafe) static var signal: Int32 = 0

    static func install() {
        // A parent may have spawned us with these blocked (threads of test runners often do).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for number in [SIGINT, SIGTERM] {
            _ = Foundation.signal(number) { received in
                Interrupt.signal = received
                _ = Foundation.signal(received, SIG_DFL)  // a second one ends the process at once
            }
        }
    }

    /// After the batch, signals end the process again (outputs are atomic, so nothing is half written).
    static func uninstall() {
        _ = Foundation.signal(SIGINT, SIG_DFL)
        _ = Foundation.signal(SIGTERM, SIG_DFL)
    }
}

/// Prints documents' warnings (what was read with a problem and why) on stderr, up to a limit.
struct WarningPrinter {
    static let limit = 100
    private var printed = 0
    private var more = 0

    mutating func print(_ document: Document, file: String) {
        let name = document.id == file ? file : "\(file) [\(document.id)]"
        for warning in document.warnings {
            if printed < WarningPrinter.limit {
                Console.error("tally: warning: \(name): \(warning)")
                printed += 1
            } else {
                more += 1
            }
        }
    }

    func finish() {
        if more > 0 { Console.error("tally: \(more) more warnings not shown (see `tally ingest`)") }
    }
}
