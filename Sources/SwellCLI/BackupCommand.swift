import ArgumentParser
import Foundation
import SwellStore

/// `swell backup --to FILE`: a consistent copy of a live SQLite store, checked before it is called good.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy a live SQLite store into a new file and check the copy.",
        discussion: """
            The copy is one consistent snapshot (SQLite's online backup inside one read transaction); the service \
            may keep running and writing. The copy is then checked: SQLite's integrity check, the hash chain of \
            the event log, rows per table. Exit status 1 when the check fails. For PostgreSQL use pg_dump (README, \
            "Backups").
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The new backup file (must not exist).") var to: String

    func run() async throws {
        guard case .sqlite(let path) = store.location else {
            throw ValidationError("swell backup copies SQLite stores; for PostgreSQL use pg_dump (README, \"Backups\")")
        }
        let started = Date()
        let target = to
        try await store.withStore { caseStore in
            guard let sqlite = caseStore as? SQLiteCaseStore else { return }
            try await sqlite.backup(to: target)
        }
        Console.error("copied sqlite:\(path) to \(target) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; checking")
        let report = try await SQLiteCaseStore.check(backup: target)
        BackupReportText.print(report)
        guard report.isSound else { throw ExitCode(1) }
    }
}

/// `swell restore --from FILE`: puts a checked backup in place of an empty (or, with `--force`, any) SQLite store.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a SQLite store from a backup file (checked first).",
        discussion: """
            Stop the service on the target store first. A target that holds events, complaints or tokens is not \
            overwritten unless --force is given. The backup is checked (integrity, hash chain) before anything is \
            written.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The backup file.") var from: String
    @Flag(help: "Overwrite a target store that holds data.") var force = false

    func run() async throws {
        guard case .sqlite = store.location else {
            throw ValidationError("swell restore writes SQLite stores; for PostgreSQL use pg_restore (README, \"Backups\")")
        }
        let report = try await SQLiteCaseStore.check(backup: from)
        guard report.isSound else {
            BackupReportText.print(report)
            Console.error("the backup \(from) fails its check; nothing was restored")
            throw ExitCode(1)
        }
        let (source, force) = (from, self.force)
        try await store.withStore { caseStore in
            guard let sqlite = caseStore as? SQLiteCaseStore else { return }
            if !force, !(try await sqlite.isEmptyForRestore()) {
                Console.error("the target store holds data; give --force to overwrite it (nothing was restored)")
                throw ExitCode(1)
            }
            try await sqlite.restore(from: source)
        }
        print("restored \(store.description) from \(from)")
        BackupReportText.print(report)
    }
}

/// The check of a backup, for people.
enum BackupReportText {
    static func print(_ report: BackupReport) {
        let counts = report.rowsPerTable.filter { $0.rows > 0 }.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
        Swift.print("backup \(report.path): \(counts.isEmpty ? "empty" : counts)")
        Swift.print("  integrity: \(report.integrity.joined(separator: "; "))")
        if let broken = report.chain.firstBrokenSeq {
            Swift.print("  hash chain: BROKEN at event \(broken): \(report.chain.problem ?? "")")
        } else {
            Swift.print("  hash chain: intact, \(report.chain.eventsChecked) events, head \(report.headSeq) \(report.headHash.map { String($0.prefix(16)) } ?? "-")")
        }
    }
}
