import PostgresNIO
import Synchronization

/// Keeps work on one PostgreSQL connection from waiting for ever once that connection is gone.
///
/// postgres-nio (1.33) hands a query to the channel without a write promise, so a query issued on a connection
/// that has just closed is never answered, and it ignores task cancellation. `run(on:within:_:)` therefore runs
/// the work in its own task and stops waiting for it when the connection closes, when `limit` passes, or when
/// the caller is cancelled (the work task is cancelled too and, if it is stuck, left behind).
enum PostgresConnectionGuard {
    static func run<T: Sendable>(
        on connection: PostgresConnection, within limit: Duration? = nil,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let outcome = OneOutcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.install(continuation)
                let work = Task {
                    outcome.settle(await Result(catching: { try await body(connection) }))
                }
                let started = ContinuousClock.now
                Task {
                    while !outcome.isSettled {
                        try? await Task.sleep(for: .milliseconds(200))
                        if connection.isClosed {
                            outcome.settle(.failure(StoreError.unavailable("the connection to PostgreSQL closed")))
                        } else if let limit, ContinuousClock.now - started > limit {
                            outcome.settle(.failure(StoreError.unavailable("PostgreSQL did not answer within \(limit)")))
                        }
                    }
                    work.cancel()
                }
            }
        } onCancel: {
            outcome.settle(.failure(CancellationError()))
        }
    }
}

/// The first result of a race, handed once to the waiting continuation.
private final class OneOutcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var settled = false
    }
    private let state = Mutex(State())

    var isSettled: Bool { state.withLock { $0.settled } }

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
                state.early = result  // cancelled before the continuation was installed
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
