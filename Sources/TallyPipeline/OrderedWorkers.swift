import Dispatch
import Foundation
import TallyMemory

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
private final class OrderedState<Value>: Sendable {
    enum Outcome {
        case value(Value)
        case timedOut
        case stopped
    }

    /// What the workers and the delivering thread share, under one lock.
    struct Shared {
        var next = 0
        var delivered = 0
        var results: [Int: Value] = [:]
        /// The weight of each finished, undelivered result, and their sum.
        var weights: [Int: Int] = [:]
        var waitingWeight = 0
        var stopped = false
        /// Running items and when they started or last beat (nanoseconds of uptime).
        var running: [Int: UInt64] = [:]
        var abandoned: Set<Int> = []
        /// Workers that will still take items (not stuck on an abandoned one).
        var liveWorkers = 0
    }

    private let shared = Guarded(Shared())
    private let count: Int
    private let ahead: Int
    private let weight: (@Sendable (Value) -> Int)?
    private let maxWeight: Int

    init(count: Int, ahead: Int, weight: (@Sendable (Value) -> Int)?, maxWeight: Int) {
        self.count = count
        self.ahead = ahead
        self.weight = weight
        self.maxWeight = maxWeight
    }

    /// Starts one worker thread taking items until there are none (or its item is abandoned).
    func startWorker(_ work: @escaping @Sendable (Int, Heartbeat) -> Value) {
        shared.withLock { $0.liveWorkers += 1 }
        let thread = Thread { [self] in
            while let index = take() {
                let heartbeat = Heartbeat { [self] in beat(index) }
                let value = work(index, heartbeat)
                if !put(index, value) { return }
            }
            shared.withLock(wake: true) { $0.liveWorkers -= 1 }
        }
        // Extraction recurses on nested markup and patterns: the stack of a main thread, not a pool thread's.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next index to work on, waiting while too many results are undelivered; nil when done.
    private func take() -> Int? {
        let (count, ahead, maxWeight) = (count, ahead, maxWeight)
        return shared.withLock(waitingFor: { state -> Int?? in
            // Too heavy: wait until delivery catches up. Every undelivered item below `next` is done or running,
            // so delivery always can.
            if !state.stopped, state.next < count,
                state.next >= state.delivered + ahead || (state.waitingWeight >= maxWeight && state.next > state.delivered)
            {
                return nil
            }
            guard !state.stopped, state.next < count else { return .some(nil) }
            state.next += 1
            state.running[state.next - 1] = DispatchTime.now().uptimeNanoseconds
            return state.next - 1
        })
    }

    private func beat(_ index: Int) {
        shared.withLock { state in
            if state.running[index] != nil { state.running[index] = DispatchTime.now().uptimeNanoseconds }
        }
    }

    /// Stores a result; false when the item was abandoned (the worker then ends: another took its place).
    private func put(_ index: Int, _ value: Value) -> Bool {
        let heft = weight?(value) ?? 0
        return shared.withLock(wake: true) { state in
            state.running[index] = nil
            if state.abandoned.remove(index) != nil { return false }
            if !state.stopped {
                state.results[index] = value
                state.weights[index] = heft
                state.waitingWeight += heft
            }
            return true
        }
    }

    /// Waits for the result of `index`, for it to run out of time, or for `shouldStop`.
    func result(_ index: Int, timeLimit: Double?, shouldStop: () -> Bool) -> Outcome {
        shared.withLock(
            waitingFor: { state -> Outcome? in
                if state.results[index] == nil {
                    if shouldStop() { return .stopped }
                    if let timeLimit, let since = state.running[index],
                        Double(DispatchTime.now().uptimeNanoseconds - since) / 1e9 >= timeLimit
                    {
                        state.running[index] = nil
                        state.abandoned.insert(index)
                        state.liveWorkers -= 1
                        state.delivered = index + 1
                        return .timedOut
                    }
                    return nil
                }
                state.delivered = index + 1
                state.waitingWeight -= state.weights.removeValue(forKey: index) ?? 0
                return .value(state.results.removeValue(forKey: index)!)
            }, poll: 0.1, wake: true)
    }

    /// Lets waiting workers finish without starting new items.
    func stop() {
        shared.withLock(wake: true) { $0.stopped = true }
    }

    /// Waits until every worker not stuck on an abandoned item has ended.
    func waitForWorkers() {
        shared.withLock(waitingFor: { $0.liveWorkers > 0 ? nil : () })
    }
}
