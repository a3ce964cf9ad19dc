import Foundation
import PostgresNIO
import SwellCore
import Testing

@testable import SwellStore

/// PostgreSQL-only behaviour: raw SQL, several store instances (processes) on one database, LISTEN/NOTIFY.
/// The shared behaviour is in `CaseStoreContractTests`.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, Comment(rawValue: PostgresTestDatabase.skipReason)))
struct PostgresCaseStoreTests {
    @Test func migratingAgainChangesNothing() async throws {
        try await PostgresTestDatabase.withFreshDatabase { url in
            try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 2) { store in
                _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
            }
            // Two instances starting together migrate once, and nothing stored is lost.
            try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 2) { store in
                async let again: Void = store.migrate()
                async let andAgain: Void = store.migrate()
                _ = try await (again, andAgain)
                #expect(try await store.lastEventSeq() == 1)
                let applied = try await store.rows("SELECT count(*) FROM schema_migration")
                #expect(try applied.first?.decode(Int64.self) == Int64(PostgresSchema.migrations.count))
            }
        }
    }

    @Test func aFailedTransactionLeavesNeitherRowNorEventNorGap() async throws {
        try await withFreshPostgresStore { store in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.write { connection, events in
                    try await connection.query(
                        "INSERT INTO complaint (externalId, receivedAt, channel, text, storedAt) VALUES ('x', 0, 'web', 't', 0)",
                        logger: testLogger)
                    events.append(EventDraft(type: .complaintReceived, at: storeNow, complaintId: ComplaintID(1)))
                    throw Boom()
                }
            }
            #expect(try await store.lastEventSeq() == 0)
            #expect(try await store.complaints(ComplaintQuery()).items.isEmpty)

            _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
            #expect(try await store.events(after: 0, limit: 5).map(\.seq) == [1])
            #expect(try await ChainVerifier.verify(store).isIntact)
        }
    }

    @Test func tamperingBreaksTheChainAtThatEvent() async throws {
        try await withFreshPostgresStore { store in
            _ = try await store.ingest((1...5).map { sampleComplaint($0) }, at: storeNow)
            try await store.client.query("UPDATE event SET payload = '{\"forged\":true}' WHERE seq = 3", logger: testLogger)
            #expect(try await ChainVerifier.verify(store).firstBrokenSeq == 3)
        }
        try await withFreshPostgresStore { store in
            _ = try await store.ingest((1...5).map { sampleComplaint($0) }, at: storeNow)
            try await store.client.query("DELETE FROM event WHERE seq = 2", logger: testLogger)
            #expect(try await ChainVerifier.verify(store).firstBrokenSeq == 2)
        }
    }

    @Test func tokensAreStoredOnlyAsTheirHash() async throws {
        try await withFreshPostgresStore { store in
            let hash = EventHashing.tokenHash("swl_secret")
            _ = try await store.createToken(name: "anna", role: .pr, tokenHash: hash, at: storeNow)
            let stored = try await store.rows("SELECT tokenHash FROM access_token").map { try $0.decode(String.self) }
            #expect(stored == [hash])
        }
    }

    @Test func twoInstancesAppendingConcurrentlyStayContiguous() async throws {
        try await PostgresTestDatabase.withFreshDatabase { url in
            try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 4) { first in
                try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 4) { second in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (index, store) in [first, second, first, second, first, second].enumerated() {
                            group.addTask {
                                for i in 0..<20 {
                                    _ = try await store.ingest(
                                        [sampleComplaint(index * 1000 + 2 * i), sampleComplaint(index * 1000 + 2 * i + 1)],
                                        at: storeNow)
                                    _ = try await store.apply(
                                        [.appendEvent(EventDraft(type: EventType("test.tick"), at: storeNow))], checkpoint: nil)
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                    #expect(try await second.events(after: 0, limit: 1_000).map(\.seq) == Array(1...360))
                    let verification = try await ChainVerifier.verify(first, pageSize: 50)
                    #expect(verification.isIntact)
                    #expect(verification.eventsChecked == 360)
                }
            }
        }
    }

    @Test func twoInstancesIngestingTheSameComplaintsStoreEachOnce() async throws {
        try await PostgresTestDatabase.withFreshDatabase { url in
            try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 4) { first in
                try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 4) { second in
                    let batch = (1...200).map { sampleComplaint($0) }
                    async let a = first.ingest(batch, at: storeNow)
                    async let b = second.ingest(Array(batch.reversed()), at: storeNow)
                    let (fromFirst, fromSecond) = try await (a, b)
                    #expect(fromFirst.filter(\.isCreated).count + fromSecond.filter(\.isCreated).count == 200)
                    #expect(Dictionary(uniqueKeysWithValues: fromFirst.map { ($0.complaint.content.externalId, $0.complaint.id) })
                        == Dictionary(uniqueKeysWithValues: fromSecond.map { ($0.complaint.content.externalId, $0.complaint.id) }))
                    #expect(try await first.lastEventSeq() == 200)
                    #expect(try await ChainVerifier.verify(second).isIntact)
                }
            }
        }
    }

    @Test func notificationsWakeTheOtherInstanceAlsoAfterTheConnectionDrops() async throws {
        try await PostgresTestDatabase.withFreshDatabase { url in
            try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 2) { writer in
                try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 2) { reader in
                    let wakeups = reader.signal.subscribe()
                    let listener = reader.makeEventListener()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await listener.run() }
                        defer { group.cancelAll() }
                        try await withTimeout(seconds: 20) {
                            var it = wakeups.makeAsyncIterator()
                            #expect(await it.next() == 0)  // listening: woken once with the head

                            _ = try await writer.ingest([sampleComplaint(1)], at: storeNow)
                            #expect(await it.next() == 1)

                            // The listening connection is killed: the listener reconnects and catches up.
                            try await writer.client.query(
                                """
                                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                WHERE datname = current_database() AND query LIKE '%/* swell event listener */' AND pid <> pg_backend_pid()
                                """, logger: testLogger)
                            _ = try await writer.ingest([sampleComplaint(2), sampleComplaint(3)], at: storeNow)
                            var seen: Int64 = 0
                            while seen < 3, let seq = await it.next() { seen = seq }
                            #expect(seen == 3)
                        }
                    }
                }
            }
        }
    }

    @Test func aRoleWhoseWorkFailsIsReleasedForTheOtherInstance() async throws {
        struct Failed: Error {}
        try await PostgresTestDatabase.withFreshDatabase { url in
            try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 1) { first in
                try await withPostgresCaseStore(url: url, logger: testLogger, maximumConnections: 1) { second in
                    // The holder's work fails while its connection stays healthy (and goes back to its pool)
                    await #expect(throws: Failed.self) {
                        try await first.withExclusiveRole("detector", retryInterval: .milliseconds(50)) { throw Failed() }
                    }
                    // Then the other instance gets the role
                    try await withTimeout(seconds: 20) {
                        try await second.withExclusiveRole("detector", retryInterval: .milliseconds(50)) {}
                    }
                }
            }
        }
    }

    /// What `swell migrate-store` does, table by table: a warning's handling crosses over with it.
    @Test func copyingFromSQLiteKeepsWarningHandling() async throws {
        let source = try SQLiteCaseStore()
        let reason = "一个家庭的同一订单"
        _ = try await source.apply(
            [.saveCluster(WarningStoreContract.snapshot(1, level: .blue)),
             .raiseWarning(WarningStoreContract.warning(cluster: 1, level: .blue, at: "2026-07-01T08:00:00Z"), at: storeNow),
             .raiseWarning(WarningStoreContract.warning(cluster: 1, kind: "escalated", level: .yellow, at: "2026-07-01T09:00:00Z"), at: storeNow)],
            checkpoint: nil)
        _ = try await source.apply([.handleWarning(WarningID(1), .dismiss(by: "ben", at: storeNow, reason: reason))], checkpoint: nil)
        try await withFreshPostgresStore { target in
            for table in StoreTables.all {
                try await target.insertCopiedRows(table, try await source.tableRows(table, after: 0, limit: 1_000))
            }
            try await target.finishCopy()
            #expect(try await target.warnings(limit: 5, clusterId: nil) == (try await source.warnings(limit: 5, clusterId: nil)))
            #expect(try await target.warning(WarningID(1))?.handling.dismissed?.reason == reason)
            #expect(try await target.warnings(limit: 5, clusterId: nil, state: .open).map(\.id) == [WarningID(2)])
            #expect(try await target.warnedClusterCounts() == [.open: 1])
            // and the copy carries on: acting on the open escalation continues the chain
            _ = try await target.apply([.handleWarning(WarningID(2), .acknowledge(by: "anna", at: storeNow))], checkpoint: nil)
            #expect(try await target.warnedClusterCounts() == [.acknowledged: 1])
            #expect(try await ChainVerifier.verify(target).isIntact)
        }
        try await source.close()
    }

    /// Complaints stored before the search migration, or copied in by `swell migrate-store`, carry no search
    /// key; migrating (every start) and finishing a copy index them.
    @Test func complaintsWithoutASearchKeyAreIndexedOnMigrateAndAfterCopy() async throws {
        try await withFreshPostgresStore { store in
            try await store.client.query(
                """
                INSERT INTO complaint (externalId, receivedAt, channel, text, storedAt)
                VALUES ('old-1', 1000, 'web', '酒店降級，要求退款', 0), ('old-2', 2000, 'web', 'The hotel was DOWNGRADED', 0)
                """, logger: testLogger)
            #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("酒店降级"))).items.isEmpty)
            try await store.migrate()
            #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("酒店降级"))).items.map(\.content.externalId) == ["old-1"])
            #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("downgraded"))).items.map(\.content.externalId) == ["old-2"])
        }

        let source = try SQLiteCaseStore()
        _ = try await source.ingest(SearchStoreContract.complaints(), at: storeNow)
        try await withFreshPostgresStore { target in
            for table in StoreTables.all {
                try await target.insertCopiedRows(table, try await source.tableRows(table, after: 0, limit: 1_000))
            }
            try await target.finishCopy()
            let query = ComplaintQuery(search: ComplaintSearch("酒店降級"))
            #expect(try await target.complaints(query).items.map(\.id) == (try await source.complaints(query).items.map(\.id)))
            #expect(try await target.complaints(query).items.count == 2)
        }
        try await source.close()
    }

    @Test func closedStoreRefusesCalls() async throws {
        try await withFreshPostgresStore { store in
            try await store.ping()
            try await store.close()
            await #expect(throws: StoreError.closed) { try await store.ping() }
            await #expect(throws: StoreError.closed) { try await store.lastEventSeq() }
            await #expect(throws: StoreError.closed) { try await store.ingest([sampleComplaint(1)], at: storeNow) }
        }
    }
}
