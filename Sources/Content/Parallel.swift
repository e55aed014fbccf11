import Dispatch

/// Maps over an array on all cores; results keep the input's order, so output stays deterministic.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, transform(items[index]))
    }
    return results.values()
}

/// The same, taking the items whose `first` is true before the others: a few long items (a site's
/// registers and feeds, made from every page) started last would leave one core working alone at
/// the end. Results are in the input's order all the same.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], first: (T) -> Bool, _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let order = startOrder(items, first: first)
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { step in
        let index = order[step]
        results.set(index, transform(items[index]))
    }
    return results.values()
}

/// Positions of the items whose `first` is true, then of the others, each in the input's order.
func startOrder<T>(_ items: [T], first: (T) -> Bool) -> [Int] {
    items.indices.filter { first(items[$0]) } + items.indices.filter { !first(items[$0]) }
}

/// Each slot is written by exactly one iteration and read only after all have finished. Raw memory,
/// initialised in place and moved out: an array of optionals cost a copy of every result twice.
private final class ResultSlots<R>: @unchecked Sendable {
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

/// Work started now on another thread and waited for later, for a stage whose result nobody reads
/// (writing a cache) while the next stage runs on the cores it leaves idle.
public final class BackgroundWork: Sendable {
    private let group = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async(group: group, execute: work)
    }

    /// Returns once the work is done; again at once after that.
    public func wait() { group.wait() }
}
