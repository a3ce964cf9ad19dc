import ArgumentParser
import Foundation
import SwellStore

/// Where the case store lives: `--db PATH`, else `SWELL_DB`, else `./swell.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (env SWELL_DB; default ./swell.sqlite).")
    var databasePath: String?

    var resolvedPath: String {
        databasePath ?? ProcessInfo.processInfo.environment["SWELL_DB"] ?? "swell.sqlite"
    }

    func open() throws -> any CaseStore {
        try SQLiteCaseStore(path: resolvedPath)
    }
}

/// Writes to standard error: progress and diagnostics for people, never data.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r" + text).utf8))
    }
}
