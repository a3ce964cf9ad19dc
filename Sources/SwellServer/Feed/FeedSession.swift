import Foundation
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import SwellCore
import SwellStore

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

        for await item in subscription.items {
            if subscription.end == .slowConsumer { break }
            switch item {
            case .heartbeat(let text):
                try await outbound.writeTextMessage(text)
            case .event(let seq, let text, let adminOnly):
                guard seq > cursor else { continue }
                if seq > cursor + 1 { cursor = try await replay(after: cursor, upTo: seq - 1, outbound) }
                if !adminOnly || caller.role == .admin {
                    try await outbound.writeTextMessage(text)
                    hub.metrics.feedEventsSent.increment()
                }
                cursor = seq
            }
        }
        try await close(outbound, reason: subscription.end, cursor: cursor)
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
