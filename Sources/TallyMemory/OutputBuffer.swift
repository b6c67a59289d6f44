/// Appends into the uninitialised storage of an array or string being made (`Array(writing:_:)`,
/// `String(utf8Capacity:_:)`): no growth test, uniqueness check or reference count per element,
/// and every append checked against the capacity (one compare).
///
/// Valid only inside the initialiser's closure, which is given it `inout`; a scanner may move it
/// into its own state for the call, as long as it moves it back before the closure returns (the
/// initialiser takes the count from the buffer it handed out).
///
/// Sound: elements are initialised in order from index 0, `count` is exactly how many are, no write
/// goes past the capacity, and the initialiser hands the storage to the array or string only after
/// the closure, with that count.
@frozen public struct OutputBuffer<Element> {
    @usableFromInline let base: UnsafeMutableBufferPointer<Element>
    @usableFromInline var written = 0

    @inlinable @inline(__always)
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }

    /// A buffer with no room, to hold a place until the real one is moved in.
    @inlinable @inline(__always)
    public init() { base = UnsafeMutableBufferPointer(start: nil, count: 0) }

    /// Elements appended so far.
    @inlinable public var count: Int { @inline(__always) get { written } }
    /// Elements the storage has room for.
    @inlinable public var capacity: Int { @inline(__always) get { base.count } }

    @inlinable @inline(__always)
    public mutating func append(_ element: consuming Element) {
        precondition(written < base.count, "OutputBuffer appended past its capacity")
        // Not nil: the capacity is not 0.
        (base.baseAddress.unsafelyUnwrapped + written).initialize(to: consume element)
        written &+= 1
    }

    /// Appends elements `range` of `view`.
    @inlinable @inline(__always)
    public mutating func append(_ range: Range<Int>, of view: BufferView<Element>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= view.count, "OutputBuffer source range out of range")
        precondition(range.count <= base.count &- written, "OutputBuffer appended past its capacity")
        guard !range.isEmpty else { return }
        // Not nil: both have room for the non-empty range.
        (base.baseAddress.unsafelyUnwrapped + written).initialize(from: view.base.baseAddress.unsafelyUnwrapped + range.lowerBound, count: range.count)
        written &+= range.count
    }

    /// Appends `element` with its `String` fields `first` and `second` set to `firstValue` and
    /// `secondValue`: the strings go straight into the element's memory, with nothing to retain. The
    /// fields should hold small strings such as "" (whatever storage another value owns is not
    /// released: leaked, not freed).
    @inlinable @inline(__always)
    public mutating func append(
        _ element: consuming Element, setting first: StringField<Element>, to firstValue: SmallASCII,
        _ second: StringField<Element>, to secondValue: SmallASCII
    ) {
        precondition(written < base.count, "OutputBuffer appended past its capacity")
        let slot = base.baseAddress.unsafelyUnwrapped + written
        slot.initialize(to: consume element)
        // Sound: the fields are `String`s of this element (`StringField` is made from a key path, and
        // only where `SmallASCII.available` confirmed the layout), and the new values are small ASCII
        // strings in the standard library's layout (`SmallASCII`), which own nothing. An old value is
        // overwritten without a release, which at worst leaks it.
        let raw = UnsafeMutableRawPointer(slot)
        raw.storeBytes(of: firstValue.low, toByteOffset: first.offset, as: UInt64.self)
        raw.storeBytes(of: firstValue.high, toByteOffset: first.offset &+ 8, as: UInt64.self)
        raw.storeBytes(of: secondValue.low, toByteOffset: second.offset, as: UInt64.self)
        raw.storeBytes(of: secondValue.high, toByteOffset: second.offset &+ 8, as: UInt64.self)
        written &+= 1
    }
}

extension Array {
    /// An array of up to `capacity` elements, appended by `fill` (the count is what it appended).
    @inlinable @inline(__always)
    public init(writing capacity: Int, _ fill: (inout OutputBuffer<Element>) throws -> Void) rethrows {
        // At least one element of capacity: with none, the initialiser writes the count into the
        // shared empty-array storage, a race between threads (ThreadSanitizer).
        try self.init(unsafeUninitializedCapacity: Swift.max(capacity, 1)) { storage, count in
            var out = OutputBuffer(UnsafeMutableBufferPointer(rebasing: storage[0..<capacity]))
            defer { count = out.written }
            try fill(&out)
        }
    }
}

extension String {
    /// A string of up to `capacity` UTF-8 bytes, appended by `fill` (invalid UTF-8 is repaired, as
    /// `String(unsafeUninitializedCapacity:initializingUTF8With:)` does).
    @inlinable @inline(__always)
    public init(utf8Capacity capacity: Int, _ fill: (inout OutputBuffer<UInt8>) throws -> Void) rethrows {
        try self.init(unsafeUninitializedCapacity: capacity) { storage in
            var out = OutputBuffer(storage)
            try fill(&out)
            return out.written
        }
    }
}

/// A `String` stored property of `Root`, by its byte offset, for `OutputBuffer.append(_:setting:…)`.
@frozen public struct StringField<Root> {
    @usableFromInline let offset: Int

    /// Nil when the property is not stored inline (computed, or `Root` is a class), or when
    /// `SmallASCII.available` is false (then no small string may be stored into it).
    @inlinable
    public init?(_ keyPath: WritableKeyPath<Root, String>) {
        guard SmallASCII.available, let offset = MemoryLayout<Root>.offset(of: keyPath) else { return nil }
        self.offset = offset
    }
}

/// A short ASCII string (at most 15 bytes) as the two words of the standard library's small-string
/// form on 64-bit platforms: the UTF-8 bytes in order, then a last byte 0xE0 | count (small,
/// ASCII, immortal). `available` checks that layout once against strings made the ordinary way;
/// where it does not hold, callers make strings normally.
@frozen public struct SmallASCII {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64

    /// Bytes packed little-endian in `low` (0 to 7) and `high` (8 to 14), nothing past `count`
    /// (a 16th byte in `high` is dropped). Stops the program unless they are ASCII and `count` is at
    /// most 15.
    @inlinable @inline(__always)
    public init(low: UInt64, high: UInt64, count: Int) {
        precondition(UInt(bitPattern: count) <= 15 && (low | high) & 0x8080_8080_8080_8080 == 0, "SmallASCII needs at most 15 ASCII bytes")
        self.low = low
        self.high = high & 0x00FF_FFFF_FFFF_FFFF | (UInt64(0xE0 | count) &<< 56)
    }

    /// The same bytes with bits of `low` and `high` set (ASCII bits only: bit 7 of each byte and the
    /// bytes past the count are left alone), as lowercasing letters does with 0x20.
    @inlinable @inline(__always)
    public func setting(_ low: UInt64, _ high: UInt64) -> SmallASCII {
        let count = Int(truncatingIfNeeded: self.high >> 56) & 0x0F
        let (maskLow, maskHigh) = SmallASCII.masks(count)
        let ascii: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return SmallASCII(bits: self.low | (low & ascii & maskLow), self.high | (high & ascii & maskHigh))
    }

    @inlinable @inline(__always)
    init(bits low: UInt64, _ high: UInt64) {
        self.low = low
        self.high = high
    }

    /// As a `String`.
    @inlinable @inline(__always)
    public var string: String {
        precondition(SmallASCII.available, "SmallASCII used where the small-string layout differs")
        return unsafeBitCast((low, high), to: String.self)
    }

    /// The byte masks of the two words of a `count`-byte small string (count ≤ 15).
    @inlinable @inline(__always)
    public static func masks(_ count: Int) -> (UInt64, UInt64) {
        let low: UInt64 = count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
        let high: UInt64 = count > 8 ? (1 &<< UInt64(truncatingIfNeeded: (count &- 8) &* 8)) &- 1 : 0
        return (low, high)
    }

    /// Bytes `from..<from + count` of `bytes` (count ≤ 15) as the two words of a small string,
    /// without its count; `maskLow`/`maskHigh` are `masks(count)`.
    @inlinable @inline(__always)
    public static func pack(_ bytes: ByteView, _ from: Int, _ count: Int, _ maskLow: UInt64, _ maskHigh: UInt64) -> (UInt64, UInt64) {
        if from >= 0, from <= bytes.count &- 16 {
            // Sound: the 16 bytes from `from` are inside the view (just checked).
            let raw = UnsafeRawPointer(bytes.base.baseAddress.unsafelyUnwrapped + from)
            return (
                UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & maskLow,
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & maskHigh
            )
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<count {
            let b = UInt64(bytes[from &+ k])
            if k < 8 { low |= b &<< UInt64(k &* 8) } else { high |= b &<< UInt64((k &- 8) &* 8) }
        }
        return (low, high)
    }

    /// Whether the layout holds here: strings made from bits equal those made the ordinary way.
    public static let available: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        for sample in ["", "a", "Kyiv", "abcdefgh", "abcdefghijklmno"] {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for (k, b) in sample.utf8.enumerated() {
                if k < 8 { low |= UInt64(b) << UInt64(k * 8) } else { high |= UInt64(b) << UInt64((k - 8) * 8) }
            }
            let small = SmallASCII(low: low, high: high, count: sample.utf8.count)
            // Sound: a 16-byte bit pattern read back from a String (not made into one) until the
            // layout is confirmed.
            let bits = unsafeBitCast(sample, to: (UInt64, UInt64).self)
            guard bits.0 == small.low, bits.1 == small.high else { return false }
            let made = unsafeBitCast((small.low, small.high), to: String.self)
            guard made == sample, made.utf8.count == sample.utf8.count, Array(made.utf8) == Array(sample.utf8),
                made.hashValue == sample.hashValue
            else { return false }
        }
        return true
    }()
}
