import Foundation
import Logging
import ServiceLifecycle
import SwellStore

/// The background service that runs incidents: follows the event log for warnings (auto-open), and plans due
/// tasks, marks overdue ones and writes daily reports at each new event and, on the live clock, at every
/// deadline (it sleeps until the next one). One instance runs it (an exclusive role of the store); a failure
/// restarts it from its checkpoint.
public struct SchedulerService: Service {
    let engine: IncidentEngine
    let signal: EventSignal
    let logger: Logger
    let pollInterval: Duration

    public init(engine: IncidentEngine, signal: EventSignal, logger: Logger, pollInterval: Duration = .seconds(1)) {
        self.engine = engine
        self.signal = signal
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Waits to be the one instance running the scheduler (always at once on SQLite), then follows the log.
    public func run() async throws {
        let engine = self.engine
        try await ExclusiveFollower.run(
            role: "scheduler", store: engine.store, signal: signal, pollInterval: pollInterval, logger: logger,
            start: { try await engine.start() },
            drain: {
                try await engine.drain()
                try await engine.tick()
            },
            nextDue: { await engine.nextDueAt })
    }
}
