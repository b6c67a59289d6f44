import Foundation

/// State shared between threads, reached only under a lock: `withLock` runs a closure on it, and
/// `withLock(waitingFor:)` waits (on the lock's condition) until a closure finds what it waits for.
/// The parallel map's slots, the ordered workers' queue and the scratch pool live in one.
///
/// Sound as `Sendable`: `state` is read and written only inside `withLock`, under `condition`'s
/// lock, so accesses from different threads never overlap and each sees the last one's writes. A
/// waiting closure's access ends before the wait (the lock is released only then). Values moved
/// in and out are handed from one thread to another, not shared: a caller must not keep using a
/// non-`Sendable` value after storing it, nor store one it got out while another thread may still
/// use it (the users above only move results from the worker that made them to the one that
/// delivers them, and idle scratches between documents).
public final class Guarded<State>: @unchecked Sendable {
    private let condition = NSCondition()
    private var state: State

    public init(_ state: State) { self.state = state }

    /// Runs `body` on the state under the lock; with `wake`, waiting threads are woken after it.
    public func withLock<R>(wake: Bool = false, _ body: (inout State) throws -> R) rethrows -> R {
        condition.lock()
        defer {
            if wake { condition.broadcast() }
            condition.unlock()
        }
        return try body(&state)
    }

    /// Runs `step` on the state under the lock until it returns a value, waiting between tries
    /// until another thread's `withLock(wake: true)` or, with `poll`, that many seconds. Waiting
    /// threads are woken after the last try when `wake` is set.
    public func withLock<R>(waitingFor step: (inout State) throws -> R?, poll: Double? = nil, wake: Bool = false) rethrows -> R {
        condition.lock()
        defer {
            if wake { condition.broadcast() }
            condition.unlock()
        }
        while true {
            if let result = try step(&state) { return result }
            if let poll { _ = condition.wait(until: Date(timeIntervalSinceNow: poll)) } else { condition.wait() }
        }
    }
}
