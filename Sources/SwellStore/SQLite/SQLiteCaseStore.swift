import Foundation
import GRDB
import SwellCore
import Synchronization

/// The embedded case store: one SQLite file in WAL mode (GRDB `DatabasePool`), or memory for tests.
public final class SQLiteCaseStore: CaseStore {
    private let database: Mutex<any DatabaseWriter>
    /// How to open the file again (nil in memory and for a backup being checked): see `reopenIfWritable`.
    private let reopen: (@Sendable () throws -> DatabasePool)?
    /// False while the file can only be read (SQLite opened it read-only, e.g. on a read-only mount).
    private let writable = Mutex(Writable(isWritable: true, lastReopen: nil))

    private struct Writable {
        var isWritable: Bool
        var lastReopen: ContinuousClock.Instant?
    }

    /// The database, or `StoreError.closed` once `close()` ran: GRDB must never be used after closing
    /// (background followers such as the feed hub may still poll while the process shuts down).
    var writer: any DatabaseWriter {
        get throws {
            guard !closed.withLock({ $0 }) else { throw StoreError.closed }
            return database.withLock { $0 }
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
        let settings = configuration
        let open: @Sendable () throws -> DatabasePool = { try DatabasePool(path: path, configuration: settings) }
        try self.init(writer: open(), reopen: open)
    }

    /// A private in-memory database, for tests.
    public convenience init() throws {
        try self.init(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter, reopen: (@Sendable () throws -> DatabasePool)? = nil) throws {
        self.database = Mutex(writer)
        self.reopen = reopen
        try SQLiteSchema.migrator.migrate(writer)
        if reopen != nil, !Self.canWrite(writer) {
            writable.withLock { $0.isWritable = false }
        }
    }

    /// A store over a file opened read-only, as it is (no migration): for checking a backup.
    init(readOnly reader: DatabaseQueue) throws {
        self.database = Mutex(reader)
        self.reopen = nil
    }

    /// Ready means the store answers and takes writes: a file SQLite could only open read-only (a read-only mount)
    /// is not ready, and is opened again once it can be written.
    public func ping() async throws {
        _ = try await read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        guard writable.withLock({ $0.isWritable }) || reopenIfWritable() else {
            throw StoreError.unavailable("SQLite can only read the database file (a read-only file or file system)")
        }
    }

    /// Whether a write goes through: rewrites the schema version's own value in a transaction that changes nothing.
    private static func canWrite(_ writer: any DatabaseWriter) -> Bool {
        do {
            try writer.writeWithoutTransaction { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
            return true
        } catch {
            return false
        }
    }

    /// SQLite keeps a connection that opened a file read-only that way even after the file system becomes
    /// writable again — and every connection of the process shares that read-only view of the WAL index — so a
    /// read-only store is closed and opened anew, at most once a second. GRDB's close waits for the accesses in
    /// flight and makes later ones fail (`SQLITE_MISUSE`, answered 503 like the rest); a close that cannot happen
    /// now (a statement still running) is tried again later. True when the store can write now.
    private func reopenIfWritable() -> Bool {
        guard let reopen else { return false }
        let now = ContinuousClock.now
        let due = writable.withLock { state -> Bool in
            if state.isWritable { return false }
            if let last = state.lastReopen, now - last < .seconds(1) { return false }
            state.lastReopen = now
            return true
        }
        guard due else { return writable.withLock { $0.isWritable } }
        guard let old = database.withLock({ $0 }) as? DatabasePool, (try? old.close()) != nil,
            let fresh = try? reopen()
        else { return false }
        database.withLock { $0 = fresh }
        guard Self.canWrite(fresh) else { return false }
        writable.withLock { $0.isWritable = true }
        return true
    }

    /// One SQLite file serves one `swell serve` process, so the role is always this process's.
    public func withExclusiveRole(_ name: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await body()
    }

    public func close() async throws {
        guard !closed.withLock({ closed in defer { closed = true }; return closed }) else { return }
        signal.finish()
        let current = database.withLock { $0 }
        if let pool = current as? DatabasePool {
            try pool.close()
        } else if let queue = current as? DatabaseQueue {
            try queue.close()
        }
    }

    /// Runs a read. A read that meets the connection while `reopenIfWritable` replaces it (`SQLITE_MISUSE` on the
    /// closed one, until the new one is in place a few milliseconds later) runs again on the new connection; a
    /// database that cannot be read now (locked, I/O error, still being replaced) throws `StoreError.unavailable`, as
    /// writes do, so no caller sees a raw SQLite error for it.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        var pauses = Self.replacedConnectionPauses[...]
        while true {
            do {
                return try await writer.read(body)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_MISUSE && !pauses.isEmpty {
                try await Task.sleep(for: pauses.removeFirst())
            } catch {
                throw SQLiteAvailability.translate(error)
            }
        }
    }

    /// How long a read that met a closed connection waits before each new try (about 0.2 s in all).
    private static let replacedConnectionPauses: [Duration] = [.milliseconds(5), .milliseconds(25), .milliseconds(150)]

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
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY && reopen != nil {
            // Opened read-only (or made so): once the file can be written again, a fresh connection takes the write.
            writable.withLock { $0.isWritable = false }
            guard reopenIfWritable() else { throw SQLiteAvailability.translate(error) }
            return try await write(body)
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
