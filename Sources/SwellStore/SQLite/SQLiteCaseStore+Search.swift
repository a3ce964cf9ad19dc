import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    /// `complaints(_:)` with a search: terms of three or more characters go to the FTS5 trigram index (all of
    /// them, as phrases), shorter ones are `instr` checks on the folded text of the rows found. Relevance is
    /// `-bm25` (higher is better); with no long term see ``searchShortTermsOnly(_:_:)``.
    func searchComplaints(_ search: ComplaintSearch, _ query: ComplaintQuery) async throws -> ComplaintPage {
        if search.indexedTerms.isEmpty { return try await searchShortTermsOnly(search, query) }
        let limit = query.pageSize
        var (conditions, arguments) = Self.filterConditions(query)
        for term in search.shortTerms {
            conditions.append("instr(complaint_search.body, ?) > 0")
            arguments.append(term.databaseValue)
        }
        conditions.insert("complaint_search MATCH ?", at: 0)
        arguments.insert(Self.matchExpression(search.indexedTerms).databaseValue, at: 0)
        let inner = """
            SELECT \(ComplaintColumns.list), -bm25(complaint_search) AS score
            FROM complaint_search JOIN complaint ON complaint.id = complaint_search.rowid
            WHERE \(conditions.joined(separator: " AND "))
            """
        let sql: String
        if query.ranksByRelevance {
            var outer = ""
            if let cursor = query.after {
                outer = "WHERE (score, receivedAt, id) < (?, ?, ?)"
                arguments += [(cursor.score ?? 0).databaseValue, cursor.receivedAtMilliseconds.databaseValue, cursor.id.rawValue.databaseValue]
            }
            sql = "SELECT * FROM (\(inner)) \(outer) ORDER BY score DESC, receivedAt DESC, id DESC LIMIT \(limit + 1)"
        } else {
            var cursorCondition = ""
            if let cursor = query.after {
                cursorCondition = " AND (receivedAt, id) < (?, ?)"
                arguments += [cursor.receivedAtMilliseconds.databaseValue, cursor.id.rawValue.databaseValue]
            }
            sql = "\(inner)\(cursorCondition) ORDER BY receivedAt DESC, id DESC LIMIT \(limit + 1)"
        }
        let values = arguments
        let (items, scores) = try await read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values))
            return (try rows.map(ComplaintColumns.decode), rows.map { $0["score"] as Double })
        }
        return ComplaintPage(fetched: items, scores: query.ranksByRelevance ? scores : nil, pageSize: limit)
    }

    /// Only terms of one or two characters: no index can find them, so they are `instr` checks. First on the
    /// newest ``shortTermWindow`` rows the filters leave (a common word fills a page there at once, and a
    /// narrow filter leaves no more rows than that); when fewer than a page match there and the filters leave
    /// more rows, one sequential pass over every folded text finds the matches and the filters and the order
    /// apply to those (a rare word: ~0.2 s at 1M instead of a newest-first walk of the whole store). Both give
    /// the same page: the newest matches after the cursor. Scores are 0, so relevance order
    /// is newest first too.
    func searchShortTermsOnly(_ search: ComplaintSearch, _ query: ComplaintQuery) async throws -> ComplaintPage {
        let limit = query.pageSize
        var (conditions, arguments) = Self.filterConditions(query)
        if let cursor = query.after {
            conditions.append("(receivedAt, id) < (?, ?)")
            arguments += [cursor.receivedAtMilliseconds.databaseValue, cursor.id.rawValue.databaseValue]
        }
        let checks = search.shortTerms.map { _ in "instr(complaint_search.body, ?) > 0" }.joined(separator: " AND ")
        let terms = search.shortTerms.map(\.databaseValue)
        let filters = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let recent = """
            SELECT \(ComplaintColumns.list), 0.0 AS score
            FROM (SELECT id AS recentId FROM complaint \(filters) ORDER BY receivedAt DESC, id DESC LIMIT \(Self.shortTermWindow))
            CROSS JOIN complaint ON complaint.id = recentId CROSS JOIN complaint_search ON complaint_search.rowid = recentId
            WHERE \(checks) ORDER BY receivedAt DESC, id DESC LIMIT \(limit + 1)
            """
        // The pass reads FTS5's own copy of the folded texts (`complaint_search_content`: rowid `id`, column `c0`)
        // directly, which is about twice as fast as a full scan through the virtual table.
        let contentChecks = search.shortTerms.map { _ in "instr(c0, ?) > 0" }.joined(separator: " AND ")
        let everywhere = """
            SELECT \(ComplaintColumns.list), 0.0 AS score FROM complaint
            WHERE id IN (SELECT id FROM complaint_search_content WHERE \(contentChecks))\(conditions.map { " AND " + $0 }.joined())
            ORDER BY receivedAt DESC, id DESC LIMIT \(limit + 1)
            """
        let windowFill = "SELECT count(*) FROM (SELECT 1 FROM complaint \(filters) LIMIT \(Self.shortTermWindow))"
        let values = arguments
        let items = try await read { db in
            var rows = try Row.fetchAll(db, sql: recent, arguments: StatementArguments(values + terms))
            // Fewer than a page, and the filters leave more rows than the window held: look at all of them.
            if rows.count <= limit,
               try Int.fetchOne(db, sql: windowFill, arguments: StatementArguments(values)) == Self.shortTermWindow
            {
                rows = try Row.fetchAll(db, sql: everywhere, arguments: StatementArguments(terms + values))
            }
            return try rows.map(ComplaintColumns.decode)
        }
        return ComplaintPage(
            fetched: items, scores: query.ranksByRelevance ? items.map { _ in 0 } : nil, pageSize: limit)
    }

    /// How many of the newest rows a short-word search checks before it scans every folded text.
    static let shortTermWindow = 5_000

    /// An FTS5 query matching rows that contain every term: each a quoted phrase (a substring for trigrams).
    static func matchExpression(_ terms: [String]) -> String {
        terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }
}
