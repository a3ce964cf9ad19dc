import Foundation
import Synchronization

/// Runs work with a hard deadline: answers its result, or throws `Deadline.Passed` when it has not finished in
/// time — even when the work ignores cancellation (a store connection frozen mid-query would hold a task group,
/// which waits for every child). The work is cancelled and left to finish on its own; its late result is dropped.
enum Deadline {
    struct Passed: Error {
        var seconds: Double
    }

    static func run<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation, work: work, seconds: seconds)
        }
    }

    /// The work and the timer racing to answer one continuation; the first wins, the other is dropped.
    private final class Race<T: Sendable>: Sendable {
        private let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)
        private let worker = Mutex<Task<Void, Never>?>(nil)

        func start(_ continuation: CheckedContinuation<T, any Error>, work: @escaping @Sendable () async throws -> T, seconds: Double) {
            waiting.withLock { $0 = continuation }
            let task = Task { [self] in
                do { finish(.success(try await work())) } catch { finish(.failure(error)) }
            }
            worker.withLock { $0 = task }
            Task { [self] in
                try? await Task.sleep(for: .seconds(seconds))
                worker.withLock { $0?.cancel() }
                finish(.failure(Passed(seconds: seconds)))
            }
        }

        private func finish(_ result: Result<T, any Error>) {
            let continuation = waiting.withLock { waiting in
                defer { waiting = nil }
                return waiting
            }
            continuation?.resume(with: result)
        }
    }
}
