import Synchronization

/// One message the hub hands to a subscriber: an event, encoded once for everyone, or a heartbeat.
enum FeedItem: Sendable {
    case event(seq: Int64, text: String, adminOnly: Bool)
    case heartbeat(String)
}

/// Why the hub ended a subscription.
enum FeedEnd: Sendable, Equatable {
    /// Its buffer was full: the socket did not keep up.
    case slowConsumer
    /// The server is shutting down.
    case shuttingDown
}

/// A subscriber's bounded queue of items from the hub. The hub never waits on it: when the queue is full the
/// subscription ends with `.slowConsumer`.
final class FeedSubscription: Sendable {
    let id: Int
    /// The last seq the hub had published when this subscription began; live items all come after it.
    let startHead: Int64?
    let items: AsyncStream<FeedItem>
    private let continuation: AsyncStream<FeedItem>.Continuation
    private let ending = Mutex<FeedEnd?>(nil)
    /// Finishes when the hub ends the subscription, so a session blocked writing to a stalled socket can be
    /// interrupted instead of waiting for writability that never comes.
    let ended: AsyncStream<Void>
    private let endedContinuation: AsyncStream<Void>.Continuation

    init(id: Int, startHead: Int64?, bufferSize: Int) {
        self.id = id
        self.startHead = startHead
        (items, continuation) = AsyncStream<FeedItem>.makeStream(bufferingPolicy: .bufferingOldest(bufferSize))
        (ended, endedContinuation) = AsyncStream<Void>.makeStream()
    }

    /// Why it ended, once the hub ended it.
    var end: FeedEnd? { ending.withLock { $0 } }

    /// Queues an item; `false` only when the queue is full (a closed queue quietly takes nothing).
    func offer(_ item: FeedItem) -> Bool {
        if case .dropped = continuation.yield(item) { return false }
        return true
    }

    func finish(_ reason: FeedEnd) {
        ending.withLock { if $0 == nil { $0 = reason } }
        continuation.finish()
        endedContinuation.finish()
    }
}
