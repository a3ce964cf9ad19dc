import Foundation
import PostgresNIO

extension PostgresCaseStore {
    /// True when no complaint, event or token is stored: the only state `swell migrate-store` copies into.
    public func isEmptyForCopy() async throws -> Bool {
        for table in ["event", "complaint", "access_token"] where try await rowCount(table) > 0 { return false }
        return true
    }

    public func rowCount(_ table: String) async throws -> Int64 {
        guard StoreTables.all.contains(table) else { throw StoreError.badLocation("unknown table \(table)") }
        return try await rows("SELECT COUNT(*) FROM \(unescaped: table)").first?.decode(Int64.self) ?? 0
    }

    /// Inserts copied rows as they are (ids, sequence numbers and hashes kept), in one transaction.
    public func insertCopiedRows(_ table: String, _ page: TableRows) async throws {
        guard StoreTables.all.contains(table) else { throw StoreError.badLocation("unknown table \(table)") }
        guard !page.rows.isEmpty else { return }
        let logger = self.logger
        try checkOpen()
        try await client.withTransaction(logger: logger) { connection in
            for row in page.rows {
                var query = PostgresQuery(unsafeSQL: "")
                var bindings = PostgresBindings()
                var marks: [String] = []
                for (index, value) in row.enumerated() {
                    switch value {
                    case .null: bindings.appendNull()
                    case .integer(let number): bindings.append(number)
                    case .real(let number): bindings.append(number)
                    case .text(let text): bindings.append(text)
                    }
                    marks.append("$\(index + 1)")
                }
                query = PostgresQuery(
                    unsafeSQL: "INSERT INTO \(table) (\(page.columns.joined(separator: ", "))) VALUES (\(marks.joined(separator: ", ")))",
                    binds: bindings)
                try await connection.query(query, logger: logger)
            }
        }
    }

    /// After a copy: the log head follows the last copied event, new ids continue after the copied ones, and the
    /// copied complaints are indexed for search (the search key is derived, never copied).
    public func finishCopy() async throws {
        let logger = self.logger
        try checkOpen()
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                """
                UPDATE event_head SET seq = last.seq, hash = last.hash
                FROM (SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1) AS last WHERE event_head.id = 1
                """, logger: logger)
            for table in ["complaint", "access_token", "incident", "incident_item", "notification_channel", "delivery", "mention", "mention_feed", "playbook_version"] {
                try await connection.query(
                    PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)
                        """), logger: logger)
            }
        }
        try await indexUnsearchedComplaints()
    }
}
