import Foundation
import GRDB
import SwellCore
import Testing

@testable import SwellStore

/// A database that cannot serve right now is reported as `StoreError.unavailable` (the HTTP edge's 503), never as
/// a hang or an anonymous failure; errors about the request itself pass through unchanged.
@Suite struct StoreAvailabilityTests {
    /// Nothing listens on port 1: the pool keeps retrying, and callers must not wait for ever.
    @Test func aPostgresServerThatCannotBeReachedFailsFastAsUnavailable() async throws {
        let store = try PostgresCaseStore(
            url: "postgres://swell@127.0.0.1:1/swell?sslmode=disable", logger: testLogger, leaseTimeout: .milliseconds(500))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            await #expect {
                _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
            } throws: { error in
                guard case StoreError.unavailable(let detail)? = error as? StoreError else { return false }
                return detail.contains("no PostgreSQL connection")
            }
            await #expect {
                try await store.ping()
            } throws: { error in
                if case StoreError.unavailable? = error as? StoreError { return true }
                return false
            }
        }
    }

    @Test func sqliteLockedFullOrFailingDiskIsUnavailable() {
        for code in [ResultCode.SQLITE_BUSY, .SQLITE_FULL, .SQLITE_IOERR] {
            let translated = SQLiteAvailability.translate(DatabaseError(resultCode: code, message: "simulated"))
            guard case StoreError.unavailable(let detail)? = translated as? StoreError else {
                Issue.record("\(code) was not translated: \(translated)")
                continue
            }
            #expect(detail.contains("simulated"))
        }
    }

    @Test func sqliteErrorsAboutTheRequestPassThrough() {
        let constraint = DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE constraint failed")
        #expect(SQLiteAvailability.translate(constraint) is DatabaseError)
        #expect(SQLiteAvailability.translate(StoreError.tokenNameTaken("x")) as? StoreError == .tokenNameTaken("x"))
    }

    /// The real thing: a second connection holds SQLite's write lock past the busy timeout.
    @Test func aWriteLockedOutOfSQLiteIsUnavailable() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swell-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("swell.sqlite").path
        var configuration = Configuration()
        configuration.busyMode = .timeout(0.2)
        let store = try SQLiteCaseStore(writer: DatabasePool(path: path, configuration: configuration))
        var holdsTransactions = Configuration()
        holdsTransactions.allowsUnsafeTransactions = true  // it keeps the write lock between accesses
        let intruder = try DatabaseQueue(path: path, configuration: holdsTransactions)
        try await intruder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
        }
        await #expect {
            _ = try await store.ingest([sampleComplaint(1)], at: storeNow)
        } throws: { error in
            if case StoreError.unavailable? = error as? StoreError { return true }
            return false
        }
        try await intruder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        let outcomes = try await store.ingest([sampleComplaint(1)], at: storeNow)  // and the retry goes through
        #expect(outcomes.count == 1)
        try await store.close()
    }
}
