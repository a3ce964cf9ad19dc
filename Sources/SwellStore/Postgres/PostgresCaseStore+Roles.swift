import Foundation
import Logging
import PostgresNIO

extension PostgresCaseStore {
    /// Leader election by a session-level advisory lock held on one pooled connection for as long as `body`
    /// runs. Other instances retry every `retryInterval`; when the holder dies its connection closes, PostgreSQL
    /// releases the lock, and the next instance to try takes over. A watchdog pings the holding connection: if
    /// it breaks, the lock may already be someone else's, so `body` is cancelled at once.
    public func withExclusiveRole(_ name: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withExclusiveRole(name, retryInterval: .seconds(2), body)
    }

    public func withExclusiveRole(
        _ name: String, retryInterval: Duration, _ body: @escaping @Sendable () async throws -> Void
    ) async throws {
        let key = Self.lockKey(for: name)
        let logger = self.logger
        while !Task.isCancelled {
            try checkOpen()
            let held: Bool = try await client.withConnection { connection in
                let acquired = try await PostgresConnectionGuard.run(on: connection, within: Self.roleQueryLimit) { connection in
                    var acquired = false
                    for try await value in try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
                        .decode(Bool.self)
                    {
                        acquired = value
                    }
                    return acquired
                }
                guard acquired else { return false }
                logger.info("Holding exclusive role", metadata: ["role": "\(name)"])
                defer { logger.info("Released exclusive role", metadata: ["role": "\(name)"]) }
                let outcome = await Result {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await body() }
                        group.addTask {
                            // The watchdog: a closed or unanswering connection means the lock may be someone else's.
                            while true {
                                try await Task.sleep(for: .seconds(1))
                                try await PostgresConnectionGuard.run(on: connection, within: Self.roleQueryLimit) { connection in
                                    _ = try await connection.query("SELECT 1", logger: logger).collect()
                                }
                            }
                        }
                        defer { group.cancelAll() }
                        try await group.next()
                    }
                }
                // Released however `body` ended: this connection goes back to the pool, and a lock left on it would
                // keep every other instance out of the role.
                await Self.release(key, on: connection, logger: logger)
                try outcome.get()
                return true
            }
            if held { return }
            try await Task.sleep(for: retryInterval)
        }
    }

    /// Unlocks the role's key; if that cannot be done, closes the connection, which releases it too.
    private static func release(_ key: Int64, on connection: PostgresConnection, logger: Logger) async {
        do {
            try await PostgresConnectionGuard.run(on: connection, within: roleQueryLimit) { connection in
                _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger).collect()
            }
        } catch {
            try? await connection.close()
        }
    }

    /// How long a role query (take the lock, the watchdog's ping, release) may go unanswered.
    static let roleQueryLimit = Duration.seconds(10)

    /// A stable 64-bit key per role name (FNV-1a), so every instance locks the same key.
    static func lockKey(for name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("swell-role:" + name).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}
