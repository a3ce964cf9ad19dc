import Foundation
import PostgresNIO

/// Many rows in one statement and one bind parameter: the rows travel as a JSON array, which PostgreSQL
/// turns back into typed rows of a table with `jsonb_populate_recordset(NULL::table, $1)`. This keeps a batch
/// of 1,000 complaints to a single round trip and a single bind (instead of 12,000), nulls included.
/// JSON keys are the columns' stored (lower-case) names.
enum PostgresBulkRows {
    /// Rows per statement.
    static let rowsPerStatement = 1_000

    /// The JSON array bound as `$1` in `sql`.
    static func query(_ sql: String, rows: some Encodable) throws -> PostgresQuery {
        let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
        var binds = PostgresBindings(capacity: 1)
        binds.append(json)
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
