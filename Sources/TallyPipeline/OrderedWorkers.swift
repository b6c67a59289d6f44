import Dispatch
import Foundation

/// Tells `orderedWork` that the item a worker is on is still making progress (a document of a file is
/// done, the next begins): its time limit starts again from now.
public struct Heartbeat: Sendable {
    fileprivate let beat: @Sendable () -> Void
    public func callAsFunction() { beat() }
    /// A heartbeat nobody listens to, for work run outside `orderedWork`.
    public static let none = Heartbeat(beat: {})
}

/// Runs `work` over indices `0..<count` on `jobs` worker threads and hands each result to `deliver` on
/// the calling thread, in index order, as soon as it and all before it are done.
///
/// Workers never wait for each other (no windows): a slow item holds back only delivery, and at most
/// `ahead` results wait undelivered (and, given a `weight`, results weighing at most about `maxWeight`
/// in all: no new item starts while more wait), so memory stays bounded however many items there are and
/// however large each is. Delivery (writing output) overlaps with work.
///
/// The calling thread only waits and delivers, so it can give up on work that does not end:
/// - `shouldStop` is asked before each delivery and every tenth of a second while waiting; once it says
///   yes, `orderedWork` returns at once, without waiting for items in flight (their threads finish them
///   and drop the results), so a Ctrl-C ends the run within a second whatever a worker is stuck in.
/// - With a `timeLimit` (and `timedOut`), an item that has run that many seconds since it started (or since its last
///   `Heartbeat`) is abandoned: `timedOut` makes the value delivered in its place, a new worker takes its
///   place, and the stuck thread drops its result whenever it ends. The returning call does not wait
///   for abandoned items.
public func orderedWork<Value>(
    _ count: Int, jobs: Int, ahead: Int, timeLimit: Double? = nil, shouldStop: () -> Bool = { false },
    weight: (@Sendable (Value) -> Int)? = nil, maxWeight: Int = .max,
    work: @escaping @Sendable (Int, Heartbeat) -> Value, timedOut: ((Int) -> Value)? = nil,
    deliver: (Int, Value) -> Void
) {
    guard count > 0 else { return }
    let timeLimit = timedOut == nil ? nil : timeLimit
    let state = OrderedState<Value>(count: count, ahead: max(ahead, jobs), weight: weight, maxWeight: maxWeight)
    let workers = min(jobs, count)
    for _ in 0..<workers { state.startWorker(work) }
    for index in 0..<count {
        if shouldStop() {
            state.stop()
            return
        }
        switch state.result(index, timeLimit: timeLimit, shouldStop: shouldStop) {
        case .value(let value):
            deliver(index, value)
        case .timedOut:
            state.startWorker(work)
            deliver(index, timedOut!(index))
        case .stopped:
            state.stop()
            return
        }
    }
    state.stop()
    state.waitForWorkers()
}

/// `orderedWork` without heartbeats or time limit.
public func orderedWork<Value>(
    _ count: Int, jobs: Int, ahead: Int, shouldStop: () -> Bool = { false },
    work: @escaping @Sendable (Int) -> Value, deliver: (Int, Value) -> Void
) {
    orderedWork(count, jobs: jobs, ahead: ahead, shouldStop: shouldStop, work: { index, _ in work(index) }, deliver: deliver)
}

/// The shared state of `orderedWork`: the next item to start, finished results, how far delivery got,
/// when each running item last showed progress, and which items were given up.
private final class OrderedState<Value>: @unchecked Sendable {
    enum Outcome {
        case value(Value)
        case timedOut
        case stopped
    }

    private let condition = NSCondition()
    private let count: Int
    private let ahead: Int
    private var next = 0
    private var delivered = 0
    private var results: [Int: Value] = [:]
    private let weight: (@Sendable (Value) -> Int)?
    private let maxWeight: Int
    /// The weight of each finished, undelivered result, and their sum.
    private var weights: [Int: Int] = [:]
    private var waitingWeight = 0
    private var stopped = false
    /// Running items and when they started or last beat (nanoseconds of uptime).
    private var running: [Int: UInt64] = [:]
    private var abandoned: Set<Int> = []
    /// Workers that will still take items (not stuck on an abandoned one).
    private var liveWorkers = 0

    init(count: Int, ahead: Int, weight: (@Sendable (Value) -> Int)?, maxWeight: Int) {
        self.count = count
        self.ahead = ahead
        self.weight = weight
        self.maxWeight = maxWeight
    }

    /// Starts one worker thread taking items until there are none (or its item is abandoned).
    func startWorker(_ work: @escaping @Sendable (Int, Heartbeat) -> Value) {
        condition.lock()
        liveWorkers += 1
        condition.unlock()
        let thread = Thread { [self] in
            while let index = take() {
                let heartbeat = Heartbeat { [self] in beat(index) }
                let value = work(index, heartbeat)
                if !put(index, value) { return }
            }
            condition.lock()
            liveWorkers -= 1
            condition.broadcast()
            condition.unlock()
        }
        // Extraction recurses on nested markup and patterns: the stack of a main thread, not a pool thread's.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next index to work on, waiting while too many results are undelivered; nil when done.
    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        // Too heavy: wait until delivery catches up. Every undelivered item below `next` is done or running,
        // so delivery always can.
        while !stopped, next < count, next >= delivered + ahead || (waitingWeight >= maxWeight && next > delivered) { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        running[next - 1] = DispatchTime.now().uptimeNanoseconds
        return next - 1
    }

    private func beat(_ index: Int) {
        condition.lock()
        if running[index] != nil { running[index] = DispatchTime.now().uptimeNanoseconds }
        condition.unlock()
    }

    /// Stores a result; false when the item was abandoned (the worker then ends: another took its place).
    private func put(_ index: Int, _ value: Value) -> Bool {
        let heft = weight?(value) ?? 0
        condition.lock()
        defer { condition.unlock() }
        running[index] = nil
        if abandoned.remove(index) != nil { return false }
        if !stopped {
            results[index] = value
            weights[index] = heft
            waitingWeight += heft
        }
        condition.broadcast()
        return true
    }

    /// Waits for the result of `index`, for it to run out of time, or for `shouldStop`.
    func result(_ index: Int, timeLimit: Double?, shouldStop: () -> Bool) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil {
            if shouldStop() { return .stopped }
            if let timeLimit, let since = running[index],
                Double(DispatchTime.now().uptimeNanoseconds - since) / 1e9 >= timeLimit
            {
                running[index] = nil
                abandoned.insert(index)
                liveWorkers -= 1
                delivered = index + 1
                condition.broadcast()
                return .timedOut
            }
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        delivered = index + 1
        waitingWeight -= weights.removeValue(forKey: index) ?? 0
        condition.broadcast()
        return .value(results.removeValue(forKey: index)!)
    }

    /// Lets waiting workers finish without starting new items.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every worker not stuck on an abandoned item has ended.
    func waitForWorkers() {
        condition.lock()
        while liveWorkers > 0 { condition.wait() }
        condition.unlock()
    }
}
