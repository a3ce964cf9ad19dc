import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    /// `complaints(_:)` with a search: terms of three or more characters go to the FTS5 trigram index (all of
    /// them, as phrases), shorter ones are `instr` checks on the folded text of the rows found. With no long
    /// term the rows are walked newest first through the list's index and checked one by one. Relevance is
    /// `-bm25` (higher is better), 0 for every row when no term reached the index.
    func searchComplaints(_ search: ComplaintSearch, _ query: ComplaintQuery) async throws -> ComplaintPage {
        let limit = query.pageSize
        var (conditions, arguments) = Self.filterConditions(query)
        for term in search.shortTerms {
            conditions.append("instr(complaint_search.body, ?) > 0")
            arguments.append(term.databaseValue)
        }
        let from: String
        let score: String
        if search.indexedTerms.isEmpty {
            from = "complaint CROSS JOIN complaint_search ON complaint_search.rowid = complaint.id"
            score = "0.0"
        } else {
            from = "complaint_search JOIN complaint ON complaint.id = complaint_search.rowid"
            score = "-bm25(complaint_search)"
            conditions.insert("complaint_search MATCH ?", at: 0)
            arguments.insert(Self.matchExpression(search.indexedTerms).databaseValue, at: 0)
        }
        let inner = "SELECT \(ComplaintColumns.list), \(score) AS score FROM \(from) WHERE \(conditions.joined(separator: " AND "))"
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
        let (items, scores) = try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values))
            return (try rows.map(ComplaintColumns.decode), rows.map { $0["score"] as Double })
        }
        return ComplaintPage(fetched: items, scores: query.ranksByRelevance ? scores : nil, pageSize: limit)
    }

    /// An FTS5 query matching rows that contain every term: each a quoted phrase (a substring for trigrams).
    static func matchExpression(_ terms: [String]) -> String {
        terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }
}
