#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to an array's or a string's contiguous storage, for scanning loops: no reference
/// counting, uniqueness or copy-on-write per element, and every read is checked against `count`
/// (one compare, which the optimiser drops where the loop condition already implies it).
///
/// Made only by `withView`/`withBytes` (on `Array`, `ContiguousArray`, `String` and `FrozenBuffer`),
/// and valid only inside that call: it must not be stored anywhere that outlives it (the scanners
/// that keep one in a struct keep that struct inside the same call).
///
/// Sound: the storage is kept alive and unchanged for the duration of the `withView` call (the
/// standard library's `withUnsafeBufferPointer`/`withUTF8` guarantee it), reads are bounds-checked,
/// and `slice` checks its range against the view it is taken from.
@frozen public struct BufferView<Element> {
    @usableFromInline let base: UnsafeBufferPointer<Element>

    @inlinable @inline(__always)
    init(_ base: UnsafeBufferPointer<Element>) { self.base = base }

    /// An empty view.
    @inlinable @inline(__always)
    public init() { base = UnsafeBufferPointer(start: nil, count: 0) }

    @inlinable public var count: Int { @inline(__always) get { base.count } }
    @inlinable public var isEmpty: Bool { @inline(__always) get { base.isEmpty } }

    /// The element at `index`; stops the program when `index` is not below `count`.
    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: base.count), "BufferView index out of range")
            return base[index]
        }
    }

    /// Elements `range` as a view of their own, indexed from 0.
    @inlinable @inline(__always)
    public func slice(_ range: Range<Int>) -> BufferView {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "BufferView slice out of range")
        return BufferView(UnsafeBufferPointer(rebasing: base[range]))
    }

    /// Elements from `start` to the end, indexed from 0.
    @inlinable @inline(__always)
    public func slice(from start: Int) -> BufferView { slice(start..<base.count) }

    /// The elements as an array.
    @inlinable
    public var array: [Element] { Array(base) }
}

extension BufferView: RandomAccessCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    /// Iterates the elements in order (each read is below `count` by construction, so none is checked again).
    @frozen public struct Iterator: IteratorProtocol {
        @usableFromInline var position = 0
        @usableFromInline let base: UnsafeBufferPointer<Element>

        @inlinable @inline(__always)
        init(_ base: UnsafeBufferPointer<Element>) { self.base = base }

        @inlinable @inline(__always)
        public mutating func next() -> Element? {
            guard position < base.count else { return nil }
            defer { position &+= 1 }
            return base[position]
        }
    }

    @inlinable @inline(__always)
    public func makeIterator() -> Iterator { Iterator(base) }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { @inline(__always) get { base.count } }
    @inlinable public var indices: Range<Int> { 0..<base.count }
    @inlinable @inline(__always) public func index(after i: Int) -> Int { i &+ 1 }
    @inlinable @inline(__always) public func index(before i: Int) -> Int { i &- 1 }

    @inlinable
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try body(base)
    }
}

/// A view's bytes: UTF-8 text or raw file bytes.
public typealias ByteView = BufferView<UInt8>

extension BufferView where Element == UInt8 {
    /// Bytes `range`, decoded as UTF-8 (invalid sequences repaired, as `String(decoding:as:)`).
    @inlinable
    public func string(_ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "ByteView range out of range")
        return String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self)
    }

    /// All the bytes, decoded as UTF-8.
    @inlinable
    public var string: String { String(decoding: base, as: UTF8.self) }

    /// Appends bytes `range` to `array`.
    @inlinable
    public func append(_ range: Range<Int>, to array: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "ByteView range out of range")
        array.append(contentsOf: UnsafeBufferPointer(rebasing: base[range]))
    }

    /// Eight bytes from `index` as one little-endian word (byte `index` lowest); needs
    /// `index + 8 <= count`.
    @inlinable @inline(__always)
    public func word(at index: Int) -> UInt64 {
        precondition(index >= 0 && index <= base.count &- 8, "ByteView word out of range")
        return UInt64(littleEndian: UnsafeRawPointer(base.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self))
    }

    /// The first index from `start` on whose byte is `byte`, or nil (`memchr`).
    @inlinable
    public func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        firstIndex(of: byte, in: Swift.max(start, 0)..<Swift.max(start, base.count))
    }

    /// The first index in `range` whose byte is `byte`, or nil (`memchr`).
    @inlinable
    public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "ByteView range out of range")
        // Sound: `memchr` reads only the `range.count` bytes from `range.lowerBound`, inside the view.
        guard !range.isEmpty, let base = base.baseAddress else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the bytes start with `prefix`.
    @inlinable
    public func starts(with prefix: [UInt8]) -> Bool {
        guard prefix.count <= base.count else { return false }
        // Sound: both hold at least `prefix.count` bytes (checked above), read for this call only.
        return prefix.withUnsafeBufferPointer { prefix in
            for index in 0..<prefix.count where prefix[index] != base[index] { return false }
            return true
        }
    }

    /// The FNV-1a word hash of bytes `range` (`WordHash.of`).
    @inlinable @inline(__always)
    public func wordHash(_ range: Range<Int>) -> UInt64 {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "ByteView range out of range")
        var hash = FNV1a()
        for index in range { hash.add(base[index]) }
        return hash.wordHash
    }
}

/// Write access to an array's storage, as `BufferView` (valid only inside `withMutableView`; every
/// access checked against `count`).
///
/// Sound: as `BufferView`; the array is held exclusively (`inout`) for the call, so nothing else
/// reads or writes it meanwhile.
@frozen public struct MutableBufferView<Element> {
    @usableFromInline let base: UnsafeMutableBufferPointer<Element>

    @inlinable @inline(__always)
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }

    @inlinable public var count: Int { @inline(__always) get { base.count } }

    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: base.count), "MutableBufferView index out of range")
            return base[index]
        }
        @inline(__always) nonmutating set {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: base.count), "MutableBufferView index out of range")
            base[index] = newValue
        }
    }

    /// The same storage, read-only.
    @inlinable public var view: BufferView<Element> { BufferView(UnsafeBufferPointer(base)) }
}

extension Array {
    /// Runs `body` with a view of the array's elements (valid only inside `body`).
    @inlinable @inline(__always)
    public func withView<R>(_ body: (BufferView<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(BufferView($0)) }
    }

    /// Runs `body` with a writable view of the array's elements (valid only inside `body`).
    @inlinable @inline(__always)
    public mutating func withMutableView<R>(_ body: (MutableBufferView<Element>) throws -> R) rethrows -> R {
        try withUnsafeMutableBufferPointer { try body(MutableBufferView($0)) }
    }
}

extension ArraySlice {
    /// Runs `body` with a view of the slice's elements, indexed from 0 (valid only inside `body`).
    @inlinable @inline(__always)
    public func withView<R>(_ body: (BufferView<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(BufferView($0)) }
    }
}

extension String {
    /// Runs `body` with a view of the string's UTF-8 bytes (valid only inside `body`). A native
    /// string is read in place; another is made contiguous first.
    @inlinable @inline(__always)
    public func withBytes<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        // In place without a `var` copy (and so without a retain) when the string is contiguous.
        if let result = try utf8.withContiguousStorageIfAvailable({ try body(BufferView($0)) }) { return result }
        var copy = self
        return try copy.withUTF8 { try body(BufferView($0)) }
    }

    /// As `withBytes`, making `self` contiguous in place when it is not (so a second call reads it
    /// without a copy).
    @inlinable @inline(__always)
    public mutating func withContiguousBytes<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        try withUTF8 { try body(BufferView($0)) }
    }
}

extension StaticString {
    /// Runs `body` with a view of the literal's UTF-8 bytes.
    @inlinable @inline(__always)
    public func withBytes<R>(_ body: (ByteView) -> R) -> R {
        withUTF8Buffer { body(BufferView($0)) }
    }
}

/// Bytes on the stack for the length of a call (no heap allocation): `fill` appends up to
/// `capacity` bytes, then `body` reads them.
public enum TemporaryBytes {
    @inlinable
    public static func with<R>(capacity: Int, _ fill: (inout OutputBuffer<UInt8>) throws -> Void, _ body: (ByteView) throws -> R) rethrows -> R {
        // Sound: the allocation lives for this call only; `fill` initialises its first `count`
        // bytes, and `body` sees only those.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { storage in
            var out = OutputBuffer(storage)
            try fill(&out)
            return try body(BufferView(UnsafeBufferPointer(rebasing: storage[0..<out.written])))
        }
    }
}
