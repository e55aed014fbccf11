import Dispatch
import Synchronization

/// Maps over an array on all cores; results keep the input's order, so output stays deterministic.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, transform(items[index]))
    }
    return results.values()
}

/// The same, making at most one of the items for which `isLarge` holds at a time, each as soon as no
/// other is being made (the rest fill the other cores meanwhile). A site's registers and open-data
/// files, made from every page, each take hundreds of MB while made: two at once set a large site's peak.
/// Results are in the input's order all the same.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], oneLargeAtATime isLarge: (T) -> Bool,
                                                  _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let order = LargeItemOrder(large: items.indices.filter { isLarge(items[$0]) }, small: items.indices.filter { !isLarge(items[$0]) })
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { _ in
        let (index, large) = order.next()
        results.set(index, transform(items[index]))
        if large { order.finishedLarge() }
    }
    return results.values()
}

/// Hands out the positions of parallelMap(_:oneLargeAtATime:_:), one per iteration: a large item when
/// none is being made, else a small one; when only large ones are left, the next waits its turn.
/// Whether a large item is being made is kept under the lock: asking a semaphore without waiting
/// (`wait(timeout: .now())`) was a system call, and a sleep, for every small item handed out meanwhile,
/// which left a tenth of two cores idle while a site's registers were made.
final class LargeItemOrder: Sendable {
    private struct State {
        var large: [Int]
        var small: [Int]
        var nextLarge = 0
        var nextSmall = 0
        var largeBusy = false
        /// Iterations waiting to make a large item; the one finishing hands the lane to one of them.
        var waiting = 0
    }

    private let state: Mutex<State>
    /// Wakes an iteration waiting for the lane (signalled once per hand-over).
    private let handOver = DispatchSemaphore(value: 0)

    init(large: [Int], small: [Int]) { state = Mutex(State(large: large, small: small)) }

    /// The next position and whether it is a large item (then `finishedLarge` must follow it).
    func next() -> (index: Int, large: Bool) {
        let (index, large, mustWait) = state.withLock { state -> (Int, Bool, Bool) in
            if state.nextLarge < state.large.count, !state.largeBusy {
                state.largeBusy = true
                state.nextLarge += 1
                return (state.large[state.nextLarge - 1], true, false)
            }
            if state.nextSmall < state.small.count {
                state.nextSmall += 1
                return (state.small[state.nextSmall - 1], false, false)
            }
            // Only large items are left and one is being made: this one's turn comes when that one ends.
            state.waiting += 1
            state.nextLarge += 1
            return (state.large[state.nextLarge - 1], true, true)
        }
        if mustWait { handOver.wait() }
        return (index, large)
    }

    /// The lane goes to a waiting iteration (still busy), or is free.
    func finishedLarge() {
        let handsOver = state.withLock { state -> Bool in
            guard state.waiting > 0 else {
                state.largeBusy = false
                return false
            }
            state.waiting -= 1
            return true
        }
        if handsOver { handOver.signal() }
    }
}

/// Each slot is written by exactly one iteration and read only after all have finished. Raw memory,
/// initialised in place and moved out: an array of optionals cost a copy of every result twice.
final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R>
    private let count: Int
    private var taken = false

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    func set(_ index: Int, _ value: R) { (slots + index).initialize(to: value) }

    func values() -> [R] {
        taken = true
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: slots, count: count)
            initialized = count
        }
    }

    deinit {
        if !taken { slots.deinitialize(count: count) }
        slots.deallocate()
    }
}

/// Runs two independent computations at once (on two cores) and returns both results.
public func parallelPair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let a = ResultSlots<A>(count: 1)
    let b = ResultSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.values()[0], b.values()[0])
}

/// Work started now on another thread and taken later, for a stage whose result is not needed yet
/// (writing a cache, reading the previous output manifest) while the stages before it run on the cores
/// they leave idle.
public final class Background<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let slot = Mutex<Value?>(nil)
    private let desk: HelpDesk?

    public convenience init(_ work: @escaping @Sendable () -> Value) {
        self.init(desk: nil, work)
    }

    /// Work whose parallel part (`HelpDesk.map`) the thread that takes its value joins while it waits:
    /// work started ahead runs beside another stage that holds every core, and its map would otherwise
    /// go on with one thread when that stage ends and the other thread only waits.
    public convenience init(helped work: @escaping @Sendable (HelpDesk) -> Value) {
        let desk = HelpDesk()
        self.init(desk: desk) { work(desk) }
    }

    private init(desk: HelpDesk?, _ work: @escaping @Sendable () -> Value) {
        self.desk = desk
        DispatchQueue.global().async(group: group) {
            let value = work()
            self.slot.withLock { $0 = value }
        }
    }

    /// Waits for the work and takes its value, which is then no longer held here (a second call would
    /// find none: there is one taker).
    public func take() -> Value {
        wait()
        return slot.withLock { slot in
            defer { slot = nil }
            return slot!
        }
    }

    /// Waits for the work (helping with it, if it offers help); its value stays here.
    public func wait() {
        guard let desk else { return group.wait() }
        // Polled: the map is offered some time after the work starts, and a map offered and joined
        // returns only once its items are done.
        while group.wait(timeout: .now() + .milliseconds(1)) == .timedOut { desk.help() }
    }
}

/// Where `Background` work offers the items of a map to the threads waiting for it.
public final class HelpDesk: Sendable {
    private let offered = Mutex<SharedIterations?>(nil)

    /// `parallelMap`, run by the calling thread and by every thread that waits for its work meanwhile;
    /// results in the input's order.
    public func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        let iterations = SharedIterations(count: items.count) { results.set($0, transform(items[$0])) }
        offered.withLock { $0 = iterations }
        iterations.finish()
        offered.withLock { $0 = nil }
        return results.values()
    }

    func help() { offered.withLock { $0 }?.run() }
}

/// Iterations that any number of threads run together, each claimed once; `finish` returns when all
/// are done. A thread that joins after the last was claimed runs none.
final class SharedIterations: Sendable {
    private let count: Int
    private let next = Atomic<Int>(0)
    private let running = DispatchGroup()
    private let body: @Sendable (Int) -> Void

    init(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.body = body
    }

    func run() {
        running.enter()
        defer { running.leave() }
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            body(index)
        }
    }

    func finish() {
        run()
        running.wait()
    }
}
