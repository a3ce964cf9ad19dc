import Foundation
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import SwellCore
import SwellStore
import Synchronization

/// One subscriber's socket: replays the log after `since` (if given), then follows the hub, with no gap and no
/// duplicate across the switch. It subscribes to the hub before its final replay read and then keeps a cursor
/// (the last seq handled): live items at or below it are skipped, and a live item beyond `cursor + 1` first
/// fills the gap from the store. Ends with 4008 when the hub found it too slow, 1001 when the server stops.
struct FeedSession {
    let hub: FeedHub
    let caller: Caller
    let since: Int64?
    let logger: Logger
    static let pageSize = 500
    static let slowConsumerCode = WebSocketErrorCode(codeNumber: 4008)

    func run(_ outbound: WebSocketOutboundWriter) async throws {
        var cursor = since ?? 0
        let subscription: FeedSubscription
        if since != nil {
            // Catch up before subscribing, so a long replay does not fill the live queue.
            cursor = try await replay(after: cursor, upTo: nil, outbound)
            subscription = hub.subscribe()
            cursor = try await replay(after: cursor, upTo: nil, outbound)
        } else {
            subscription = hub.subscribe()
            if let start = subscription.startHead {
                cursor = start
            } else {
                cursor = try await hub.store.lastEventSeq()  // the hub has not started yet
            }
        }
        defer { hub.unsubscribe(subscription) }

        // The pump writes; the watcher returns as soon as the hub ends the subscription. A slow consumer's socket
        // may be stalled mid-write, so the pump is cancelled then rather than awaited (cancelling a suspended write
        // makes it throw); on shutdown the same happens, and the client resumes from the cursor it is told.
        let sent = SentCursor(cursor)
        let start = cursor
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pump(subscription, from: start, sent: sent, outbound) }
            group.addTask { for await _ in subscription.ended {} }
            defer { group.cancelAll() }
            do {
                try await group.next()
            } catch is CancellationError {
            }
        }
        let cursorAtEnd = sent.get()
        // The close frame queues behind whatever a stalled socket has not taken yet: give it a grace period to
        // drain, then let the handler return, which cuts the connection.
        let end = subscription.end
        let grace = end == .slowConsumer ? hub.configuration.slowConsumerCloseGrace : hub.configuration.shutdownCloseGrace
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await close(outbound, reason: end, cursor: cursorAtEnd) }
            group.addTask { try await Task.sleep(for: grace) }
            defer { group.cancelAll() }
            _ = try? await group.next()
        }
    }

    /// Writes live items until the subscription's stream ends, filling any gap from the store.
    private func pump(
        _ subscription: FeedSubscription, from start: Int64, sent: SentCursor, _ outbound: WebSocketOutboundWriter
    ) async throws {
        var cursor = start
        for await item in subscription.items {
            if subscription.end == .slowConsumer { break }
            switch item {
            case .heartbeat(let text):
                try await outbound.writeTextMessage(text)
            case .event(let seq, let text, let adminOnly):
                guard seq > cursor else { continue }
                if seq > cursor + 1 {
                    cursor = try await replay(after: cursor, upTo: seq - 1, outbound)
                    sent.set(cursor)
                }
                if !adminOnly || caller.role == .admin {
                    try await outbound.writeTextMessage(text)
                    hub.metrics.feedEventsSent.increment()
                }
                cursor = seq
                sent.set(cursor)
            }
        }
    }

    /// Sends the logged events after `seq` (up to `last`, or to the log's end), returning the new cursor.
    private func replay(after seq: Int64, upTo last: Int64?, _ outbound: WebSocketOutboundWriter) async throws -> Int64 {
        var cursor = seq
        while last.map({ cursor < $0 }) ?? true {
            let limit = last.map { Int(min(Int64(Self.pageSize), $0 - cursor)) } ?? Self.pageSize
            let events = try await hub.store.events(after: cursor, limit: limit)
            for event in events {
                if !FeedEnvelope.isAdminOnly(event.type) || caller.role == .admin {
                    try await outbound.writeTextMessage(FeedEnvelope.json(event))
                    hub.metrics.feedEventsSent.increment()
                }
                cursor = event.seq
            }
            if events.count < limit { break }
        }
        return cursor
    }

    private func close(_ outbound: WebSocketOutboundWriter, reason: FeedEnd?, cursor: Int64) async throws {
        switch reason {
        case .slowConsumer:
            hub.metrics.feedDisconnect("slow_consumer")
            logger.notice("Feed closed: slow consumer", metadata: ["event.seq": "\(cursor)"])
            try await outbound.close(Self.slowConsumerCode, reason: "slow consumer; resume with since=\(cursor)")
        case .shuttingDown:
            hub.metrics.feedDisconnect("shutdown")
            try await outbound.close(.goingAway, reason: "server shutting down; resume with since=\(cursor)")
        case nil:
            hub.metrics.feedDisconnect("client")  // the client left (the item stream was cancelled)
        }
    }
}

/// The last seq a session has written, shared between its pump and the code that closes the socket.
final class SentCursor: Sendable {
    private let value: Mutex<Int64>

    init(_ seq: Int64) { value = Mutex(seq) }

    func get() -> Int64 { value.withLock { $0 } }

    func set(_ seq: Int64) { value.withLock { $0 = seq } }
}
