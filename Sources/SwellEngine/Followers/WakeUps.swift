import Foundation
import ServiceLifecycle
import SwellStore

/// Runs `work` whenever the event log may have grown: on every commit signal from the store, and on a
/// periodic tick as a backstop (another process, such as `swell import`, may have written to the same file).
/// Ends on graceful shutdown, after the work in progress finishes.
package enum WakeUps {
    package static func run(
        signal: EventSignal, every interval: Duration, _ work: @Sendable () async -> Void
    ) async throws {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                for await _ in signal.subscribe().cancelOnGracefulShutdown() { continuation.yield() }
            }
            group.addTask {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: interval)
                    continuation.yield()
                }
                continuation.finish()
            }
            continuation.yield()
            for await _ in stream.cancelOnGracefulShutdown() {
                await work()
            }
            group.cancelAll()
        }
    }
}
