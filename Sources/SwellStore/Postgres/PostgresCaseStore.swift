import Foundation
import Logging
import PostgresNIO
import SwellCore
import Synchronization

/// The shared case store on PostgreSQL, for several stateless Swell instances (processes) on one database.
/// Behaves exactly like `SQLiteCaseStore`: the same tables, orderings, duplicate handling and errors.
///
/// The store talks through a `PostgresClient` connection pool, which only works while it runs:
/// - in a server, add ``client`` (and ``makeEventListener()``) to the `ServiceGroup` and call ``migrate()``
///   once the group is running (Hummingbird: `beforeServerStarts`);
/// - in a one-shot command or a test, use ``withPostgresCaseStore(url:logger:listen:maximumConnections:_:)``,
///   which runs the client for the duration of its body and migrates first.
///
/// Every write transaction first locks the one-row `event_head` table (`SELECT … FOR UPDATE`), so writers in
/// all processes take turns like SQLite's single writer: sequence numbers stay contiguous, each event's hash
/// follows the committed head, and a rolled-back transaction leaves no gap. A commit that appended events
/// sends `NOTIFY swell_events, '<last seq>'` (delivered on commit) and wakes ``signal`` in this process.
public final class PostgresCaseStore: CaseStore {
    /// The connection pool. It is a `Service`: run it in the ServiceGroup (its `run()` may be called only once).
    public let client: PostgresClient
    /// Where the store lives (without the password when printed).
    public let url: PostgresURL
    public let signal = EventSignal()
    let logger: Logger
    /// How long a call waits for a pooled connection before answering `StoreError.unavailable`.
    let leaseTimeout: Duration
    private let closed = Mutex(false)

    /// The LISTEN/NOTIFY channel carrying "the log now reaches this seq" between instances.
    public static let notificationChannel = "swell_events"

    /// A store on the database at `url` (see ``PostgresURL``); throws `StoreError.badLocation` for a bad URL.
    /// No connection is made until the ``client`` runs.
    public convenience init(url: String, logger: Logger, maximumConnections: Int = 16, leaseTimeout: Duration = .seconds(10)) throws {
        try self.init(url: PostgresURL(url), logger: logger, maximumConnections: maximumConnections, leaseTimeout: leaseTimeout)
    }

    /// A store on the database at `url`. No connection is made until the ``client`` runs. The pool keeps retrying
    /// while the server is down and would make callers wait for ever, so a call that gets no connection within
    /// `leaseTimeout` fails with `StoreError.unavailable` instead (the HTTP edge answers 503).
    public init(url: PostgresURL, logger: Logger, maximumConnections: Int = 16, leaseTimeout: Duration = .seconds(10)) {
        var configuration = url.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        self.url = url
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Brings the schema up to date, then indexes for search any complaint not indexed yet. Call once the ``client`` runs; safe to call from several instances at once.
    /// The pool waits for a connection indefinitely, so this gives up with `StoreError.badLocation` when the
    /// server has not answered within `timeout`: a wrong URL fails a start instead of hanging it.
    public func migrate(timeout: Duration = .seconds(15)) async throws {
        try checkOpen()
        let (client, logger, url) = (self.client, self.logger, self.url)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await PostgresSchema.migrate(client, logger: logger)
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else {
                throw StoreError.badLocation("PostgreSQL at \(url) did not answer within \(timeout)")
            }
        }
        try await indexUnsearchedComplaints()
    }

    /// A service that LISTENs for other instances' commits and wakes this store's ``signal``.
    public func makeEventListener() -> PostgresEventListener {
        PostgresEventListener(client: client, signal: signal, logger: logger)
    }

    /// Answers within about two seconds (sooner than ``leaseTimeout``): readiness probes have short timeouts.
    public func ping() async throws {
        let logger = self.logger
        _ = try await withPooledConnection(leaseTimeout: min(leaseTimeout, .seconds(2))) { connection in
            try await connection.query("SELECT 1", logger: logger).collect()
        }
    }

    /// Ends the store: later calls throw `StoreError.closed` and signal subscriptions finish. The pool itself
    /// stops when whoever runs ``client`` cancels it: the ServiceGroup, or `withPostgresCaseStore`.
    public func close() async throws {
        guard !closed.withLock({ closed in defer { closed = true }; return closed }) else { return }
        signal.finish()
    }

    func checkOpen() throws {
        if closed.withLock({ $0 }) { throw StoreError.closed }
    }

    /// Runs a read-only statement and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = self.logger
        return try await withPooledConnection { connection in
            try await connection.query(query, logger: logger).collect()
        }
    }

    /// Runs `body` on a pooled connection, or throws `StoreError.unavailable` when the pool hands none out within
    /// ``leaseTimeout`` (or `leaseTimeout` given here), when the connection closes under it, or when it fails in
    /// a way that means the database cannot serve now (``PostgresAvailability``). See ``PostgresConnectionGuard``.
    func withPooledConnection<T: Sendable>(
        leaseTimeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try checkOpen()
        do {
            return try await PostgresConnectionGuard.run(leasingFrom: client, leaseTimeout: leaseTimeout ?? self.leaseTimeout, body)
        } catch {
            throw PostgresAvailability.translate(error)
        }
    }

    /// Runs a write transaction holding the log head, appends the events it staged, then wakes followers
    /// (here at once, elsewhere via NOTIFY on commit). Errors thrown by `body` come out as they were thrown.
    func write<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, inout PostgresEventAppender) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        let (value, lastSeq) = try await withPooledConnection { connection in
            do {
                return try await connection.withTransaction(logger: logger) { connection in
                    var appender = try await PostgresEventAppender(lockingHeadOn: connection, logger: logger)
                    let value = try await body(connection, &appender)
                    let lastSeq = try await appender.flush(notifying: Self.notificationChannel)
                    return (value, lastSeq)
                }
            } catch let error as PostgresTransactionError {
                throw Self.storeError(from: error)
            }
        }
        if let lastSeq { signal.notify(upTo: lastSeq) }
        return value
    }

    /// The error a caller should see: the transaction body's own error where there is one.
    private static func storeError(from error: PostgresTransactionError) -> any Error {
        error.closureError ?? error.commitError ?? error.beginError ?? error
    }
}

/// Convenience for one-shot commands and tests: runs a store's connection pool (and, with `listen`, its event
/// listener) in a task group for the duration of `body`, after migrating the schema; then closes the store and
/// stops the pool, also when `body` throws. `url` is a ``PostgresURL`` string; a bad one throws
/// `StoreError.badLocation`.
///
/// ```swift
/// let seq = try await withPostgresCaseStore(url: "postgres://swell@db:5432/swell", logger: logger) { store in
///     try await store.lastEventSeq()
/// }
/// ```
public func withPostgresCaseStore<T: Sendable>(
    url: String, logger: Logger, listen: Bool = false, maximumConnections: Int = 16,
    _ body: (PostgresCaseStore) async throws -> T
) async throws -> T {
    try await withPostgresCaseStore(
        url: PostgresURL(url), logger: logger, listen: listen, maximumConnections: maximumConnections, body)
}

/// ``withPostgresCaseStore(url:logger:listen:maximumConnections:_:)`` with a parsed URL.
public func withPostgresCaseStore<T: Sendable>(
    url: PostgresURL, logger: Logger, listen: Bool = false, maximumConnections: Int = 16,
    _ body: (PostgresCaseStore) async throws -> T
) async throws -> T {
    let store = PostgresCaseStore(url: url, logger: logger, maximumConnections: maximumConnections)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await store.client.run() }
        if listen {
            let listener = store.makeEventListener()
            group.addTask { try await listener.run() }
        }
        defer { group.cancelAll() }
        do {
            try await store.migrate()
            let value = try await body(store)
            try await store.close()
            return value
        } catch {
            try? await store.close()
            throw error
        }
    }
}
