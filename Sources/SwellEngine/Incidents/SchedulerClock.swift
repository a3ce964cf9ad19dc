import Foundation

/// Which clock decides what is due in the incident engine: overdue tasks, new occurrences of recurring tasks,
/// daily reports.
public enum SchedulerClock: Sendable {
    /// The newest event time the log has reached: a replay, a backtest or a test of history gives the answer
    /// the service would have given, and nothing comes due between events.
    case eventTime
    /// The wall clock: in a live service deadlines come when their time comes, whether or not a complaint
    /// arrives. A timer wakes the scheduler at the next due moment.
    case wall(@Sendable () -> Date)
}

extension IncidentEngine {
    /// How far back a pass catches up after a gap (the server was stopped, or history was imported): recurring
    /// occurrences and daily reports due earlier than this before now are not created. One-off tasks are always
    /// planned, and each overdue task is marked once, so catching up is bounded work.
    public static let catchUpLimit: TimeInterval = 7 * 86_400

    /// Now by the scheduler's clock; nil on event time before any event carried time.
    var currentTime: Date? {
        switch schedulerClock {
        case .eventTime: clock.now
        case .wall(let now): now()
        }
    }

    /// The scheduler's now, or `fallback` (the wall clock at the edge) before it has one.
    public func now(or fallback: Date) -> Date { currentTime ?? fallback }

    /// The next instant something is due (a task deadline, a daily report), as of the last pass; nil when
    /// nothing is scheduled. The live loop sleeps until then.
    public var nextDueAt: Date? { nextDue == .distantFuture ? nil : nextDue }

    /// On the wall clock: writes what has come due since the last pass (overdue marks, new occurrences, daily
    /// reports), whether or not any event arrived. Does nothing on event time or before the next due instant.
    @discardableResult
    public func tick() async throws -> Bool {
        try await serialized {
            guard case .wall = schedulerClock, let now = currentTime, nextDue <= now else { return false }
            let changes = try await scheduledChanges(now: now)
            if !changes.isEmpty { _ = try await store.apply(changes, checkpoint: nil) }
            return !changes.isEmpty
        }
    }
}
