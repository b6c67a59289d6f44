#if canImport(Glibc)
    import Glibc
#endif
import TallyCore
@testable import TallyIngest

/// Hand-written fixtures and a scratch folder for file-based tests.
enum Fixtures {
    /// A fresh empty folder under /tmp.
    static func scratchFolder(_ name: String) -> String {
        var template = Array("/tmp/tally-ingest-\(name)-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer in String(cString: mkdtemp(buffer.baseAddress!)) }
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) {
        let file = fopen(path, "wb")!
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }

    static func write(_ text: String, to path: String) { write(Array(text.utf8), to: path) }

    static func makeFolder(_ path: String) { mkdir(path, 0o755) }

    /// Peak resident memory of the test process so far, in bytes (Linux reports kilobytes).
    static func peakMemoryBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// One document, or a failure message naming what came back.
    static func single(_ docs: [Document]) -> Document? { docs.count == 1 ? docs[0] : nil }
}
