import Foundation
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Keeps work on PostgreSQL from waiting for ever, in one place for the whole store.
///
/// Two waits in postgres-nio (1.33) have no end of their own: the pool keeps a lease waiting while it retries a
/// server that is down, and a query issued on a connection that has just closed is never answered (the channel
/// write carries no promise) and ignores task cancellation. So the work runs in its own task while a watcher
/// stops waiting for it with `StoreError.unavailable` when no connection came within the lease timeout, when the
/// leased connection closes, or when the work outlives its limit; the caller's cancellation ends the wait too, and
/// so does a graceful shutdown while no connection has been leased yet (nothing has started that could be left
/// half done, and during an outage that wait would otherwise hold shutdown for the whole lease timeout).
/// The abandoned task is cancelled (a pending lease is withdrawn) and, if it is stuck, left behind.
enum PostgresConnectionGuard {
    /// Leases a connection from `client` for `body`.
    static func run<T: Sendable>(
        leasingFrom client: PostgresClient, leaseTimeout: Duration,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await race(leaseTimeout: leaseTimeout, workLimit: nil) { watch in
            try await client.withConnection { connection in
                watch.leased(connection)
                return try await body(connection)
            }
        }
    }

    /// Runs `body` on a connection already held (the exclusive role's), within `limit`.
    static func run<T: Sendable>(
        on connection: PostgresConnection, within limit: Duration,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await race(leaseTimeout: nil, workLimit: limit) { watch in
            watch.leased(connection)
            return try await body(connection)
        }
    }

    private static let watchInterval = Duration.milliseconds(200)

    private static func race<T: Sendable>(
        leaseTimeout: Duration?, workLimit: Duration?, _ work: @escaping @Sendable (Watch<T>) async throws -> T
    ) async throws -> T {
        try Task.checkCancellation()  // a lease asked for by a cancelled task would wait regardless
        let watch = Watch<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                watch.install(continuation)
                let worker = Task { watch.settle(await Result(catching: { try await work(watch) })) }
                Task {  // inherits the caller's task-locals, so it sees the service group's graceful shutdown
                    let started = ContinuousClock.now
                    while !watch.isSettled {
                        try? await Task.sleep(for: watchInterval)
                        if let problem = watch.problem(
                            started: started, leaseTimeout: leaseTimeout, workLimit: workLimit,
                            shuttingDown: Task.isShuttingDownGracefully)
                        {
                            watch.settle(.failure(StoreError.unavailable(problem)))
                        }
                    }
                    worker.cancel()
                }
            }
        } onCancel: {
            watch.settle(.failure(CancellationError()))
        }
    }
}

/// The state shared by a guarded piece of work, its watcher and its waiting caller: the connection once leased,
/// and the first outcome, handed once to the caller's continuation.
private final class Watch<T: Sendable>: Sendable {
    private struct State {
        var connection: PostgresConnection?
        var leasedAt: ContinuousClock.Instant?
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var settled = false
    }
    private let state = Mutex(State())

    var isSettled: Bool { state.withLock { $0.settled } }

    func leased(_ connection: PostgresConnection) {
        state.withLock { state in
            state.connection = connection
            state.leasedAt = .now
        }
    }

    /// Why the caller should stop waiting now, if it should.
    func problem(
        started: ContinuousClock.Instant, leaseTimeout: Duration?, workLimit: Duration?, shuttingDown: Bool
    ) -> String? {
        let (connection, leasedAt) = state.withLock { ($0.connection, $0.leasedAt) }
        guard let connection, let leasedAt else {
            if shuttingDown { return "shutting down before a PostgreSQL connection was available" }
            guard let leaseTimeout, ContinuousClock.now - started > leaseTimeout else { return nil }
            return "no PostgreSQL connection within \(leaseTimeout)"
        }
        if connection.isClosed { return "the connection to PostgreSQL closed" }
        if let workLimit, ContinuousClock.now - leasedAt > workLimit { return "PostgreSQL did not answer within \(workLimit)" }
        return nil
    }

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { state in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func settle(_ result: Result<T, any Error>) {
        let continuation: CheckedContinuation<T, any Error>? = state.withLock { state in
            guard !state.settled else { return nil }
            state.settled = true
            guard let continuation = state.continuation else {
                state.early = result  // settled (cancelled) before the continuation was installed
                return nil
            }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
