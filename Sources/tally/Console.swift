import ArgumentParser
import Foundation
import TallyCore
import TallyPipeline
import TallyReport

/// stdout carries results only; messages and progress go to stderr.
///
/// Nothing from an article or a file name reaches either raw: messages escape what they quote
/// (`ConsoleMessage`), and a result printed on a terminal keeps only lines, tabs and colour codes
/// (`TerminalText.forTerminal`); a result sent to a file or pipe is left as it is.
enum Console {
    static let isErrorTerminal = isatty(2) == 1
    static let isOutputTerminal = isatty(1) == 1

    static func error(_ message: ConsoleMessage) {
        FileHandle.standardError.write(Data((message.text + "\n").utf8))
    }

    static func output(_ text: String) {
        guard !text.isEmpty else { return }
        writeToStandardOutput(Data((isOutputTerminal ? TerminalText.forTerminal(text) : text).utf8))
    }

    /// Writes bytes to stdout as they are (no copy into `Data`), unless stdout is a terminal.
    static func output(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        guard !isOutputTerminal else { return output(String(decoding: bytes, as: UTF8.self)) }
        writeToStandardOutput(bytes)
    }

    /// Writes a buffer's bytes to stdout as they are, unless stdout is a terminal.
    static func output(_ buffer: JSONBuffer) {
        guard buffer.count > 0 else { return }
        guard !isOutputTerminal else { return output(buffer.bytes) }
        buffer.withBytes { writeToStandardOutput($0) }
    }

    /// Writes to stdout; when that fails (a full disk, a closed file) the results are incomplete, so
    /// tally says why on stderr and exits 74 (EX_IOERR) at once rather than going on or crashing.
    private static func writeToStandardOutput(_ bytes: some DataProtocol) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            var reason = error.localizedDescription
            if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
                reason = String(cString: strerror(Int32(posix.code)))
            }
            Console.error("tally: cannot write the output: \(reason)")
            exit(Exit.outputFailed.rawValue)
        }
    }

    /// Writes bytes to a file atomically; a failure is reported and exits 73 (as `write(_:to:)`).
    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Console.error("tally: \(error)")
            throw Exit.cannotWrite
        }
    }

    /// When the progress line was last drawn (seconds into the batch).
    nonisolated(unsafe) private static var lastDrawn = -1.0

    /// A progress line, redrawn in place, only when stderr is a terminal.
    static func progress(_ progress: BatchProgress, quiet: Bool) {
        guard isErrorTerminal, !quiet else { return }
        // Redraw at most ten times a second (and always at the end).
        let finished = progress.filesDone == progress.filesTotal
        if progress.seconds < lastDrawn { lastDrawn = -1 }  // a new batch
        guard finished || progress.seconds - lastDrawn >= 0.1 else { return }
        lastDrawn = progress.seconds
        let megabytes = Double(progress.bytesDone) / 1_048_576
        let rate = progress.seconds > 0 ? megabytes / progress.seconds : 0
        let remaining = progress.filesDone > 0
            ? progress.seconds / Double(progress.filesDone) * Double(progress.filesTotal - progress.filesDone) : 0
        let line = String(format: "\r%d/%d files  %.1f MB  %.1f MB/s  ETA %.0fs ", progress.filesDone, progress.filesTotal, megabytes, rate, remaining)
        FileHandle.standardError.write(Data(line.utf8))
        if progress.filesDone == progress.filesTotal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Lists skipped inputs on stderr.
    static func reportSkipped(_ skipped: [SkippedInput]) {
        for skip in skipped { error("tally: skipped \(skip.path): \(skip.reason)") }
    }
}
