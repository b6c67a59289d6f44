import Dispatch
import Foundation
import TallyMemory

/// Runs `transform` over `count` indices on `jobs` threads and returns the results in index order.
/// The batch runner, the benchmark and the store all parallelise this way: work per item, order kept.
public func parallelMap<Value>(_ count: Int, jobs: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let slots = Slots<Value>(count: count)
    let workers = max(1, min(jobs, count))
    // Each worker takes the next index when it is free, so uneven items do not leave a worker idle.
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = slots.claimNext() { slots.set(index, transform(index)) }
    }
    return slots.values
}

/// Write-once slots filled by parallel workers (each index by one worker), read after they all finish.
final class Slots<Value>: Sendable {
    private let state: Guarded<(next: Int, storage: [Value?])>

    init(count: Int) { state = Guarded((0, Array(repeating: nil, count: count))) }

    /// The next index no worker has taken yet, or nil when all are taken.
    func claimNext() -> Int? {
        state.withLock { state in
            guard state.next < state.storage.count else { return nil }
            state.next += 1
            return state.next - 1
        }
    }

    func set(_ index: Int, _ value: Value) {
        state.withLock { $0.storage[index] = value }
    }

    var values: [Value] { state.withLock { $0.storage.map { $0! } } }
}
