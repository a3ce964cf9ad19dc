import Logging
import PostgresNIO
import ServiceLifecycle

/// Holds one pooled connection in `LISTEN swell_events` and wakes an `EventSignal` with every seq other
/// instances (and this one) commit. A `Service`: run it in the ServiceGroup after the `PostgresClient`.
///
/// When the connection drops it reconnects with exponential backoff (0.1 s doubling to 5 s). After each
/// (re)connection it wakes the signal once with the current head, so commits made while it was not listening
/// are not missed: subscribers read the log itself, the notification only says "look again".
public struct PostgresEventListener: Service {
    let client: PostgresClient
    let signal: EventSignal
    let logger: Logger
    let channel = PostgresCaseStore.notificationChannel

    /// A listener waking `signal`; usually made by `PostgresCaseStore.makeEventListener()`.
    public init(client: PostgresClient, signal: EventSignal, logger: Logger) {
        self.client = client
        self.signal = signal
        self.logger = logger
    }

    public func run() async throws {
        var backoff = Self.firstBackoff
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let started = ContinuousClock.now
            do {
                try await cancelWhenGracefulShutdown {
                    try await client.withConnection { connection in
                        try await connection.listen(on: channel) { notifications in
                            try await wakeWithHead(on: connection)
                            for try await notification in notifications {
                                guard let seq = Int64(notification.payload) else {
                                    logger.warning("ignored a notification", metadata: ["payload": "\(notification.payload)"])
                                    continue
                                }
                                signal.notify(upTo: seq)
                            }
                        }
                    }
                }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.warning(
                    "PostgreSQL LISTEN dropped; reconnecting",
                    metadata: ["error": "\(String(reflecting: error))", "retry.in": "\(backoff)"])
            }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            // A connection that lived a while starts the backoff afresh.
            if ContinuousClock.now - started > Self.lastBackoff { backoff = Self.firstBackoff }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, Self.lastBackoff)
        }
    }

    private static let firstBackoff = Duration.milliseconds(100)
    private static let lastBackoff = Duration.seconds(5)

    private func wakeWithHead(on connection: PostgresConnection) async throws {
        // The comment names this connection in pg_stat_activity (its last query) while it sits in LISTEN.
        for try await seq in try await connection.query(
            "SELECT seq FROM event_head WHERE id = 1 /* swell event listener */", logger: logger)
            .decode(Int64.self)
        {
            logger.debug("listening for events", metadata: ["event.seq": "\(seq)"])
            signal.notify(upTo: seq)
        }
    }
}
