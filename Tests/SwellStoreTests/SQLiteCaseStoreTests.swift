import Foundation
import GRDB
import SwellCore
import Testing

@testable import SwellStore

/// SQLite-only behaviour: files, and tests that reach into the database through `writer`.
/// The shared behaviour is in `CaseStoreContractTests`.
@Suite struct SQLiteCaseStoreTests {
    @Test func migratesFromEmptyAndReopens() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try SQLiteCaseStore(path: path)
        _ = try await first.ingest([sampleComplaint(1)], at: storeNow)
        try await first.close()

        let reopened = try SQLiteCaseStore(path: path)
        #expect(try await reopened.lastEventSeq() == 1)
        #expect(try await reopened.complaint(ComplaintID(1))?.content.externalId == "hotline-1")
        try await reopened.close()
    }

    @Test func complaintsStoredBeforeSearchExistedAreIndexedByTheMigration() async throws {
        let path = temporaryDatabasePath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // Given a database at v6 holding complaints in both scripts, as a release before search left it
        let old = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(old, upTo: "v6: idempotency keys")
        try await old.write { db in
            for (id, text) in [(1, "酒店降級，要求退款"), (2, "The hotel was DOWNGRADED"), (3, "导游很好")] {
                try db.execute(
                    sql: "INSERT INTO complaint (id, externalId, receivedAt, channel, text, storedAt) VALUES (?, ?, ?, 'web', ?, 0)",
                    arguments: [id, "old-\(id)", id * 1000, text])
            }
        }
        try old.close()

        // When this release opens it, the old complaints are found like new ones
        let store = try SQLiteCaseStore(path: path)
        #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("酒店降级"))).items.map(\.id) == [ComplaintID(1)])
        #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("downgraded"))).items.map(\.id) == [ComplaintID(2)])
        #expect(try await store.complaints(ComplaintQuery(search: ComplaintSearch("退款"))).items.map(\.id) == [ComplaintID(1)])
        try await store.close()
    }

    @Test func aRareShortWordIsFoundBeyondTheNewestWindow() async throws {
        let store = try SQLiteCaseStore()
        // Given a two-character word only in the two oldest complaints, and more newer ones than the window holds
        let count = SQLiteCaseStore.shortTermWindow + 100
        let complaints = (1...count).map { n in
            NewComplaint(
                externalId: "w-\(n)", receivedAt: Date(millisecondsSince1970: Int64(n) * 1000), channel: .web,
                text: n <= 2 ? "空调坏了" : "导游很好 \(n)", complainant: Complainant())
        }
        _ = try await store.ingest(complaints, at: storeNow)
        // Then both are found, newest first, and paging through the common word still works past the window
        let rare = try await store.complaints(ComplaintQuery(search: ComplaintSearch("空调")))
        #expect(rare.items.map(\.id.rawValue) == [2, 1])
        var query = ComplaintQuery(limit: 500, search: ComplaintSearch("导游"))
        var seen = 0
        while true {
            let page = try await store.complaints(query)
            seen += page.items.count
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == count - 2)
        try await store.close()
    }

    @Test func warningsStoredBeforeHandlingExistedMigrateAsOpen() async throws {
        let path = temporaryDatabasePath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // Given a database at v3 holding a warning, as a release before warning handling left it
        let old = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(old, upTo: "v3: incidents and their items")
        var stored = WarningStoreContract.warning(cluster: 1, level: .blue, at: "2026-07-01T08:00:00Z")
        stored.id = WarningID(1)
        let document = try StoredJSON.encode(stored)
        try await old.write { db in
            try db.execute(sql: "INSERT INTO warning (id, clusterId, raisedAt, record) VALUES (1, 1, 0, ?)", arguments: [document])
        }
        try old.close()

        // When this release opens it, the warning is open and can be acted on
        let store = try SQLiteCaseStore(path: path)
        #expect(try await store.warning(WarningID(1)) == stored)
        #expect(try await store.warning(WarningID(1))?.handling == .open)
        #expect(try await store.warnings(limit: 5, clusterId: nil, state: .open).map(\.id) == [WarningID(1)])
        _ = try await store.apply([.handleWarning(WarningID(1), .acknowledge(by: "anna", at: storeNow))], checkpoint: nil)
        #expect(try await store.warning(WarningID(1))?.handling.state == .acknowledged)
        try await store.close()
    }

    @Test func refusesAMissingFolder() {
        #expect(throws: StoreError.self) { _ = try SQLiteCaseStore(path: "/nonexistent-folder/swell.sqlite") }
    }

    @Test func aFailedTransactionLeavesNeitherRowNorEvent() async throws {
        let store = try SQLiteCaseStore()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await store.write { db, events in
                try db.execute(
                    sql: "INSERT INTO complaint (externalId, receivedAt, channel, text, storedAt) VALUES ('x', 0, 'web', 't', 0)")
                try events.append(EventDraft(type: .complaintReceived, at: storeNow, complaintId: ComplaintID(1)))
                throw Boom()
            }
        }
        #expect(try await store.lastEventSeq() == 0)
        #expect(try await store.complaint(ComplaintID(1)) == nil)
    }

    @Test func tamperingBreaksTheChainAtThatEvent() async throws {
        let store = try SQLiteCaseStore()
        _ = try await store.ingest((1...5).map { sampleComplaint($0) }, at: storeNow)
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE event SET payload = '{\"forged\":true}' WHERE seq = 3")
        }
        let verification = try await ChainVerifier.verify(store)
        #expect(verification.firstBrokenSeq == 3)

        let deleted = try SQLiteCaseStore()
        _ = try await deleted.ingest((1...5).map { sampleComplaint($0) }, at: storeNow)
        try await deleted.writer.write { db in try db.execute(sql: "DELETE FROM event WHERE seq = 2") }
        #expect(try await ChainVerifier.verify(deleted).firstBrokenSeq == 2)
    }

    @Test func tokensAreStoredOnlyAsTheirHash() async throws {
        let store = try SQLiteCaseStore()
        let hash = EventHashing.tokenHash("swl_secret")
        _ = try await store.createToken(name: "anna", role: .pr, tokenHash: hash, at: storeNow)
        let stored = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT tokenHash FROM access_token") }
        #expect(stored == [hash])
    }

    @Test func closedStoreRefusesPing() async throws {
        let store = try SQLiteCaseStore()
        try await store.close()
        await #expect(throws: StoreError.closed) { try await store.ping() }
    }
}
