import Foundation
import SwellStore
import Testing

/// The case store implementations the shared contract runs against; PostgreSQL needs `SWELL_TEST_POSTGRES_URL`.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Runs `body` with an empty, migrated store of this kind (a temporary SQLite file, or a fresh PostgreSQL
    /// database), closed and removed afterwards.
    func withStore(_ body: (any CaseStore) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let path = temporaryDatabasePath()
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let store = try SQLiteCaseStore(path: path)
            do {
                try await body(store)
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres:
            try await withFreshPostgresStore { store in try await body(store) }
        }
    }
}
