import Foundation
import GRDB

extension SQLiteCaseStore {
    /// A page of `table`'s rows after rowid `after`, for `swell migrate-store`.
    public func tableRows(_ table: String, after: Int64, limit: Int) async throws -> TableRows {
        guard StoreTables.all.contains(table) else { throw StoreError.badLocation("unknown table \(table)") }
        return try await read { db in
            let columns = try db.columns(in: table).map(\.name)
            let list = columns.joined(separator: ", ")
            var rows: [[StoreValue]] = []
            var last: Int64?
            for row in try Row.fetchAll(
                db, sql: "SELECT rowid AS swell_rowid, \(list) FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT ?",
                arguments: [after, limit])
            {
                last = row["swell_rowid"]
                rows.append(columns.map { name in
                    switch (row[name] as DatabaseValue).storage {
                    case .null: .null
                    case .int64(let value): .integer(value)
                    case .double(let value): .real(value)
                    case .string(let value): .text(value)
                    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                    }
                })
            }
            return TableRows(columns: columns, rows: rows, nextKey: rows.count == limit ? last : nil)
        }
    }

    public func rowCount(_ table: String) async throws -> Int64 {
        guard StoreTables.all.contains(table) else { throw StoreError.badLocation("unknown table \(table)") }
        return try await read { db in try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
