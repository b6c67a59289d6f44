#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the benchmarks read from the system: the process's peak resident memory, and the wall and
/// thread-CPU clocks (CPU time is one core's work, whatever else the shared machine runs).
public enum ResourceUsage {
    /// Peak resident memory of this process so far, in bytes.
    public static func peakMemoryBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)  // bytes on macOS
        #endif
    }

    /// Peak resident memory of this process so far, in megabytes.
    public static func peakMemoryMegabytes() -> Double { Double(peakMemoryBytes()) / 1_048_576 }

    /// Seconds on a clock that only moves forward.
    static func monotonicSeconds() -> Double { seconds(CLOCK_MONOTONIC) }

    /// CPU seconds the calling thread has used.
    static func threadCPUSeconds() -> Double { seconds(CLOCK_THREAD_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
