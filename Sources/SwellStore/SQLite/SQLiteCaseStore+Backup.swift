import Foundation
import GRDB

/// What a backup holds, after it was checked.
public struct BackupReport: Sendable {
    public var path: String
    /// Rows per table of the store, in copy order.
    public var rowsPerTable: [(table: String, rows: Int64)]
    /// SQLite's own check of the file: `ok`, or the problems it found.
    public var integrity: [String]
    public var chain: ChainVerification
    /// The newest event the backup holds, and its hash (0 and nil for an empty log).
    public var headSeq: Int64
    public var headHash: String?

    public var isSound: Bool { integrity == ["ok"] && chain.isIntact }
}

extension SQLiteCaseStore {
    /// Copies the live store into a new SQLite file at `path` with SQLite's online backup, inside one read
    /// transaction: a consistent snapshot at one commit, while writers go on (WAL). Refuses an existing file.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.badLocation("\(path) exists; back up into a new file")
        }
        let destination = try DatabaseQueue(path: path)
        do {
            try writer.backup(to: destination)
            // One self-contained file: the copy leaves WAL mode, so no -wal/-shm files travel with it.
            try await destination.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
        } catch {
            try? destination.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Replaces this store's whole content with the backup's (SQLite's backup API, page by page). The caller has
    /// checked the backup and that no server runs on this store.
    public func restore(from path: String) async throws {
        let source = try DatabaseQueue(path: path, configuration: Self.readOnly)
        defer { try? source.close() }
        try source.backup(to: try writer)
    }

    /// Checks a backup file without changing it: SQLite's integrity check, the hash chain, rows per table.
    public static func check(backup path: String) async throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.badLocation("there is no file \(path)") }
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        defer { try? queue.close() }
        let integrity = try await queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        let store = try SQLiteCaseStore(readOnly: queue)
        var rows: [(table: String, rows: Int64)] = []
        for table in StoreTables.all { rows.append((table, try await store.rowCount(table))) }
        let chain = try await ChainVerifier.verify(store)
        let head = try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")
        }
        return BackupReport(
            path: path, rowsPerTable: rows, integrity: integrity, chain: chain, headSeq: head?["seq"] ?? 0, headHash: head?["hash"])
    }

    /// Whether the store holds nothing a restore would lose: no event, complaint or token.
    public func isEmptyForRestore() async throws -> Bool {
        for table in ["event", "complaint", "access_token"] where try await rowCount(table) > 0 { return false }
        return true
    }

    static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
