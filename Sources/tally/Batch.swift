import ArgumentParser
import TallyCore
import TallyExtract
import TallyPipeline

/// Runs ingest + extraction over the inputs with progress, handing each file's result to `deliver`.
/// Returns the skipped inputs (already listed on stderr).
func runBatch(_ input: InputOptions, extractor: Extractor?, deliver: (FileResult) -> Void) throws -> [SkippedInput] {
    guard !input.paths.isEmpty else { throw ValidationError("give at least one article file or folder") }
    let ingestor = input.ingestor
    let (files, walkSkipped) = ingestor.inputFiles(for: input.paths)
    var skipped = walkSkipped
    var runner = BatchRunner(ingestor: ingestor, extractor: extractor, jobs: input.jobs)
    runner.explicitPaths = Set(input.paths)
    runner.run(files, progress: { Console.progress($0, quiet: input.quiet) }) { result in
        if let skip = result.skipped { skipped.append(skip) }
        deliver(result)
    }
    Console.reportSkipped(skipped)
    if files.isEmpty, skipped.isEmpty { Console.error("tally: no article files found in \(input.paths.joined(separator: ", "))") }
    return skipped
}
