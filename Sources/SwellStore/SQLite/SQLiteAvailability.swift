import GRDB

/// Which SQLite failures mean "the database cannot take this write right now" rather than "this request is wrong":
/// locked for longer than the busy timeout, disk full, I/O errors, a read-only file. Those become
/// `StoreError.unavailable`; every other error passes through unchanged.
enum SQLiteAvailability {
    /// `SQLITE_MISUSE` is a connection closed while the store replaced it (a read-only file opened anew).
    private static let transientCodes: [ResultCode] = [
        .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_MISUSE,
    ]

    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError, transientCodes.contains(error.resultCode) else { return error }
        return StoreError.unavailable("SQLite could not write (\(error.resultCode): \(error.message ?? "no message"))")
    }
}
