import Foundation
import Logging
import ServiceLifecycle
import SwellStore

/// The background service that runs incidents in event time: follows the event log for warnings
/// (auto-open), and at each new event time plans due tasks, marks overdue ones and writes daily reports.
/// A failure is logged and the follower restarted from its checkpoint, so nothing is half-applied.
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

    public func run() async throws {
        try await engine.start()
        try await WakeUps.run(signal: signal, every: pollInterval) {
            do {
                try await engine.drain()
            } catch {
                logger.error("Incident scheduler failed; restarting from its checkpoint", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
                try? await engine.start()
            }
        }
        logger.info("Incident scheduler stopped")
    }
}
