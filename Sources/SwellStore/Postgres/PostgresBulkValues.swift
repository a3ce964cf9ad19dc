import PostgresNIO

/// Multi-row statements with every value bound: `INSERT … VALUES ($1, $2), ($3, $4) …` in one round trip.
/// Only placeholders are written into the SQL text, never values.
enum PostgresBulkValues {
    /// Rows per statement: well under PostgreSQL's 65,535 bind parameters for our widest table.
    static let rowsPerStatement = 1_000

    /// `head VALUES (…), (…) tail`, calling `bind` once per row to append exactly `columns` values.
    static func query<Row>(
        _ head: String, columns: Int, rows: some Collection<Row>, tail: String = "",
        bind: (inout PostgresBindings, Row) -> Void
    ) -> PostgresQuery {
        var binds = PostgresBindings(capacity: columns * rows.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        for row in rows {
            let first = binds.count + 1
            bind(&binds, row)
            precondition(binds.count == first - 1 + columns, "a row bound the wrong number of values")
            tuples.append("(" + (first..<first + columns).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        return PostgresQuery(unsafeSQL: "\(head) VALUES \(tuples.joined(separator: ", ")) \(tail)", binds: binds)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
