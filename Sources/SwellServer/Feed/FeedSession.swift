import Foundation
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import SwellCore
import SwellStore
import SwellEngine

/// One subscriber's socket: subscribes to the hub first, then writes from a cursor (its `since`, or the hub's
/// head): on each ring of its doorbell everything the hub's backlog holds after the cursor, and from the store
/// whatever the backlog no longer holds (all of a `since` replay that reaches further back). One cursor over one
/// ordered log means no gap and no duplicate between replay and live. Writes only what its `FeedSelection` chose,
/// counting complaint events in summary mode (`FeedOutbox`). Ends with 4008 when the hub found it too
/// slow, 1001 when the server stops, 1011 on any other failure — each with the `since=` to resume from.
struct FeedSession {
    let hub: FeedHub
    /// The event types it asked for, in which mode, filtered by the caller's role.
    let selection: FeedSelection
    let since: Int64?
    let writer: FeedChannelWriter
    let logger: Logger
    static let pageSize = 500
    static let slowConsumerCode = WebSocketErrorCode(codeNumber: 4008)

    func run(_ outbound: WebSocketOutboundWriter) async throws {
        let subscription = hub.subscribe(FeedInterest(selection))
        defer { hub.unsubscribe(subscription) }
        let cursor: Int64
        if let since {
            cursor = since
        } else if let head = subscription.startHead {
            cursor = head
        } else {
            cursor = try await hub.store.lastEventSeq()  // the hub has not started yet
        }
        subscription.start(at: cursor)

        // The pump writes; the watcher returns as soon as the hub ends the subscription. A slow consumer's socket
        // may be stalled mid-write, so the pump is cancelled then rather than awaited (cancelling a suspended write
        // makes it throw); on shutdown the same happens, and the client resumes from the cursor it is told.
        // Anything else that ends the pump (a reset socket, the store failing during a replay) still closes with a
        // code and the cursor to resume from: 1011 and `since=`, never a bare cut.
        var failure: (any Error)?
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pump(subscription, from: cursor, outbound) }
            group.addTask { for await _ in subscription.ended {} }
            defer { group.cancelAll() }
            do {
                try await group.next()
            } catch is CancellationError {
            } catch {
                failure = error
            }
        }
        if let failure {
            // Only what was surely written counts: frames queued behind a failure may be lost.
            let resume = subscription.surelyWritten
            hub.metrics.feedDisconnect("error")
            logger.warning("Feed closing on an error", metadata: ["error": "\(failure)", "event.seq": "\(resume)"])
            try? await outbound.close(.unexpectedServerError, reason: "server error; resume with since=\(resume)")
            return
        }
        let cursorAtEnd = subscription.queued
        // The close frame queues behind whatever a stalled socket has not taken yet, and closing the output drops
        // what is still queued: wait (for a grace period at most) until the socket took everything, then close, then
        // let the handler return, which cuts the connection.
        let end = subscription.end
        let grace = end == .slowConsumer ? hub.configuration.slowConsumerCloseGrace : hub.configuration.shutdownCloseGrace
        let writer = self.writer
        noteEnd(end, cursor: cursorAtEnd)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                if end != nil { try? await writer.drained() }
                try? await close(outbound, reason: end, cursor: cursorAtEnd)
            }
            group.addTask { try? await Task.sleep(for: grace) }
            defer { group.cancelAll() }
            await group.next()
        }
    }

    /// On every ring, writes all that is new (events, then the newest heartbeat) until the subscription ends. A
    /// summary-mode socket holding a count sets an alarm that rings when the count falls due.
    private func pump(_ subscription: FeedSubscription, from start: Int64, _ outbound: WebSocketOutboundWriter) async throws {
        var cursor = start
        var heartbeats = subscription.heartbeatsAtStart
        var outbox = FeedOutbox(selection: selection, summaryInterval: hub.configuration.summaryInterval)
        var alarm: (due: ContinuousClock.Instant, task: Task<Void, Never>)?
        defer { alarm?.task.cancel() }
        for await _ in subscription.doorbell {
            drain: while subscription.end == nil {
                // The hub moves the cursor of an idle session past runs of events it skips (`shouldRing`).
                cursor = max(cursor, subscription.written)
                switch hub.next(after: cursor, heartbeatsSeen: heartbeats) {
                case .frames(let frames):
                    let last = frames.last?.seq ?? cursor
                    let run = outbox.sort(frames, now: .now)
                    subscription.holding(from: outbox.held?.fromSeq)
                    subscription.queued(through: last)
                    try await write(run)
                    cursor = last
                    subscription.wrote(through: cursor)
                case .missed(let through):
                    cursor = try await replay(after: cursor, upTo: through, outbox: &outbox, progress: subscription)
                case .heartbeat(let count, let text):
                    heartbeats = count
                    try await outbound.writeTextMessage(text)
                case .upToDate:
                    let run = outbox.dueSummary(now: .now)
                    subscription.holding(from: outbox.held?.fromSeq)
                    try await write(run)
                    break drain
                }
            }
            if let due = outbox.summaryAlarm, alarm?.due != due {
                alarm?.task.cancel()
                alarm = (due, Task {
                    try? await Task.sleep(until: due, clock: .continuous)
                    subscription.ring()
                })
            }
        }
    }

    /// Writes a sorted run as it is (shared frames, no copy) with one flush, counting each event and its delay.
    private func write(_ run: FeedOutbox.Run) async throws {
        try await writer.write(run.texts)
        for frame in run.events { hub.metrics.feedEventSent(publishedAt: frame.publishedAt) }
        for _ in 0..<run.summaries { hub.metrics.feedEventSent(publishedAt: nil) }
    }

    /// Sends the logged events after `seq` up to and including `last`, returning the new cursor; `progress` learns
    /// it after every page, so the hub sees a catching-up socket move.
    private func replay(
        after seq: Int64, upTo last: Int64, outbox: inout FeedOutbox, progress: FeedSubscription
    ) async throws -> Int64 {
        var cursor = seq
        while cursor < last {
            let limit = Int(min(Int64(Self.pageSize), last - cursor))
            let events = try await hub.store.events(after: cursor, limit: limit)
            let chosen = events.filter { outbox.selection.decide($0.type) != .skip }
            let run = outbox.sort(chosen.map { FeedFrame($0, publishedAt: nil) }, now: .now)
            progress.holding(from: outbox.held?.fromSeq)
            if let newest = events.last?.seq { progress.queued(through: newest) }
            try await write(run)
            cursor = events.last?.seq ?? cursor
            progress.wrote(through: cursor)
            if events.count < limit { break }
        }
        return cursor
    }

    /// Counts and logs why the session ends, as soon as it is decided (the close frame may wait for a stalled
    /// socket to drain).
    private func noteEnd(_ reason: FeedEnd?, cursor: Int64) {
        switch reason {
        case .slowConsumer:
            hub.metrics.feedDisconnect("slow_consumer")
            logger.notice("Feed closing: slow consumer", metadata: ["event.seq": "\(cursor)"])
        case .shuttingDown:
            hub.metrics.feedDisconnect("shutdown")
        case nil:
            hub.metrics.feedDisconnect("client")  // the client left (the item stream was cancelled)
        }
    }

    private func close(_ outbound: WebSocketOutboundWriter, reason: FeedEnd?, cursor: Int64) async throws {
        switch reason {
        case .slowConsumer:
            try await outbound.close(Self.slowConsumerCode, reason: "slow consumer; resume with since=\(cursor)")
        case .shuttingDown:
            try await outbound.close(.goingAway, reason: "server shutting down; resume with since=\(cursor)")
        case nil:
            break
        }
    }
}
