import Foundation
import NIOCore
import Logging
import ServiceLifecycle
import Synchronization
import SwellCore
import SwellStore
import SwellEngine

/// The one reader of the event log for every feed socket: woken by the store's `EventSignal` (and a periodic
/// poll), it reads each new event once, encodes it once into a shared `FeedBacklog` and rings the doorbell of
/// every subscriber the new events concern (`FeedSubscription.shouldRing`); each socket then takes what it has not
/// written yet at its own pace. The hub never
/// waits for a subscriber: one that stays more than `bufferSize` events behind for `slowConsumerPatience` without
/// getting closer is ended as a slow consumer. On graceful shutdown every subscription ends with `.shuttingDown`, which the
/// sockets turn into close code 1001.
public final class FeedHub: Service, Sendable {
    let store: any CaseStore
    let configuration: FeedConfiguration
    let metrics: SwellMetrics
    let logger: Logger
    private let state = Mutex(State())
    /// How many events the last publish carried (a burst makes the next wait longer).
    private let lastReadCount = Atomic<Int>(0)
    private static let pageSize = 1000
    /// The most frames one read hands a session before it looks again (bounds what a session holds at once).
    static let framesPerRead = 512

    private struct State {
        var nextId = 0
        var subscribers: [Int: FeedSubscription] = [:]
        /// Nil until the hub has started.
        var backlog: FeedBacklog?
        var heartbeats = 0
        var heartbeat = ""
        var lastHeartbeat = ContinuousClock.now
        var stopped = false
    }

    public init(store: any CaseStore, configuration: FeedConfiguration, metrics: SwellMetrics, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    /// A new subscription that can read every event published from now on (and heartbeats), woken for the events
    /// of `interest`.
    func subscribe(_ interest: FeedInterest = .everything) -> FeedSubscription {
        let (subscription, count) = state.withLock { state in
            let subscription = FeedSubscription(
                id: state.nextId, startHead: state.backlog?.head, heartbeatsAtStart: state.heartbeats, interest: interest)
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
    var publishedHead: Int64? { state.withLock { $0.backlog?.head } }

    /// What a subscriber whose socket has taken every event up to `cursor` (and `heartbeatsSeen` heartbeats)
    /// should write next.
    enum Next {
        case frames(ArraySlice<FeedFrame>)
        /// Read the log up to and including this seq: the backlog no longer holds it.
        case missed(through: Int64)
        case heartbeat(count: Int, text: String)
        case upToDate
    }

    func next(after cursor: Int64, heartbeatsSeen: Int) -> Next {
        state.withLock { state in
            guard let backlog = state.backlog else { return .upToDate }
            switch backlog.read(after: cursor, limit: Self.framesPerRead) {
            case .frames(let frames): return .frames(frames)
            case .missed(let through): return .missed(through: through)
            case .upToDate:
                return state.heartbeats > heartbeatsSeen ? .heartbeat(count: state.heartbeats, text: state.heartbeat) : .upToDate
            }
        }
    }

    public func run() async throws {
        let start = try await store.lastEventSeq()
        let early = state.withLock { state in
            state.backlog = FeedBacklog(head: start, capacity: configuration.bufferSize)
            return Array(state.subscribers.values)
        }
        for subscriber in early { subscriber.ring() }  // sockets opened before the hub started can now read
        logger.info("Feed hub started", metadata: ["event.seq": "\(start)"])
        // Woken by commits, and at least as often as heartbeats and slow-consumer checks are due.
        let tick = min(configuration.pollInterval, configuration.heartbeatInterval)
        try await WakeUps.run(signal: store.signal, every: tick) {
            // A complaint's own commit and the detector's commit for it come milliseconds apart: waiting a moment
            // lets one publish carry both, so each socket gets them in one write instead of two.
            try? await Task.sleep(for: self.lastReadCount.load(ordering: .relaxed) >= self.configuration.burstSize
                ? self.configuration.burstPublishDelay : self.configuration.publishDelay)
            self.lastReadCount.store(await self.publishNewEvents(), ordering: .relaxed)
            self.heartbeatIfDue()
            self.dropSlowSubscribers()
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

    /// Publishes every event after the head; returns how many.
    private func publishNewEvents() async -> Int {
        // `WakeUps` runs one call at a time, so the head only moves here.
        guard var head = publishedHead else { return 0 }
        var count = 0
        while true {
            let events: [Event]
            do {
                events = try await store.events(after: head, limit: Self.pageSize)
            } catch {
                logger.error("Feed hub could not read the event log", metadata: ["error": "\(error)", "event.seq": "\(head)"])
                return count
            }
            guard let last = events.last else { return count }
            publish(events)
            count += events.count
            head = last.seq
            if events.count < Self.pageSize { return count }
        }
    }

    /// Appends the events to the backlog and wakes the subscribers they concern (`FeedSubscription.shouldRing`).
    /// With no subscriber at all nothing is encoded: the backlog moves to the new head empty (a socket that opens
    /// later starts there, or reads what it asks for from before it from the store, as for any event the backlog no
    /// longer holds). An import with no dashboard open then spends nothing on the feed.
    private func publish(_ events: [Event]) {
        guard let head = events.last?.seq else { return }
        metrics.observe(events)
        let nobody = state.withLock { state in
            guard state.subscribers.isEmpty else { return false }
            state.backlog?.skip(to: head)
            return true
        }
        if nobody { return }
        let now = ContinuousClock.now
        let frames = events.map { FeedFrame($0, publishedAt: now) }
        let (previousHead, subscribers) = state.withLock { state in
            let previousHead = state.backlog?.head
            state.backlog?.append(frames)
            return (previousHead, Array(state.subscribers.values))
        }
        guard let previousHead else { return }
        let types = EventTypeSet(frames)
        let catchUpLag = Int64(max(1, configuration.bufferSize / 2))
        var rung = 0
        for subscriber in subscribers
        where subscriber.shouldRing(for: types, after: previousHead, head: head, catchUpLag: catchUpLag) {
            subscriber.ring()
            rung += 1
        }
        metrics.feedWakeups.increment(by: Int64(rung))
    }

    private func heartbeatIfDue() {
        let now = ContinuousClock.now
        let subscribers: [FeedSubscription]? = state.withLock { state in
            guard let head = state.backlog?.head, now - state.lastHeartbeat >= configuration.heartbeatInterval else { return nil }
            state.lastHeartbeat = now
            state.heartbeats += 1
            state.heartbeat = FeedEnvelope.heartbeat(head: head, at: Date())
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers ?? [] { subscriber.ring() }
    }

    /// Ends every subscriber that has stayed too far behind for too long.
    private func dropSlowSubscribers() {
        let now = ContinuousClock.now
        let (head, subscribers) = state.withLock { ($0.backlog?.head, Array($0.subscribers.values)) }
        guard let head else { return }
        for subscriber in subscribers
        where subscriber.isSlow(
            head: head, limit: configuration.bufferSize, patience: configuration.slowConsumerPatience, now: now)
        {
            unsubscribe(subscriber)
            subscriber.finish(.slowConsumer)
            logger.notice(
                "Feed subscriber too slow; disconnecting",
                metadata: ["feed.subscriber": "\(subscriber.id)", "event.seq": "\(subscriber.written)"])
        }
    }
}
