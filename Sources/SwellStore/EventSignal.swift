import Synchronization

/// Wakes every subscriber when events were appended. Each subscriber sees at least the latest sequence
/// number (older wake-ups coalesce), and reads the events themselves from the store: the log is the truth.
public final class EventSignal: Sendable {
    private let state = Mutex<State>(State())

    private struct State {
        var nextId = 0
        var subscribers: [Int: AsyncStream<Int64>.Continuation] = [:]
    }

    public init() {}

    /// A stream of "the log now reaches at least this seq". Subscribe before reading, so nothing is missed.
    public func subscribe() -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream<Int64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            let id = state.nextId
            state.nextId += 1
            state.subscribers[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    public func notify(upTo seq: Int64) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield(seq) }
    }

    /// Ends every subscription (shutdown).
    public func finish() {
        let subscribers = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
