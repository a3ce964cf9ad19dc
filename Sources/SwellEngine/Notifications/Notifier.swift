import Foundation
import Logging
import Metrics
import SwellCore
import SwellStore

/// Tells people at once: follows the event log, turns each event a playbook rule matches into one delivery per
/// named channel (stored with the follower's checkpoint in one transaction, and never twice for one event and
/// channel), and sends due deliveries, retrying failures with backoff for a bounded time. At least once: a
/// crash between sending and recording sends again, with the same `Idempotency-Key`.
public actor Notifier {
    public static let followerName = "notifier"

    let store: any CaseStore
    let rules: [NotificationRule]
    let transport: any NotificationTransport
    let policy: DeliveryRetryPolicy
    let now: @Sendable () -> Date
    let dashboard: String?
    let incidents: IncidentEngine?
    let logger: Logger
    let pageSize: Int
    private var checkpoint: Int64 = 0
    private var nextAttempt: Date?

    public init(
        store: any CaseStore, rules: [NotificationRule], transport: any NotificationTransport,
        policy: DeliveryRetryPolicy = .standard, now: @escaping @Sendable () -> Date = { Date() }, dashboard: String?,
        incidents: IncidentEngine?, logger: Logger, pageSize: Int = 1_000
    ) {
        self.store = store
        self.rules = rules
        self.transport = transport
        self.policy = policy
        self.now = now
        self.dashboard = dashboard
        self.incidents = incidents
        self.logger = logger
        self.pageSize = pageSize
    }

    public func start() async throws {
        checkpoint = try await store.checkpoint(of: Self.followerName)
        nextAttempt = try await store.nextDeliveryAttempt()
    }

    /// Plans the whole log after the checkpoint, then sends what is due.
    public func drain() async throws {
        while try await planPage() {}
        try await sendDue()
    }

    /// When the next retry is due, for the wake-up loop.
    public var nextAttemptAt: Date? { nextAttempt }

    /// One page of events after the checkpoint into deliveries; false when there was nothing new.
    func planPage() async throws -> Bool {
        let events = try await store.events(after: checkpoint, limit: pageSize)
        guard let last = events.last?.seq else { return false }
        let at = now()
        var channels: [String: NotificationChannel]?
        var changes: [StoreChange] = []
        for event in events where !EventHistory.isHistory(event.at, readAt: at) {
            let level = Self.level(of: event)
            for rule in rules where rule.matches(event.type, level: level) {
                if channels == nil {
                    channels = Dictionary(
                        try await store.notificationChannels(includeDeleted: false).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                }
                for name in rule.channels {
                    guard let channel = channels?[name], channel.enabled, let id = channel.id else {
                        logger.debug("A notification rule names no live channel", metadata: ["channel": "\(name)", "event.seq": "\(event.seq)"])
                        continue
                    }
                    changes.append(.addDelivery(Delivery(
                        eventSeq: event.seq, eventType: event.type, channelId: id, channelName: name, createdAt: at, language: rule.language)))
                }
            }
        }
        _ = try await store.apply(changes, checkpoint: FollowerCheckpoint(follower: Self.followerName, seq: last, from: checkpoint))
        checkpoint = last
        if !changes.isEmpty { nextAttempt = min(nextAttempt ?? at, at) }
        return true
    }

    /// Sends every delivery that is due, sixteen at a time. Each delivery is tried at most once per pass: one whose
    /// outcome could not be recorded (the store went away) stays due and is tried on the next wake-up, instead of
    /// being fetched again and again in this one.
    func sendDue() async throws {
        let at = now()
        guard let due = nextAttempt, due <= at else { return }
        var tried = Set<DeliveryID>()
        while true {
            let batch = try await store.dueDeliveries(at: at, limit: 16 + tried.count).filter { $0.id.map { !tried.contains($0) } ?? false }
            if batch.isEmpty { break }
            await withTaskGroup(of: Void.self) { group in
                for delivery in batch.prefix(16) {
                    group.addTask { await self.attempt(delivery) }
                }
            }
            batch.prefix(16).compactMap(\.id).forEach { tried.insert($0) }
        }
        nextAttempt = try await store.nextDeliveryAttempt()
    }

    /// One attempt, and its outcome recorded (with an event when it was sent or given up on).
    func attempt(_ original: Delivery) async {
        let delivery = original
        guard let id = delivery.id else { return }
        let started = now()
        do {
            guard let channel = try await store.notificationChannel(delivery.channelId), channel.deletedAt == nil, channel.enabled,
                let event = try await store.events(after: delivery.eventSeq - 1, limit: 1).first, event.seq == delivery.eventSeq
            else {
                try await record(delivery, outcome: .rejected(error: "the channel was deleted or disabled"), channel: nil, at: started)
                return
            }
            let message = NotificationMessage.make(
                for: event, context: try await context(of: event), language: delivery.language ?? channel.language, dashboard: dashboard)
            let outcome = await transport.send(event, message: message, channel: channel, delivery: id, now: started)
            try await record(delivery, outcome: outcome, channel: channel, at: started)
            if case .sent = outcome {
                // From the delivery's creation (right after the event's commit) to the peer taking it.
                Metrics.Timer(label: "swell_notification_delivery_seconds", dimensions: [("channel", channel.kind.rawValue)])
                    .recordNanoseconds(Int64(max(0, now().timeIntervalSince(delivery.createdAt)) * 1e9))
                if channel.name == "leadership" { await noteLeadershipTold(event, channel: channel, at: now()) }
            }
        } catch {
            logger.warning("Could not record a delivery attempt", metadata: ["delivery.id": "\(id)", "error": "\(error)"])
        }
    }

    private func record(_ original: Delivery, outcome: DeliveryOutcome, channel: NotificationChannel?, at: Date) async throws {
        var delivery = original
        delivery.attempts += 1
        delivery.lastAttemptAt = at
        var event: EventDraft?
        let result: String
        switch outcome {
        case .sent(let status):
            delivery.state = .sent
            delivery.sentAt = now()
            delivery.lastStatus = status
            delivery.nextAttemptAt = nil
            result = "sent"
            event = Self.event(.notificationSent, delivery, at: now())
        case .failed(let status, let error, let retryAfter):
            delivery.lastStatus = status
            delivery.lastError = String(error.prefix(500))
            if let next = policy.nextAttempt(
                afterFailures: delivery.attempts, createdAt: delivery.createdAt, now: now(), retryAfter: retryAfter,
                jitter: Double.random(in: 0...1))
            {
                delivery.state = .failed
                delivery.nextAttemptAt = next
                result = "failed"
            } else {
                delivery.state = .dead
                delivery.nextAttemptAt = nil
                result = "dead"
                event = Self.event(.notificationDead, delivery, at: now())
            }
        case .rejected(let error):
            delivery.state = .dead
            delivery.lastError = error
            delivery.nextAttemptAt = nil
            result = "dead"
            event = Self.event(.notificationDead, delivery, at: now())
        }
        Counter(label: "swell_notifications_sent_total", dimensions: [("channel", delivery.channelName), ("result", result)]).increment()
        if result != "sent" {
            logger.warning("Notification not delivered", metadata: [
                "delivery.id": "\(delivery.id.map { "\($0)" } ?? "?")", "channel": "\(delivery.channelName)", "state": "\(delivery.state.rawValue)",
                "error": "\(delivery.lastError ?? "")",
            ])
        }
        _ = try await store.apply([.saveDelivery(delivery)] + (event.map { [.appendEvent($0)] } ?? []), checkpoint: nil)
    }

    static func event(_ type: EventType, _ delivery: Delivery, at: Date) -> EventDraft {
        EventDraft(type: type, at: at, payload: EventDraft.payload([
            "deliveryId": "\(delivery.id.map { "\($0)" } ?? "")", "channel": delivery.channelName, "eventSeq": "\(delivery.eventSeq)",
            "eventType": delivery.eventType.rawValue, "attempts": "\(delivery.attempts)",
        ]))
    }

    /// The cluster and incident an event names (the active incident of its cluster, for warnings).
    func context(of event: Event) async throws -> NotificationMessage.Context {
        var cluster: ClusterSnapshot?
        var incident: IncidentRecord?
        if let clusterId = event.draft.clusterId { cluster = try await store.cluster(clusterId) }
        if let incidentId = event.draft.incidentId { incident = try await store.incident(incidentId) }
        if incident == nil, let clusterId = event.draft.clusterId {
            incident = try await store.incidents(activeOnly: true, clusterId: clusterId).first
        }
        return NotificationMessage.Context(cluster: cluster, incident: incident)
    }

    /// Leadership has been told: the incident's `notify_leadership` task is done, by the notifier.
    func noteLeadershipTold(_ event: Event, channel: NotificationChannel, at: Date) async {
        guard let incidents else { return }
        do {
            let incident = try await context(of: event).incident
            guard let id = incident?.id else { return }
            try await incidents.completeByNotification(
                incident: id, templateId: "notify_leadership", at: at,
                note: "Delivered to the \(channel.name) channel (\(channel.kind.rawValue)) at \(RFC3339.format(at))")
        } catch {
            logger.warning("Could not mark notify_leadership done", metadata: ["error": "\(error)"])
        }
    }

    /// Sends a test message through `channel` now, outside the log (nothing is recorded but the log line).
    public func sendTest(_ channel: NotificationChannel) async -> DeliveryOutcome {
        let at = now()
        let zh = channel.language != "en"
        let event = Event(
            seq: 0, draft: EventDraft(type: EventType("notification.test"), at: at, payload: #"{"test":true}"#), hash: "")
        let message = NotificationMessage(
            title: zh ? "Swell 测试消息：\(channel.name)" : "Swell test message: \(channel.name)", level: nil,
            lines: [zh ? "此渠道已能收到 Swell 的通知。" : "This channel receives Swell's notifications."], link: dashboard)
        let outcome = await transport.send(event, message: message, channel: channel, delivery: DeliveryID(0), now: at)
        logger.info("Test notification", metadata: ["channel": "\(channel.name)", "outcome": "\(outcome)"])
        return outcome
    }

    /// The warning level an event carries in its payload, if any.
    static func level(of event: Event) -> WarningLevel? {
        struct Levelled: Decodable { var level: WarningLevel? }
        return (try? JSONDecoder().decode(Levelled.self, from: Data(event.draft.payload.utf8)))?.level ?? nil
    }
}

