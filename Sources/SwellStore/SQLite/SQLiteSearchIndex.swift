import GRDB
import SwellCore

/// The `complaint_search` FTS5 table: one row per complaint, rowid = complaint id, body = the folded text
/// (``SearchFolding``). Written in the ingest transaction; filled from `complaint` by the migration that
/// creates it.
enum SQLiteSearchIndex {
    static let insertSQL = "INSERT INTO complaint_search (rowid, body) VALUES (?, ?)"

    /// Indexes every stored complaint, in id order, ten thousand at a time.
    static func indexAll(_ db: Database) throws {
        let insert = try db.cachedStatement(sql: insertSQL)
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, text FROM complaint WHERE id > ? ORDER BY id LIMIT 10000", arguments: [after])
            guard let last = rows.last else { return }
            for row in rows {
                try insert.execute(arguments: [row["id"] as Int64, SearchFolding.fold(row["text"])])
            }
            after = last["id"]
        }
    }
}
