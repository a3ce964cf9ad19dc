import PostgresNIO

/// Which PostgreSQL failures mean "the database cannot serve right now" (retry later) rather than "this request
/// is wrong": those become `StoreError.unavailable`, every other error passes through unchanged.
enum PostgresAvailability {
    /// Client-side failures of the connection itself.
    private static let connectionCodes: [PSQLError.Code] = [
        .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
    ]

    /// SQLSTATEs of a server that is going away, starting, out of resources, or asking for a retry:
    /// class 08 (connection exception), 53 (insufficient resources), 57P01–57P03 (shutdown, crash, starting),
    /// 40001/40P01 (serialization failure, deadlock).
    private static func isTransient(sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || ["57P01", "57P02", "57P03", "40001", "40P01"].contains(sqlState)
    }

    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if connectionCodes.contains(error.code) {
            return StoreError.unavailable("the connection to PostgreSQL failed (\(error.code))")
        }
        if error.code == .server, let state = error.serverInfo?[.sqlState], isTransient(sqlState: state) {
            let message = error.serverInfo?[.message] ?? "no message"
            return StoreError.unavailable("PostgreSQL refused the work for now (SQLSTATE \(state): \(message))")
        }
        return error
    }
}
