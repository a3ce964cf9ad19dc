import Foundation
import ServiceLifecycle
import SwellStore

/// Runs `work` whenever the event log may have grown: on every commit signal from the store, and on a
/// periodic tick as a backstop (another process, such as `swell import`, may have written to the same file).
/// `nextDue` may name an earlier moment for the next tick (a deadline on the live clock). Ends on graceful
/// shutdown, after the work in progress finishes.
package enum WakeUps {
    package static func run(
        signal: EventSignal, every interval: Duration, nextDue: @escaping @Sendable () async -> Date? = { nil },
        _ work: @Sendable () async -> Void
    ) async throws {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                for await _ in signal.subscribe().cancelOnGracefulShutdown() { continuation.yield() }
            }
            group.addTask {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: delay(until: await nextDue(), atMost: interval))
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

extension WakeUps {
    /// How long to sleep: until `due` (a little after, so that it has passed), at most `interval`.
    static func delay(until due: Date?, atMost interval: Duration, now: Date = Date()) -> Duration {
        guard let due else { return interval }
        let milliseconds = max(0, due.timeIntervalSince(now)) * 1000 + 5
        return min(interval, .milliseconds(Int64(min(milliseconds, 86_400_000))))
    }
}
