import Logging
import Synchronization
import Testing

@testable import SwellEngine

@Suite struct ExclusiveFollowerTests {
    struct Unavailable: Error {}

    @Test func aFailedRebuildIsTriedAgainUntilItWorks() async {
        let attempts = Atomic<Int>(0)
        await ExclusiveFollower.restart(role: "detector", logger: Logger(label: "test"), every: .milliseconds(1)) {
            if attempts.add(1, ordering: .relaxed).newValue < 3 { throw Unavailable() }
        }
        #expect(attempts.load(ordering: .relaxed) == 3)
    }

    @Test func aCancelledFollowerStopsTrying() async {
        let attempts = Atomic<Int>(0)
        let task = Task {
            await ExclusiveFollower.restart(role: "detector", logger: Logger(label: "test"), every: .milliseconds(1)) {
                attempts.add(1, ordering: .relaxed)
                throw Unavailable()
            }
        }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
        #expect(attempts.load(ordering: .relaxed) > 0)
    }
}
