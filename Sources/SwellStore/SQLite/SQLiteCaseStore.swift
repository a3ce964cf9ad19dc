import Foundation
import GRDB
import SwellCore
import Synchronization

/// The embedded case store: one SQLite file in WAL mode (GRDB `DatabasePool`), or memory for tests.
public final class SQLiteCaseStore: CaseStore {
    private let database: any DatabaseWriter

    /// The database, or `StoreError.closed` once `close()` ran: GRDB must never be used after closing
    /// (background followers such as the feed hub may still poll while the process shuts down).
    var writer: any DatabaseWriter {
        get throws {
            guard !closed.withLock({ $0 }) else { throw StoreError.closed }
            return database
        }
    }
    public let signal = EventSignal()
    private let closed = Mutex(false)

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    public convenience init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a commit survives a process crash; only a power loss can lose the last transactions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw StoreError.badLocation("the folder \(directory) for the database does not exist")
        }
        try self.init(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// A private in-memory database, for tests.
    public convenience init() throws {
        try self.init(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.database = writer
        try SQLiteSchema.migrator.migrate(writer)
    }

    /// A store over a file opened read-only, as it is (no migration): for checking a backup.
    init(readOnly reader: DatabaseQueue) throws {
        self.database = reader
    }

    public func ping() async throws {
        _ = try await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// One SQLite file serves one `swell serve` process, so the role is always this process's.
    public func withExclusiveRole(_ name: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await body()
    }

    public func close() async throws {
        guard !closed.withLock({ closed in defer { closed = true }; return closed }) else { return }
        signal.finish()
        if let pool = database as? DatabasePool {
            try pool.close()
        } else if let queue = database as? DatabaseQueue {
            try queue.close()
        }
    }

    /// Runs a write transaction, then wakes followers if it appended events. A database that cannot take the write
    /// now (locked too long, disk full) throws `StoreError.unavailable`.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database, inout EventAppender) throws -> T) async throws -> T {
        let (value, lastSeq): (T, Int64?)
        do {
            (value, lastSeq) = try await writer.write { db in
                var appender = try EventAppender(db: db)
                let value = try body(db, &appender)
                return (value, appender.appendedAny ? appender.lastSeq : nil)
            }
        } catch {
            throw SQLiteAvailability.translate(error)
        }
        if let lastSeq { signal.notify(upTo: lastSeq) }
        return value
    }
}

/// Appends events inside one write transaction, continuing the sequence and the hash chain.
struct EventAppender {
    private(set) var lastSeq: Int64
    private var lastHash: String
    private(set) var appendedAny = false
    private let db: Database

    init(db: Database) throws {
        self.db = db
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1") {
            lastSeq = row["seq"]
            lastHash = row["hash"]
        } else {
            lastSeq = 0
            lastHash = EventHashing.genesis
        }
    }

    @discardableResult
    mutating func append(_ draft: EventDraft) throws -> Event {
        let seq = lastSeq + 1
        let hash = EventHashing.hash(previous: lastHash, seq: seq, draft: draft)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event (seq, at, type, complaintId, clusterId, incidentId, payload, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            seq, draft.at.millisecondsSince1970, draft.type.rawValue, draft.complaintId?.rawValue,
            draft.clusterId?.rawValue, draft.incidentId?.rawValue, draft.payload, hash,
        ])
        lastSeq = seq
        lastHash = hash
        appendedAny = true
        return Event(seq: seq, draft: draft, hash: hash)
    }
}
