import Dispatch
import Foundation

/// Runs `work` over indices `0..<count` on `jobs` threads and hands each result to `deliver` on the
/// calling thread, in index order, as soon as it and all before it are done.
///
/// Workers never wait for each other (no windows): a slow item holds back only delivery, and at most
/// `ahead` results wait undelivered, so memory stays bounded however many items there are. Delivery
/// (writing output) overlaps with work. With one job everything runs on the calling thread.
/// `shouldStop` is asked before each delivery; once it says yes, no new item is started.
public func orderedWork<Value>(
    _ count: Int, jobs: Int, ahead: Int, shouldStop: () -> Bool = { false },
    work: @escaping @Sendable (Int) -> Value, deliver: (Int, Value) -> Void
) {
    if jobs <= 1 {
        for index in 0..<count {
            if shouldStop() { return }
            deliver(index, work(index))
        }
        return
    }
    let state = OrderedState<Value>(count: count, ahead: max(ahead, jobs))
    let group = DispatchGroup()
    for _ in 0..<min(jobs, count) {
        DispatchQueue.global().async(group: group) {
            while let index = state.take() { state.put(index, work(index)) }
        }
    }
    for index in 0..<count {
        if shouldStop() { break }
        deliver(index, state.result(index))
    }
    state.stop()
    group.wait()
}

/// The shared state of `orderedWork`: the next item to start, finished results, and how far delivery got.
private final class OrderedState<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let ahead: Int
    private var next = 0
    private var delivered = 0
    private var results: [Int: Value] = [:]
    private var stopped = false

    init(count: Int, ahead: Int) {
        self.count = count
        self.ahead = ahead
    }

    /// The next index to work on, waiting while too many results are undelivered; nil when done.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < count, next >= delivered + ahead { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ value: Value) {
        condition.lock()
        results[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result of `index` and hands it over.
    func result(_ index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        delivered = index + 1
        condition.broadcast()
        return results.removeValue(forKey: index)!
    }

    /// Lets waiting workers finish without starting new items.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
