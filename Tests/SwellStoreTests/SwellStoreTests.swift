import Foundation
import GRDB
import SwellCore
import Testing

@testable import SwellStore

func sampleComplaint(_ n: Int, at receivedAt: String = "2026-07-01T08:15:00Z", product: String? = "AU-8D-0612") -> NewComplaint {
    NewComplaint(
        externalId: "hotline-\(n)", receivedAt: RFC3339.parse(receivedAt)!, channel: .hotline,
        text: "酒店与合同不符，说好的四星变成了汽车旅馆 #\(n)", complainant: Complainant(name: "客人\(n)", phone: "1381234\(String(format: "%04d", n))"),
        product: product, departure: CalendarDate("2026-06-12"))
}

let storeNow = RFC3339.parse("2026-07-02T00:00:00Z")!

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("swell-test-\(UUID().uuidString).sqlite").path
}

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

    @Test func refusesAMissingFolder() {
        #expect(throws: StoreError.self) { _ = try SQLiteCaseStore(path: "/nonexistent-folder/swell.sqlite") }
    }

    @Test func ingestIsIdempotentByExternalId() async throws {
        let store = try SQLiteCaseStore()
        let first = try await store.ingest([sampleComplaint(1), sampleComplaint(2)], at: storeNow)
        #expect(first.allSatisfy { $0.isCreated })

        // Given the same externalId again (even with other content), and a repeat inside one batch
        var changed = sampleComplaint(1)
        changed.text = "something else"
        let second = try await store.ingest([changed, sampleComplaint(3), sampleComplaint(3)], at: storeNow)

        #expect(second.map(\.isCreated) == [false, true, false])
        #expect(second[0].complaint.content.text == sampleComplaint(1).text)
        #expect(try await store.lastEventSeq() == 3)  // one event per stored complaint, none for repeats
    }

    @Test func concurrentWritersKeepTheChainContiguousAndValid() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteCaseStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for i in 0..<25 {
                        _ = try await store.ingest([sampleComplaint(writer * 1000 + i)], at: storeNow)
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = try await store.events(after: 0, limit: 1000)
        #expect(events.map(\.seq) == Array(1...200))
        let verification = try await ChainVerifier.verify(store, pageSize: 37)
        #expect(verification.isIntact)
        #expect(verification.eventsChecked == 200)
        try await store.close()
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

    @Test func listsNewestFirstWithFiltersAndCursor() async throws {
        let store = try SQLiteCaseStore()
        let complaints = (1...7).map { n in
            sampleComplaint(n, at: "2026-07-01T0\(n):00:00Z", product: n % 2 == 0 ? "EVEN" : "ODD")
        }
        _ = try await store.ingest(complaints, at: storeNow)

        var seen: [String] = []
        var query = ComplaintQuery(limit: 3)
        while true {
            let page = try await store.complaints(query)
            seen += page.items.map(\.content.externalId)
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == (1...7).reversed().map { "hotline-\($0)" })

        let even = try await store.complaints(ComplaintQuery(product: "EVEN"))
        #expect(even.items.map(\.content.externalId) == ["hotline-6", "hotline-4", "hotline-2"])
        let window = try await store.complaints(ComplaintQuery(
            receivedFrom: RFC3339.parse("2026-07-01T02:00:00Z"), receivedBefore: RFC3339.parse("2026-07-01T04:00:00Z")))
        #expect(window.items.map(\.content.externalId) == ["hotline-3", "hotline-2"])
    }

    @Test func tokensAreStoredHashedAndRevocable() async throws {
        let store = try SQLiteCaseStore()
        let hash = EventHashing.tokenHash("swl_secret")
        _ = try await store.createToken(name: "anna", role: .pr, tokenHash: hash, at: storeNow)
        #expect(try await store.caller(forTokenHash: hash)?.role == .pr)
        await #expect(throws: StoreError.tokenNameTaken("anna")) {
            try await store.createToken(name: "anna", role: .admin, tokenHash: "other", at: storeNow)
        }
        #expect(try await store.revokeToken(named: "anna", at: storeNow))
        #expect(try await store.caller(forTokenHash: hash) == nil)
        #expect(try await !store.revokeToken(named: "anna", at: storeNow))
        let types = try await store.events(after: 0, limit: 10).map(\.type)
        #expect(types == [.tokenCreated, .tokenRevoked])
        let stored = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT tokenHash FROM access_token") }
        #expect(stored == [hash])
    }

    @Test func applyMovesTheCheckpointWithItsChanges() async throws {
        let store = try SQLiteCaseStore()
        _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
        #expect(try await store.checkpoint(of: "detector") == 0)
        let appended = try await store.apply(
            [.assignCluster(ComplaintID(1), ClusterID(9)),
             .appendEvent(EventDraft(type: EventType("cluster.created"), at: storeNow, clusterId: ClusterID(9)))],
            checkpoint: FollowerCheckpoint(follower: "detector", seq: 1))
        #expect(appended.map(\.seq) == [2])
        #expect(try await store.checkpoint(of: "detector") == 1)
        #expect(try await store.complaint(ComplaintID(1))?.clusterId == ClusterID(9))
    }

    @Test func signalWakesSubscribersAfterCommit() async throws {
        let store = try SQLiteCaseStore()
        var wakeups = store.signal.subscribe().makeAsyncIterator()
        _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
        #expect(await wakeups.next() == 1)
    }
}
