import Foundation
import SwellCore
import SwellStore
import Testing

@testable import SwellCLI

/// `swell backup` and `swell restore` through the real command parser on real SQLite files.
@Suite struct BackupCommandTests {
    static let lines = [
        #"{"externalId":"b-1","receivedAt":"2026-07-01T08:00:00Z","channel":"web","text":"酒店降级"}"#,
        #"{"externalId":"b-2","receivedAt":"2026-07-01T09:00:00Z","channel":"social","text":"hotel downgraded"}"#,
    ]

    @Test func aBackupIsOneCheckedFileThatRestoresIntoAnEmptyStore() async throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("c.ndjson").path
        let db = folder.appendingPathComponent("live.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        let restored = folder.appendingPathComponent("restored.sqlite").path
        try Self.lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try await runSwell(["import", file, "--db", db])

        try await runSwell(["backup", "--db", db, "--to", backup])
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"), "one self-contained file")
        let report = try await SQLiteCaseStore.check(backup: backup)
        #expect(report.isSound)
        #expect(report.headSeq == 2)
        #expect(report.rowsPerTable.first { $0.table == "complaint" }?.rows == 2)
        await #expect(throws: (any Error).self) { try await runSwell(["backup", "--db", db, "--to", backup]) }

        try await runSwell(["restore", "--from", backup, "--db", restored])
        let store = try SQLiteCaseStore(path: restored)
        #expect(try await store.complaints(ComplaintQuery()).items.map(\.content.externalId).sorted() == ["b-1", "b-2"])
        #expect(try await ChainVerifier.verify(store).isIntact)
        try await store.close()

        // A store that holds data is not overwritten without --force
        await #expect(throws: (any Error).self) { try await runSwell(["restore", "--from", backup, "--db", db]) }
        try await runSwell(["restore", "--from", backup, "--db", db, "--force"])
    }

    @Test func aFileThatIsNoStoreIsRefusedBeforeAnythingIsWritten() async throws {
        let folder = try scratchFolder()
        let bogus = folder.appendingPathComponent("bogus.sqlite").path
        try "not a database".write(toFile: bogus, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("t.sqlite").path
        await #expect(throws: (any Error).self) { try await runSwell(["restore", "--from", bogus, "--db", target]) }
        await #expect(throws: (any Error).self) {
            try await runSwell(["restore", "--from", folder.appendingPathComponent("missing.sqlite").path, "--db", target])
        }
    }
}
