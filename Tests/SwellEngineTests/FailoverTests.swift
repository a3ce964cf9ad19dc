import Foundation
import Logging
import SwellCore
import SwellDetection
import SwellStore
import Testing

@testable import SwellEngine

/// Exact failover: a detector that lost its role but still writes (it was paused past the loss, its connection
/// slow to break) has every write refused once the new holder moved the checkpoint, so whatever it read while
/// paused (a complaint still unplaced, a cluster's old state) never reaches the store.
@Suite struct FailoverTests {
    @Test func aStaleHoldersWritesAreRefusedAfterTheNewHolderMovedOn() async throws {
        let store = try SQLiteCaseStore()
        let at = RFC3339.parse("2026-07-01T08:00:00Z")!
        let stale = DetectorEngine(store: store, configuration: .standard, logger: Logger(label: "stale"))
        let fresh = DetectorEngine(store: store, configuration: .standard, logger: Logger(label: "fresh"))
        try await stale.rebuild()  // the old holder read its checkpoint…
        let complaint = NewComplaint(externalId: "f-1", receivedAt: at, channel: .web, text: "6月12日出发的澳洲团酒店降级")
        _ = try await store.ingest([complaint], at: at)
        try await fresh.rebuild()  // …then lost the role; the new holder takes over and places the complaint
        try await fresh.drain()
        let placedEvents = try await store.events(after: 0, limit: 100).filter { $0.type == .clusterCreated }
        #expect(placedEvents.count == 1)

        // The old holder wakes up and tries to place the same complaint from its old checkpoint
        await #expect(throws: StoreError.checkpointMoved(follower: "detector", expected: 0, found: 2)) { try await stale.drain() }
        #expect(try await store.events(after: 0, limit: 100).filter { $0.type == .clusterCreated }.count == 1)
    }
}
