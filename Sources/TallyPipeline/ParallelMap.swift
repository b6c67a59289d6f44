import Dispatch
import Foundation

/// Runs `transform` over `count` indices on `jobs` threads and returns the results in index order.
/// The batch runner, the benchmark and the store all parallelise this way: work per item, order kept.
public func parallelMap<Value>(_ count: Int, jobs: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let slots = Slots<Value>(count: count)
    let workers = max(1, min(jobs, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < count {
            slots.set(index, transform(index))
            index += workers
        }
    }
    return slots.values
}

/// Write-once slots filled by parallel workers (each index by one worker), read after they all finish.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] { storage.map { $0! } }
}
