import PostgresNIO

/// A WHERE clause whose values are all bound parameters: `filter.add { "product = \($0.bind(product))" }`.
struct PostgresFilter {
    /// Hands out `$n` placeholders for the values it binds.
    struct Binder {
        fileprivate var binds = PostgresBindings()

        mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
    }

    private var conditions: [String] = []
    private var binder = Binder()

    /// Adds one condition; `condition` writes its SQL with placeholders from the binder.
    mutating func add(_ condition: (inout Binder) -> String) {
        conditions.append(condition(&binder))
    }

    /// `select WHERE … orderBy LIMIT $n`.
    func query(select: String, orderBy: String, limit: Int) -> PostgresQuery {
        var binder = self.binder
        let limitPlaceholder = binder.bind(Int64(limit))
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return PostgresQuery(unsafeSQL: "\(select) \(whereClause) \(orderBy) LIMIT \(limitPlaceholder)", binds: binder.binds)
    }
}
