import Foundation
import Testing

@testable import TallyPipeline

@Suite struct OrderedWorkersTests {
    /// Counts items started but not yet delivered, to check the bound.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var open = 0
        private(set) var most = 0
        func start() {
            lock.lock()
            open += 1
            most = max(most, open)
            lock.unlock()
        }
        func deliver() {
            lock.lock()
            open -= 1
            lock.unlock()
        }
    }

    @Test(arguments: [1, 2, 4])
    func deliversEveryResultInOrderWithABoundedBacklog(jobs: Int) {
        let gauge = Gauge()
        var delivered: [Int] = []
        orderedWork(200, jobs: jobs, ahead: 8, work: { index in
            gauge.start()
            if index % 7 == 0 { usleep(2_000) }  // slow items must not reorder the output
            return index * 10
        }) { index, value in
            #expect(value == index * 10)
            delivered.append(index)
            gauge.deliver()
        }
        #expect(delivered == Array(0..<200))
        #expect(gauge.most <= max(8, jobs) + 1)
    }

    @Test func anItemOverTheTimeLimitIsAbandonedAndTheRestDelivered() {
        var delivered: [Int] = []
        let start = Date()
        orderedWork(20, jobs: 2, ahead: 4, timeLimit: 1, work: { index, heartbeat in
            if index == 3 { sleep(30) }  // stuck: nothing must wait for it
            if index == 5 {
                // Slow but alive: each heartbeat restarts its clock.
                for _ in 0..<4 {  // 1.6 s in all
                    usleep(400_000)
                    heartbeat()
                }
            }
            return index
        }, timedOut: { -$0 }) { index, value in
            delivered.append(value)
        }
        #expect(delivered == (0..<20).map { $0 == 3 ? -3 : $0 })
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func heavyResultsHoldBackNewWorkUntilDelivered() {
        let gauge = Gauge()
        var delivered: [Int] = []
        orderedWork(100, jobs: 4, ahead: 50, weight: { $0 }, maxWeight: 10, work: { index, _ in
            gauge.start()
            return index % 10 == 0 ? 10 : 1  // every tenth result alone fills the budget
        }) { index, value in
            delivered.append(index)
            gauge.deliver()
            usleep(500)
        }
        #expect(delivered == Array(0..<100))
        // At most the budget's worth of results wait, plus the items already running when it filled.
        #expect(gauge.most <= 10 + 4 + 1, "\(gauge.most) items open at once")
    }

    @Test func stopsAtOnceEvenWhileAnItemIsStuck() {
        let start = Date()
        var delivered = 0
        orderedWork(10, jobs: 1, ahead: 4, shouldStop: { Date().timeIntervalSince(start) > 0.5 }, work: { index in
            if index == 1 { sleep(30) }
            return index
        }) { _, _ in delivered += 1 }
        #expect(delivered == 1)
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func stopsStartingWorkOnceAskedAndReturns() {
        var delivered = 0
        orderedWork(1_000, jobs: 2, ahead: 4, shouldStop: { delivered >= 10 }, work: { $0 }) { _, _ in delivered += 1 }
        #expect(delivered == 10)
    }
}
