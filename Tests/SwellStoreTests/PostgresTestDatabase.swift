import Foundation
import Logging
import PostgresNIO
import SwellStore

/// A fresh PostgreSQL database per test, on the server named by `SWELL_TEST_POSTGRES_URL`
/// (`scripts/with-postgres` sets it). Each test gets `CREATE DATABASE swell_test_<random>`, dropped afterwards.
enum PostgresTestDatabase {
    static let environmentKey = "SWELL_TEST_POSTGRES_URL"

    /// The admin URL, nil when PostgreSQL tests are not configured.
    static let adminURL: String? = ProcessInfo.processInfo.environment[environmentKey].flatMap { $0.isEmpty ? nil : $0 }

    static var isConfigured: Bool { adminURL != nil }

    static let skipReason = "\(environmentKey) is not set; run under scripts/with-postgres to test PostgreSQL"

    /// Creates a database, runs `body` with its URL, then drops it (also when `body` throws).
    static func withFreshDatabase<T: Sendable>(_ body: (PostgresURL) async throws -> T) async throws -> T {
        guard let adminURL else { throw TestDatabaseError.notConfigured }
        let admin = try PostgresURL(adminURL)
        // An identifier, not a value: made here of [a-z0-9_] only, so it is safe to splice into DDL.
        let name = "swell_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        var configuration = admin.clientConfiguration
        configuration.options.maximumConnections = 1
        let client = PostgresClient(configuration: configuration, backgroundLogger: testLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            // The pool waits for a server forever: a wrong URL should fail the test, not hang it.
            try await withTimeout(seconds: 15) {
                try await client.query("CREATE DATABASE \(unescaped: name)", logger: testLogger)
            }
            do {
                let value = try await body(admin.with(database: name))
                try await client.query("DROP DATABASE \(unescaped: name) WITH (FORCE)", logger: testLogger)
                return value
            } catch {
                _ = try? await client.query("DROP DATABASE \(unescaped: name) WITH (FORCE)", logger: testLogger)
                throw error
            }
        }
    }

    enum TestDatabaseError: Error { case notConfigured }
}

/// Runs `body` with a migrated store on a fresh database.
func withFreshPostgresStore<T: Sendable>(
    listen: Bool = false, _ body: (PostgresCaseStore) async throws -> T
) async throws -> T {
    try await PostgresTestDatabase.withFreshDatabase { url in
        try await withPostgresCaseStore(url: url, logger: testLogger, listen: listen, maximumConnections: 4, body)
    }
}
