/// First pass of a one-pass record: room enough for it, from the strings' lengths alone (no reading
/// them): a string may grow to six times its bytes (`\u0001`), an integer to 20 bytes.
public struct JSONSizeBound: JSONSink {
    /// Bytes the record takes at most.
    public var count: Int { bytes }
    @usableFromInline var bytes = 0

    @inlinable public init() {}

    @inlinable @inline(__always)
    public mutating func literal(_ literal: StaticString) { bytes += literal.utf8CodeUnitCount }

    @inlinable @inline(__always)
    public mutating func raw(_ text: String) { bytes += text.utf8.count }

    @inlinable @inline(__always)
    public mutating func string(_ text: String) { bytes += 6 * text.utf8.count + 2 }

    @inlinable @inline(__always)
    public mutating func int(_ n: Int) { bytes += 20 }

    @inlinable
    public mutating func date(_ date: CalendarDate) {
        if JSONWriter.hasPlainISO(date) { bytes += 12 } else { string(date.iso) }
    }
}

/// A growing byte buffer that records are written straight into, each in one pass: `JSONWriter`
/// escapes as it copies into room made for the record's `JSONSizeBound`. No measuring pass, no String and
/// no copy per record; `bytes` copies the whole out once.
public final class JSONBuffer {
    /// Bytes written so far.
    public var count: Int { written }
    @exclusivity(unchecked) @usableFromInline var written = 0
    @exclusivity(unchecked) @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// What was written, as an array.
    public var bytes: [UInt8] {
        // Not through `unsafeUninitializedCapacity` when empty: with no capacity it writes the count into
        // the standard library's shared empty-array storage, a data race between threads (ThreadSanitizer).
        guard written > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: written) { buffer, initialized in
            buffer.baseAddress!.initialize(from: start, count: written)
            initialized = written
        }
    }

    /// What was written, without copying it (valid only inside `body`).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { written = 0 }

    /// Appends the record `write` writes, which `bound` (the same record written to a `JSONSizeBound`) holds.
    @inlinable
    public func append(bound: JSONSizeBound, _ write: (inout JSONWriter) -> Void) {
        reserve(bound.count)
        var writer = JSONWriter(to: start + written)
        write(&writer)
        let length = writer.position - (start + written)
        precondition(length <= bound.count, "JSON record bound to \(bound.count) bytes but wrote \(length)")
        written += length
    }

    /// Appends bytes as they are.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + written).initialize(from: base, count: bytes.count)
        written += bytes.count
    }

    /// Makes room for `more` bytes after `count`.
    @usableFromInline
    func reserve(_ more: Int) {
        guard capacity - written < more else { return }
        let grown = max(written + more, 2 * capacity)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        memory.initialize(from: start, count: written)
        start.deallocate()
        start = memory
        capacity = grown
    }
}
