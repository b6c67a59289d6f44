/// A growable array of plain values in manual memory, reused across calls: no copy-on-write or
/// uniqueness checks in the matcher's inner loop. For trivial types only (integers, plain structs):
/// elements are overwritten without being deinitialised, and never deinitialised when freed.
///
/// Safe to use: every element access is checked against `capacity` (one compare, where an array
/// would also check uniqueness), and the memory never leaves the buffer.
public final class ScratchBuffer<Element> {
    // Sound without exclusivity checks: the pointer and capacity change only in `grow`, and `count`
    // only in `push`/`pop` and by its setter, none of which can overlap another access to the same
    // buffer (a buffer is used by one thread at a time, see `SentenceScratch`, and no method hands
    // out a reference into it or runs a caller's closure). Other modules cannot prove that, and the
    // checks they would make cost the matcher a tenth of its time. The stored properties are read
    // and written only by this module's `@inlinable` code, which carries the unchecked accesses into
    // the callers (a direct access from another module would be checked). All `capacity` elements
    // are initialised from `init` on.
    @exclusivity(unchecked) @usableFromInline var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) @usableFromInline var allocated: Int
    @exclusivity(unchecked) @usableFromInline var used = 0

    /// Elements the memory holds (all initialised).
    @inlinable public var capacity: Int { allocated }

    /// Elements in use, for `push` and `pop` (other uses index the whole capacity).
    @inlinable public var count: Int {
        get { used }
        set {
            precondition(newValue >= 0 && newValue <= allocated, "ScratchBuffer count past its capacity")
            used = newValue
        }
    }

    public init(capacity: Int, filling value: Element) {
        precondition(_isPOD(Element.self), "ScratchBuffer holds trivial values only")
        allocated = max(1, capacity)
        base = UnsafeMutablePointer<Element>.allocate(capacity: allocated)
        base.initialize(repeating: value, count: allocated)
    }

    deinit { base.deallocate() }

    /// Makes room for `needed` elements; new room is filled with `value`. Existing elements move along.
    @inlinable @inline(__always)
    public func reserve(_ needed: Int, filling value: Element) {
        if needed > allocated { grow(to: needed, filling: value) }
    }

    @inline(never) @usableFromInline
    func grow(to needed: Int, filling value: Element) {
        let grown = max(needed, allocated * 2)
        let fresh = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        fresh.update(from: base, count: allocated)
        (fresh + allocated).initialize(repeating: value, count: grown - allocated)
        base.deallocate()
        base = fresh
        allocated = grown
    }

    /// Sets the first `count` elements to `value`.
    @inlinable
    public func fill(_ value: Element, count: Int) {
        precondition(count >= 0 && count <= allocated, "ScratchBuffer.fill past its capacity")
        base.update(repeating: value, count: count)
    }

    /// Sets the first `count` elements to those of `other`.
    @inlinable
    public func copy(_ count: Int, from other: ScratchBuffer<Element>) {
        precondition(count >= 0 && count <= allocated && count <= other.allocated, "ScratchBuffer.copy past a capacity")
        base.update(from: other.base, count: count)
    }

    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: allocated), "ScratchBuffer index out of range")
            return base[index]
        }
        @inline(__always) set {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: allocated), "ScratchBuffer index out of range")
            base[index] = newValue
        }
    }

    @inlinable @inline(__always)
    public func push(_ element: Element) {
        if used == allocated { reserve(allocated * 2, filling: element) }
        base[used] = element
        used += 1
    }

    @inlinable @inline(__always)
    public func pop() -> Element? {
        guard used > 0 else { return nil }
        used -= 1
        return base[used]
    }
}
