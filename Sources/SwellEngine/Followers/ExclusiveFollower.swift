import Foundation
import Logging
import ServiceLifecycle
import SwellStore

/// The loop every log follower that must run in one instance only shares (the detector, the scheduler):
/// wait to hold the store's exclusive role, `start` (rebuild from the store), then `drain` the log on every
/// wake-up until shutdown. A failed drain is logged and followed by a fresh `start`, so nothing runs on a
/// half-applied state; a lost role (the holder's connection broke) calls `standDown` and waits for the role again.
enum ExclusiveFollower {
    static func run(
        role: String, store: any CaseStore, signal: EventSignal, pollInterval: Duration, logger: Logger,
        start: @escaping @Sendable () async throws -> Void,
        drain: @escaping @Sendable () async throws -> Void,
        standDown: @escaping @Sendable () async -> Void = {},
        nextDue: @escaping @Sendable () async -> Date? = { nil }
    ) async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown {
                    try await store.withExclusiveRole(role) {
                        try await start()
                        try await WakeUps.run(signal: signal, every: pollInterval, nextDue: nextDue) {
                            do {
                                try await drain()
                            } catch {
                                // Stopping (shutdown, or the role was lost) is not a failure to restart from.
                                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                                logger.error("\(role) failed; restarting from the store", metadata: ["error": "\(error)"])
                                await restart(role: role, logger: logger, start)
                            }
                        }
                        await standDown()
                    }
                }
            } catch {
                await standDown()
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                logger.warning("\(role) lost its role; waiting to take it again", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
        logger.info("\(role) stopped")
    }

    /// Rebuilds from the store, again and again until it works (or the server stops): draining on the state a
    /// failed drain left half applied would place the same complaints twice.
    static func restart(
        role: String, logger: Logger, every delay: Duration = .seconds(1), _ start: @Sendable () async throws -> Void
    ) async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: delay)
            do {
                try await start()
                return
            } catch {
                logger.error("\(role) could not rebuild from the store; trying again", metadata: ["error": "\(error)"])
            }
        }
    }
}
