import Foundation
import GRDB
import SwellCore

/// Requests' first answers, by idempotency scope, on SQLite.
extension SQLiteCaseStore {
    public func idempotentResponse(scope: String) async throws -> StoredResponse? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT scope, fingerprint, status, contentType, body, createdAt FROM idempotency_key WHERE scope = ?",
                arguments: [scope]
            ).map { row in
                StoredResponse(
                    scope: row["scope"], fingerprint: row["fingerprint"], status: row["status"], contentType: row["contentType"],
                    body: row["body"], createdAt: Date(millisecondsSince1970: row["createdAt"] as Int64))
            }
        }
    }

    /// Through the store's one `write`, like every other write: a full disk or a read-only file is a 503, and a file
    /// that became writable again is opened anew.
    public func keepIdempotentResponse(_ response: StoredResponse, expiredBefore: Date) async throws {
        try await write { db, _ in
            try db.execute(sql: "DELETE FROM idempotency_key WHERE createdAt < ?", arguments: [expiredBefore.millisecondsSince1970])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO idempotency_key (scope, fingerprint, status, contentType, body, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    response.scope, response.fingerprint, response.status, response.contentType, response.body,
                    response.createdAt.millisecondsSince1970,
                ])
        }
    }
}
