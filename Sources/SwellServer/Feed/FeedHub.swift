import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import SwellCore
import SwellStore

/// The one reader of the event log for every feed socket: woken by the store's `EventSignal` (and a periodic
/// poll), it reads each new event once, encodes it once and offers it to every subscriber's bounded queue.
/// It never waits for a subscriber: one whose queue is full is ended as a slow consumer. On graceful shutdown
/// every subscription ends with `.shuttingDown`, which the sockets turn into close code 1001.
public final class FeedHub: Service, Sendable {
    let store: any CaseStore
    let configuration: FeedConfiguration
    let metrics: SwellMetrics
    let logger: Logger
    private let state = Mutex(State())
    private static let pageSize = 1000

    private struct State {
        var nextId = 0
        var subscribers: [Int: FeedSubscription] = [:]
        /// The last seq published; nil until the hub has started.
        var head: Int64?
        var lastHeartbeat = ContinuousClock.now
        var stopped = false
    }

    public init(store: any CaseStore, configuration: FeedConfiguration, metrics: SwellMetrics, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    /// A new subscription that receives every event published from now on (and heartbeats).
    func subscribe() -> FeedSubscription {
        let (subscription, count) = state.withLock { state in
            let subscription = FeedSubscription(id: state.nextId, startHead: state.head, bufferSize: configuration.bufferSize)
            state.nextId += 1
            if state.stopped {
                subscription.finish(.shuttingDown)
            } else {
                state.subscribers[subscription.id] = subscription
            }
            return (subscription, state.subscribers.count)
        }
        metrics.feedSubscribers.set(Double(count))
        return subscription
    }

    func unsubscribe(_ subscription: FeedSubscription) {
        let count = state.withLock { state in
            state.subscribers[subscription.id] = nil
            return state.subscribers.count
        }
        metrics.feedSubscribers.set(Double(count))
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// The last seq handed to subscribers; nil until the hub has started.
    var publishedHead: Int64? { state.withLock { $0.head } }

    public func run() async throws {
        let start = try await store.lastEventSeq()
        state.withLock { $0.head = start }
        logger.info("Feed hub started", metadata: ["event.seq": "\(start)"])
        try await WakeUps.run(signal: store.signal, every: configuration.pollInterval) {
            await self.publishNewEvents()
            self.heartbeatIfDue()
        }
        endAll(.shuttingDown)
        logger.info("Feed hub stopped")
    }

    /// Ends every subscription (graceful shutdown); later subscriptions end at once.
    func endAll(_ reason: FeedEnd) {
        let subscribers = state.withLock { state in
            state.stopped = true
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish(reason) }
    }

    private func publishNewEvents() async {
        // `WakeUps` runs one call at a time, so `head` only moves here.
        guard var head = state.withLock({ $0.head }) else { return }
        while true {
            let events: [Event]
            do {
                events = try await store.events(after: head, limit: Self.pageSize)
            } catch {
                logger.error("Feed hub could not read the event log", metadata: ["error": "\(error)", "event.seq": "\(head)"])
                return
            }
            guard let last = events.last else { return }
            publish(events)
            head = last.seq
            if events.count < Self.pageSize { return }
        }
    }

    private func publish(_ events: [Event]) {
        let items = events.map { event in
            FeedItem.event(seq: event.seq, text: FeedEnvelope.json(event), adminOnly: FeedEnvelope.isAdminOnly(event.type))
        }
        let subscribers = state.withLock { state in
            state.head = events.last?.seq
            return Array(state.subscribers.values)
        }
        offer(items, to: subscribers)
        metrics.observe(events)
    }

    private func heartbeatIfDue() {
        let now = ContinuousClock.now
        let due: (Int64, [FeedSubscription])? = state.withLock { state in
            guard let head = state.head, now - state.lastHeartbeat >= configuration.heartbeatInterval else { return nil }
            state.lastHeartbeat = now
            return (head, Array(state.subscribers.values))
        }
        guard let (head, subscribers) = due else { return }
        offer([.heartbeat(FeedEnvelope.heartbeat(head: head, at: Date()))], to: subscribers)
    }

    /// Offers items to each subscriber without ever waiting; a full queue ends that subscriber as slow.
    private func offer(_ items: [FeedItem], to subscribers: [FeedSubscription]) {
        for subscriber in subscribers where !items.allSatisfy(subscriber.offer) {
            unsubscribe(subscriber)
            subscriber.finish(.slowConsumer)
            logger.notice("Feed subscriber too slow; disconnecting", metadata: ["feed.subscriber": "\(subscriber.id)"])
        }
    }
}
