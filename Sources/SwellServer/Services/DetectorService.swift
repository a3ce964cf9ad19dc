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
        let (engine, signal, logger, pollInterval) = (self.engine, self.signal, self.logger, self.pollInterval)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown {
                    try await engine.store.withExclusiveRole(DetectorEngine.followerName) {
                        try await engine.rebuild()
                        try await WakeUps.run(signal: signal, every: pollInterval) {
                            do {
                                try await engine.drain()
                            } catch {
                                logger.error("Detector failed; rebuilding from the store", metadata: ["error": "\(error)"])
                                try? await Task.sleep(for: .seconds(1))
                                try? await engine.rebuild()
                            }
                        }
                        await engine.standDown()
                    }
                }
            } catch {
                await engine.standDown()
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                logger.warning("Detector lost its role; waiting to take it again", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
        logger.info("Detector stopped")
    }
}
