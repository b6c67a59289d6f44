/// A growable array of plain values in manual memory, reused across calls: no copy-on-write or
/// uniqueness checks in the matcher's inner loop. For trivial types only (integers, plain structs).
final class ScratchBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int, filling value: Element) {
        self.capacity = max(1, capacity)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
        base.initialize(repeating: value, count: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `needed` elements; new room is filled with `value`. Existing elements move along.
    @inline(__always)
    func reserve(_ needed: Int, filling value: Element) {
        if needed > capacity { grow(to: needed, filling: value) }
    }

    @inline(never)
    private func grow(to needed: Int, filling value: Element) {
        let grown = max(needed, capacity * 2)
        let fresh = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        fresh.update(from: base, count: capacity)
        (fresh + capacity).initialize(repeating: value, count: grown - capacity)
        base.deallocate()
        base = fresh
        capacity = grown
    }

    /// Sets the first `count` elements to `value`.
    func fill(_ value: Element, count: Int) {
        base.update(repeating: value, count: count)
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    @inline(__always)
    func push(_ element: Element) {
        if count == capacity { reserve(capacity * 2, filling: element) }
        base[count] = element
        count += 1
    }

    @inline(__always)
    func pop() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }
}
