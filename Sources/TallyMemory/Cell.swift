/// One mutable value behind a reference, read and written whole, without exclusivity checks: a
/// memo that a non-mutating method of a value type updates (the numeral scanner's last number).
///
/// Sound without the checks: the value is only read (`get`) or replaced (`set`) whole, never lent
/// out `inout` or through a `_modify`, so two accesses to it cannot overlap on one thread; and the
/// cell is not `Sendable`, so it is never reached from two threads. The stored property is used
/// only by this module's `@inlinable` accessors, which carry the unchecked accesses into callers.
public final class Cell<Value> {
    @exclusivity(unchecked) @usableFromInline var stored: Value

    @inlinable public init(_ value: Value) { stored = value }

    @inlinable public var value: Value {
        @inline(__always) get { stored }
        @inline(__always) set { stored = newValue }
    }
}
