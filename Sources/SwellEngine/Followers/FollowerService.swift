import Foundation
import Logging
import ServiceLifecycle
import SwellStore

/// A background service that follows the event log in one instance only (an exclusive role of the store, so
/// several instances on PostgreSQL never do the work twice): `start` (rebuild from the store), then `drain` on
/// every commit signal, on a periodic backstop and at `nextDue`; see ``ExclusiveFollower``. The detector, the
/// incident scheduler and the notifier are each one of these.
public struct FollowerService: Service {
    let role: String
    let store: any CaseStore
    let logger: Logger
    let pollInterval: Duration
    let start: @Sendable () async throws -> Void
    let drain: @Sendable () async throws -> Void
    let standDown: @Sendable () async -> Void
    let nextDue: @Sendable () async -> Date?

    public func run() async throws {
        try await ExclusiveFollower.run(
            role: role, store: store, signal: store.signal, pollInterval: pollInterval, logger: logger,
            start: start, drain: drain, standDown: standDown, nextDue: nextDue)
    }

    /// Places each new complaint; a failure rebuilds the detector from the store, so it never runs on a
    /// half-applied state. If the role is lost, the engine stands down until it has the role again.
    public static func detector(_ engine: DetectorEngine, logger: Logger, pollInterval: Duration = .seconds(1)) -> FollowerService {
        FollowerService(
            role: DetectorEngine.followerName, store: engine.store, logger: logger, pollInterval: pollInterval,
            start: { try await engine.rebuild() }, drain: { try await engine.drain() }, standDown: { await engine.standDown() },
            nextDue: { nil })
    }

    /// Runs incidents: auto-opens on warnings, and plans due tasks, overdue marks and daily reports at each new
    /// event and, on the live clock, at every deadline (it sleeps until the next one).
    public static func scheduler(_ engine: IncidentEngine, logger: Logger, pollInterval: Duration = .seconds(1)) -> FollowerService {
        FollowerService(
            role: "scheduler", store: engine.store, logger: logger, pollInterval: pollInterval,
            start: { try await engine.start() },
            drain: {
                try await engine.drain()
                try await engine.tick()
            },
            standDown: {}, nextDue: { await engine.nextDueAt })
    }

    /// Delivers notifications: plans deliveries from the log and sends what is due, sleeping until the next retry.
    public static func notifier(_ notifier: Notifier, logger: Logger, pollInterval: Duration = .seconds(1)) -> FollowerService {
        FollowerService(
            role: Notifier.followerName, store: notifier.store, logger: logger, pollInterval: pollInterval,
            start: { try await notifier.start() }, drain: { try await notifier.drain() }, standDown: {},
            nextDue: { await notifier.nextAttemptAt })
    }

    /// Polls the registered RSS/Atom feeds as each comes due, sleeping until the next one (a new feed or a person's
    /// "poll now" is an event, which wakes it at once).
    public static func mentionFeeds(_ poller: MentionFeedPoller, logger: Logger, pollInterval: Duration = .seconds(1)) -> FollowerService {
        FollowerService(
            role: MentionFeedPoller.role, store: poller.store, logger: logger, pollInterval: pollInterval,
            start: { try await poller.start() }, drain: { try await poller.drain() }, standDown: {},
            nextDue: { await poller.nextDueAt })
    }

    /// Erases personal data kept past the playbook's retention, at start and then daily.
    public static func retention(_ schedule: RetentionSchedule, store: any CaseStore, logger: Logger) -> FollowerService {
        FollowerService(
            role: "retention", store: store, logger: logger, pollInterval: .seconds(3600),
            start: { await schedule.start() }, drain: { try await schedule.drain() }, standDown: {},
            nextDue: { await schedule.nextDueAt })
    }
}
