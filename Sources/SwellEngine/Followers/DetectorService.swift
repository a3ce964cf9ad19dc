import Foundation
import Logging
import ServiceLifecycle
import SwellStore

/// The background service that keeps the detector placing complaints as they arrive.
/// A failure is logged and the engine rebuilt from the store, so it never runs on a half-applied state.
public struct DetectorService: Service {
    let engine: DetectorEngine
    let signal: EventSignal
    let logger: Logger
    let pollInterval: Duration

    public init(engine: DetectorEngine, signal: EventSignal, logger: Logger, pollInterval: Duration = .seconds(1)) {
        self.engine = engine
        self.signal = signal
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Waits to be the one instance running the detector (always at once on SQLite), rebuilds, then follows
    /// the log until shutdown. If leadership is lost, the engine stands down and waits for it again.
    public func run() async throws {
        let engine = self.engine
        try await ExclusiveFollower.run(
            role: DetectorEngine.followerName, store: engine.store, signal: signal, pollInterval: pollInterval,
            logger: logger, start: { try await engine.rebuild() }, drain: { try await engine.drain() },
            standDown: { await engine.standDown() })
    }
}
