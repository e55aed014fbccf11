import Synchronization

/// The open live-reload connections (server-sent events). Each browser tab holds one stream; a
/// finished rebuild is sent to all of them.
final class ReloadHub: Sendable {
    private let streams = Mutex<[Int: AsyncStream<String>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    /// A stream of event texts, ready to write to the connection as they come, and how to end it.
    func subscribe() -> (stream: AsyncStream<String>, end: @Sendable () -> Void) {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { [weak self] _ in
            _ = self?.streams.withLock { $0.removeValue(forKey: id) }
        }
        streams.withLock { $0[id] = continuation }
        return (stream, { continuation.finish() })
    }

    func send(_ event: String) {
        let all = streams.withLock { Array($0.values) }
        for continuation in all { continuation.yield(event) }
    }

    var connectionCount: Int { streams.withLock { $0.count } }

    static func reload(generation: Int) -> String { "event: reload\ndata: \(generation)\n\n" }

    /// A comment line: keeps proxies from closing an idle connection, and a write to a tab that is gone
    /// fails, which ends its stream.
    static let keepAlive = ": keep-alive\n\n"
}
