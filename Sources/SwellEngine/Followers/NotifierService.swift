import Foundation
import Logging
import ServiceLifecycle
import SwellStore

/// The background service that delivers notifications: one instance holds the `notifier` role (so several
/// instances on PostgreSQL send each delivery once), plans deliveries from the log on every wake-up and sends
/// what is due, sleeping until the next retry.
public struct NotifierService: Service {
    let notifier: Notifier
    let store: any CaseStore
    let signal: EventSignal
    let logger: Logger
    let pollInterval: Duration

    public init(notifier: Notifier, store: any CaseStore, signal: EventSignal, logger: Logger, pollInterval: Duration = .seconds(1)) {
        self.notifier = notifier
        self.store = store
        self.signal = signal
        self.logger = logger
        self.pollInterval = pollInterval
    }

    public func run() async throws {
        let notifier = self.notifier
        try await ExclusiveFollower.run(
            role: Notifier.followerName, store: store, signal: signal, pollInterval: pollInterval, logger: logger,
            start: { try await notifier.start() }, drain: { try await notifier.drain() },
            nextDue: { await notifier.nextAttemptAt })
    }
}
