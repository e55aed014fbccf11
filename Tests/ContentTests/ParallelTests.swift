import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
@testable import Content

/// parallelMap(_:oneLargeAtATime:_:) keeps the input's order of results and never makes two large
/// items at once.
@Suite struct ParallelTests {
    @Test func largeItemsAreMadeOneAtATimeAndResultsKeepTheirOrder() {
        let items = Array(0..<2_000)
        let running = Mutex((now: 0, most: 0, calls: 0))
        let results = parallelMap(items, oneLargeAtATime: { $0 % 97 == 0 }) { item -> Int in
            let large = item % 97 == 0
            running.withLock { state in
                state.calls += 1
                if large {
                    state.now += 1
                    state.most = max(state.most, state.now)
                }
            }
            if large { for _ in 0..<10_000 { _ = running.withLock { $0.now } } }
            if large { running.withLock { $0.now -= 1 } }
            return item * 3
        }
        #expect(results == items.map { $0 * 3 })
        let state = running.withLock { $0 }
        #expect(state.most == 1)
        #expect(state.calls == items.count)
    }

    /// The lane is handed from one large item to a waiting one: never two at once, none left waiting.
    @Test func onlyLargeItemsTakeTurns() {
        let running = Mutex((now: 0, most: 0))
        let results = parallelMap(Array(0..<300), oneLargeAtATime: { $0 % 3 != 1 }) { item -> Int in
            guard item % 3 != 1 else { return item }
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            for _ in 0..<2_000 { _ = running.withLock { $0.now } }
            running.withLock { $0.now -= 1 }
            return item
        }
        #expect(results == Array(0..<300))
        #expect(running.withLock { $0.most } == 1)
    }

    @Test func onlyLargeOrOnlySmallItems() {
        #expect(parallelMap(Array(0..<50), oneLargeAtATime: { _ in true }) { $0 + 1 } == Array(1...50))
        #expect(parallelMap(Array(0..<50), oneLargeAtATime: { _ in false }) { $0 + 1 } == Array(1...50))
        #expect(parallelMap([7], oneLargeAtATime: { _ in true }) { $0 } == [7])
    }

    @Test func backgroundWorkRunsBesideTheCallerAndIsTakenOnce() {
        // The work waits for the caller to have gone on: it cannot be running on the caller's thread.
        let callerWentOn = DispatchSemaphore(value: 0)
        let work = Background { () -> [Int] in
            // Run on the caller's thread, it would time out here (the caller signals only after init).
            callerWentOn.wait(timeout: .now() + 10) == .success ? [1, 2, 3] : []
        }
        callerWentOn.signal()
        #expect(work.take() == [1, 2, 3])
        work.wait()
    }

    @Test func theThreadTakingHelpedWorkRunsItsMap() {
        // The first item waits until another thread has run an item; only the taker can be that thread
        // (the work offers no other help), so without the taker's help it would time out.
        let runners = Mutex<Set<UInt>>([])
        let otherRan = DispatchSemaphore(value: 0)
        let work = Background(helped: { desk -> [Int] in
            let owner = UInt(pthread_self())
            return desk.map(Array(0..<2_000)) { item -> Int in
                let me = UInt(pthread_self())
                runners.withLock { _ = $0.insert(me) }
                if me != owner { otherRan.signal() }
                if item == 0, me == owner { _ = otherRan.wait(timeout: .now() + 10) }
                return item * 2
            }
        })
        let taker = UInt(pthread_self())
        #expect(work.take() == (0..<2_000).map { $0 * 2 })
        #expect(runners.withLock { $0.contains(taker) })
    }
}
