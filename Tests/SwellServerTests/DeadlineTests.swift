import Foundation
import Synchronization
import Testing

@testable import SwellServer

/// The hard deadline behind `/readyz`: work that never answers, and ignores cancellation, still gets an answer.
@Suite struct DeadlineTests {
    /// A wait no cancellation reaches, as a query on a frozen connection; released by the test when it is done.
    final class Frozen: Sendable {
        let held = Mutex<CheckedContinuation<Void, Never>?>(nil)
        func wait() async { await withCheckedContinuation { continuation in held.withLock { $0 = continuation } } }
        func release() { held.withLock { $0?.resume(); $0 = nil } }
    }

    @Test func workThatNeverAnswersPassesTheDeadline() async throws {
        let frozen = Frozen()
        await #expect(throws: Deadline.Passed.self) {
            try await Deadline.run(seconds: 0.2) { () async throws -> Int in
                await frozen.wait()
                return 1
            }
        }
        frozen.release()
    }

    @Test func workInTimeAnswersAndItsErrorsPassThrough() async throws {
        #expect(try await Deadline.run(seconds: 5) { 42 } == 42)
        struct Broken: Error {}
        await #expect(throws: Broken.self) { try await Deadline.run(seconds: 5) { () async throws -> Int in throw Broken() } }
    }
}
