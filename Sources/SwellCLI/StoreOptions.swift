import ArgumentParser
import Foundation
import Logging
import Synchronization
import SwellStore

/// Where the case store lives. `--store URL` (env `SWELL_STORE`): `postgres://user:pass@host:5432/db` for the
/// shared PostgreSQL store, or `sqlite:PATH`. Otherwise SQLite at `--db PATH` (env `SWELL_DB`), default
/// `./swell.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "postgres://… or sqlite:PATH (env SWELL_STORE).")
    var storeURL: String?

    @Option(name: .customLong("db"), help: "SQLite database file (env SWELL_DB; default ./swell.sqlite).")
    var databasePath: String?

    /// A store URL with another scheme (`mysql://…`) is an error at start that names the setting, not a SQLite
    /// file of that name.
    func validate() throws {
        let environment = try Settings.environment()
        let (given, setting) = storeURL.map { ($0, "--store") } ?? (databasePath == nil ? environment["SWELL_STORE"].map { ($0, "SWELL_STORE") } : nil) ?? ("", "")
        guard !given.isEmpty else { return }
        if given.contains("://"), !(given.hasPrefix("postgres://") || given.hasPrefix("postgresql://")) {
            throw ValidationError("\(setting) must be postgres://user:pass@host:5432/db or sqlite:PATH, not \(given.prefix(40))")
        }
    }

    enum Location: Equatable {
        case sqlite(String)
        case postgres(String)
    }

    var location: Location {
        let environment = Settings.environmentOrProcess
        if let url = storeURL ?? (databasePath == nil ? environment["SWELL_STORE"] : nil) {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url) }
            if url.hasPrefix("sqlite:") { return .sqlite(String(url.dropFirst("sqlite:".count))) }
            return .sqlite(url)
        }
        return .sqlite(databasePath ?? environment["SWELL_DB"] ?? "swell.sqlite")
    }

    /// For logs: never the password.
    var description: String {
        switch location {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): (try? PostgresURL(url).description) ?? "postgres (unparseable URL)"
        }
    }

    /// Opens the store, runs `body`, and closes the store (for PostgreSQL: runs the pool, migrates first, and
    /// with `listen` also LISTENs for other instances' commits).
    func withStore<T: Sendable>(
        logger: Logger = Logger(label: "swell"), listen: Bool = false, _ body: (any CaseStore) async throws -> T
    ) async throws -> T {
        switch location {
        case .sqlite(let path):
            let store = try SQLiteCaseStore(path: path)
            do {
                let value = try await body(store)
                try await store.close()
                return value
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres(let url):
            return try await withPostgresCaseStore(url: url, logger: logger, listen: listen) { store in try await body(store) }
        }
    }
}

/// Writes to standard error: progress and diagnostics for people, never data.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Progress of long work. On a terminal it redraws one line (`\r`); anywhere else (a log file, a pipe, systemd)
    /// it writes a plain line at most every ``plainInterval``, so a long replay leaves a few readable lines, not
    /// megabytes of redraws. `final` always writes, and ends the line.
    static func progress(_ text: String, final: Bool = false) {
        if isTerminal {
            FileHandle.standardError.write(Data(("\r" + text + (final ? "\n" : "")).utf8))
            return
        }
        let now = ContinuousClock.now
        let due = lastPlainLine.withLock { last -> Bool in
            guard final || last.map({ now - $0 >= plainInterval }) ?? true else { return false }
            last = now
            return true
        }
        if due { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    /// Ends a progress line on a terminal (elsewhere every line already ended).
    static func endProgress() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Whether standard error is a terminal; `SWELL_PROGRESS=plain` forces plain lines (and `tty` the redraws).
    static let isTerminal: Bool = {
        switch Settings.environmentOrProcess["SWELL_PROGRESS"] {
        case "plain": false
        case "tty": true
        default: isatty(STDERR_FILENO) == 1
        }
    }()

    static let plainInterval: Duration = .seconds(5)
    private static let lastPlainLine = Mutex<ContinuousClock.Instant?>(nil)
}
