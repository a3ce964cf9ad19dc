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
        query { whereClause, binder in "\(select) \(whereClause) \(orderBy) LIMIT \(binder.bind(Int64(limit)))" }
    }

    /// The statement `build` writes around the WHERE clause (empty without conditions), binding more values
    /// with the same binder.
    func query(_ build: (_ whereClause: String, _ binder: inout Binder) -> String) -> PostgresQuery {
        var binder = self.binder
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = build(whereClause, &binder)
        return PostgresQuery(unsafeSQL: sql, binds: binder.binds)
    }
}
