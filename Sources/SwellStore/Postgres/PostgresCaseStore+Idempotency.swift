import Foundation
import PostgresNIO
import SwellCore

/// Requests' first answers, by idempotency scope, on PostgreSQL.
extension PostgresCaseStore {
    public func idempotentResponse(scope: String) async throws -> StoredResponse? {
        let rows = try await self.rows(
            "SELECT scope, fingerprint, status, contentType, body, createdAt FROM idempotency_key WHERE scope = \(scope)")
        guard let row = rows.first else { return nil }
        let (scope, fingerprint, status, contentType, body, createdAt) = try row.decode((String, String, Int64, String?, String, Int64).self)
        return StoredResponse(
            scope: scope, fingerprint: fingerprint, status: Int(status), contentType: contentType, body: body,
            createdAt: Date(millisecondsSince1970: createdAt))
    }

    public func keepIdempotentResponse(_ response: StoredResponse, expiredBefore: Date) async throws {
        let logger = self.logger
        try await write { connection, _ in
            try await connection.query(
                "DELETE FROM idempotency_key WHERE createdAt < \(expiredBefore.millisecondsSince1970)", logger: logger)
            try await connection.query(
                """
                INSERT INTO idempotency_key (scope, fingerprint, status, contentType, body, createdAt)
                VALUES (\(response.scope), \(response.fingerprint), \(Int64(response.status)), \(response.contentType),
                        \(response.body), \(response.createdAt.millisecondsSince1970))
                ON CONFLICT (scope) DO NOTHING
                """, logger: logger)
        }
    }
}
