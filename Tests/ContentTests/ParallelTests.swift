import Synchronization
import Testing
@testable import Content

@Suite struct ParallelTests {
    @Test func startOrderTakesTheFirstItemsBeforeTheOthersEachInInputOrder() {
        let items = ["page", "feed", "page", "page", "register", "page"]
        #expect(startOrder(items, first: { $0 != "page" }) == [1, 4, 0, 2, 3, 5])
        #expect(startOrder(items, first: { _ in false }) == Array(items.indices))
    }

    @Test func parallelMapWithFirstItemsKeepsTheInputOrderOfResults() {
        let items = Array(0..<1_000)
        let calls = Mutex(0)
        let results = parallelMap(items, first: { $0 % 7 == 0 }) { item -> Int in
            calls.withLock { $0 += 1 }
            return item * item
        }
        #expect(results == items.map { $0 * $0 })
        #expect(calls.withLock { $0 } == items.count)
    }
}
