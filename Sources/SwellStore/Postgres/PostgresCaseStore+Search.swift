import Foundation
import Logging
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    /// `complaints(_:)` with a search: every term is a `LIKE '%key%'` on the search key (PostgresSearchKey),
    /// which the pg_trgm GIN index answers for keys of three or more letters (every Chinese character is four);
    /// shorter ones are checked on the rows found. Relevance is `similarity(searchKey, key of the terms)`.
    func searchComplaints(_ search: ComplaintSearch, _ query: ComplaintQuery) async throws -> ComplaintPage {
        let limit = query.pageSize
        var filter = Self.filter(query)
        for term in search.terms {
            let pattern = "%" + PostgresSearchKey.encode(folded: term) + "%"
            filter.add { "searchKey LIKE \($0.bind(pattern))" }
        }
        let list = ComplaintColumns.list
        let statement: PostgresQuery
        if query.ranksByRelevance {
            let key = PostgresSearchKey.encode(folded: search.text)
            let cursor = query.after
            statement = filter.query { whereClause, binder in
                let score = "similarity(searchKey, \(binder.bind(key)))::float8"
                let after = cursor.map { cursor in
                    "WHERE (score, receivedAt, id) < (\(binder.bind(cursor.score ?? 0)), \(binder.bind(cursor.receivedAtMilliseconds)), \(binder.bind(cursor.id.rawValue)))"
                } ?? ""
                return """
                    SELECT * FROM (SELECT \(list), \(score) AS score FROM complaint \(whereClause)) AS hit \(after)
                    ORDER BY score DESC, receivedAt DESC, id DESC LIMIT \(binder.bind(Int64(limit + 1)))
                    """
            }
        } else {
            if let cursor = query.after {
                filter.add { "(receivedAt, id) < (\($0.bind(cursor.receivedAtMilliseconds)), \($0.bind(cursor.id.rawValue)))" }
            }
            statement = filter.query(
                select: "SELECT \(list) FROM complaint", orderBy: "ORDER BY receivedAt DESC, id DESC", limit: limit + 1)
        }
        let found = try await rows(statement)
        let items = try found.map(PostgresComplaintRow.decode)
        let scores = query.ranksByRelevance
            ? try found.map { try $0.makeRandomAccess()["score"].decode(Double.self) } : nil
        return ComplaintPage(fetched: items, scores: scores, pageSize: limit)
    }

    /// Writes the search key of every complaint that has none: those stored before the search migration, or
    /// copied in by `swell migrate-store` (an index is rebuilt, not copied). Runs after migrating, in batches
    /// of 2,000, each its own transaction; rows another instance is indexing at the same moment are skipped.
    public func indexUnsearchedComplaints() async throws {
        let logger = self.logger
        var total = 0
        while true {
            try checkOpen()
            let done = try await client.withTransaction(logger: logger) { connection in
                var ids: [Int64] = []
                var keys: [String] = []
                for try await (id, text) in try await connection.query(
                    """
                    SELECT id, text FROM complaint WHERE searchKey IS NULL ORDER BY id LIMIT 2000
                    FOR UPDATE SKIP LOCKED
                    """, logger: logger
                ).decode((Int64, String).self) {
                    ids.append(id)
                    keys.append(PostgresSearchKey.of(text))
                }
                if !ids.isEmpty {
                    try await connection.query(
                        """
                        UPDATE complaint SET searchKey = indexed.key
                        FROM unnest(\(ids)::bigint[], \(keys)::text[]) AS indexed(id, key) WHERE complaint.id = indexed.id
                        """, logger: logger)
                }
                return ids.count
            }
            total += done
            if done == 0 { break }
            if total % 100_000 < 2_000 { logger.info("indexing complaints for search", metadata: ["complaints": "\(total)"]) }
        }
        if total > 0 { logger.info("indexed complaints for search", metadata: ["complaints": "\(total)"]) }
    }
}
