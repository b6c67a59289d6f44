/// A fixed array of plain values in memory of its own, never written after it is made: what a
/// matcher's inner loop reads (a program's instructions, a document's word ids) without reference
/// counting or copy-on-write per read. Every read is checked against `count` (one compare).
///
/// A struct: copies share the memory (freed with the last copy), and the base address sits in the
/// copy itself, so a loop reads elements without first loading it from an object.
@frozen public struct FrozenBuffer<Element> {
    @usableFromInline let base: UnsafePointer<Element>
    public let count: Int
    /// Owns the memory; the buffer holds it so `base` lives as long as any copy.
    @usableFromInline let owner: Storage

    /// The elements of `elements`, copied once.
    public init(_ elements: [Element]) {
        precondition(_isPOD(Element.self), "FrozenBuffer holds trivial values only")
        owner = Storage(elements)
        base = UnsafePointer(owner.memory)
        count = elements.count
    }

    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "FrozenBuffer index out of range")
            return base[index]
        }
    }

    /// Runs `body` with a view of the elements (valid only inside `body`).
    @inlinable
    public func withView<R>(_ body: (BufferView<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(BufferView(UnsafeBufferPointer(start: base, count: count))) }
    }

    /// Frees the memory with the last copy of the buffer.
    @usableFromInline final class Storage {
        let memory: UnsafeMutablePointer<Element>

        init(_ elements: [Element]) {
            memory = .allocate(capacity: max(1, elements.count))
            memory.initialize(from: elements, count: elements.count)
        }

        // Trivial elements: nothing to deinitialise.
        deinit { memory.deallocate() }
    }
}

// Sound: the memory is written only in `init`, before any copy exists, and only read afterwards;
// reads from several threads of memory nobody writes need no synchronisation. Elements are
// trivial (checked in `init`), so a read shares no reference.
extension FrozenBuffer: @unchecked Sendable where Element: Sendable {}
extension FrozenBuffer.Storage: @unchecked Sendable where Element: Sendable {}
