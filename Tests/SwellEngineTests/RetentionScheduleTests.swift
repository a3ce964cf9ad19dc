import Foundation
import Logging
import Synchronization
import SwellCore
import SwellStore
import Testing

@testable import SwellEngine

/// The server's retention run: due at start, then every 24 hours, erasing what is past the built-in playbook's
/// three years and recording one event per run.
@Suite struct RetentionScheduleTests {
    @Test func itRunsAtStartAndThenDaily() async throws {
        let store = try SQLiteCaseStore()
        let clock = Mutex(RFC3339.parse("2026-07-02T00:00:00Z")!)
        let old = NewComplaint(
            externalId: "old", receivedAt: RFC3339.parse("2022-01-01T00:00:00Z")!, channel: .web, text: "电话13812345678",
            complainant: Complainant(name: "张三", phone: "13812345678"))
        _ = try await store.ingest([old], at: clock.withLock { $0 })
        let schedule = RetentionSchedule(
            job: RetentionJob(store: store, playbook: nil, logger: Logger(label: "test")), now: { clock.withLock { $0 } })

        await schedule.start()
        #expect(await schedule.nextDueAt == clock.withLock { $0 })
        try await schedule.drain()
        #expect(try await store.complaints(ComplaintQuery()).items.first?.content.complainant.isEmpty == true)
        #expect(await schedule.nextDueAt == clock.withLock { $0 }.addingTimeInterval(86_400))

        // Not due again within the day; due the next
        try await schedule.drain()
        func runs() async throws -> Int { try await store.events(after: 0, limit: 100).filter { $0.type == .retentionApplied }.count }
        #expect(try await runs() == 1)
        clock.withLock { $0 = $0.addingTimeInterval(86_400) }
        try await schedule.drain()
        #expect(try await runs() == 2)
    }
}
