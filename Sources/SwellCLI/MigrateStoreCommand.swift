import ArgumentParser
import Foundation
import Logging
import SwellStore

/// `swell migrate-store --from sqlite:PATH --to postgres://…`: copies a whole SQLite store into an empty
/// PostgreSQL database — every table as it is, ids, sequence numbers and hashes kept — then verifies the row
/// counts of every table, the hash chain on the target, and that both logs end in the same hash.
struct MigrateStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store", abstract: "Copy a SQLite store into an empty PostgreSQL database and verify it.",
        discussion: "Stop `swell serve` on the SQLite file first: the copy must see a store nobody writes to.")

    @Option(help: "The SQLite store: sqlite:PATH or a path.") var from: String
    @Option(help: "The PostgreSQL store: postgres://user:pass@host:5432/db (empty, or without Swell data).") var to: String

    func run() async throws {
        let path = from.hasPrefix("sqlite:") ? String(from.dropFirst("sqlite:".count)) : from
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no SQLite store at \(path)") }
        guard to.hasPrefix("postgres://") || to.hasPrefix("postgresql://") else {
            throw ValidationError("--to must be a postgres:// URL")
        }
        let source = try SQLiteCaseStore(path: path)
        let logger = Logger(label: "swell")
        let report = try await withPostgresCaseStore(url: to, logger: logger) { target in
            guard try await target.isEmptyForCopy() else {
                throw ValidationError("the PostgreSQL database already holds Swell data; copy only into an empty one")
            }
            for table in StoreTables.all {
                let total = try await source.rowCount(table)
                var copied: Int64 = 0
                var after: Int64 = 0
                while true {
                    let page = try await source.tableRows(table, after: after, limit: 2_000)
                    try await target.insertCopiedRows(table, page)
                    copied += Int64(page.rows.count)
                    guard let next = page.nextKey else { break }
                    Console.progress("\(table): \(copied)/\(total) rows")
                    after = next
                }
                Console.progress("\(table): \(copied)/\(total) rows", final: true)
            }
            try await target.finishCopy()
            var counts: [(table: String, source: Int64, target: Int64)] = []
            for table in StoreTables.all {
                counts.append((table, try await source.rowCount(table), try await target.rowCount(table)))
            }
            let chain = try await ChainVerifier.verify(target)
            let lastSource = try await source.events(after: max(0, try await source.lastEventSeq() - 1), limit: 1).last?.hash
            let lastTarget = try await target.events(after: max(0, try await target.lastEventSeq() - 1), limit: 1).last?.hash
            return StoreCopyReport(rowsPerTable: counts, chain: chain, lastHashMatches: lastSource == lastTarget)
        }
        try await source.close()
        for row in report.rowsPerTable {
            print("\(row.table): \(row.source) → \(row.target)\(row.source == row.target ? "" : "  MISMATCH")")
        }
        print("hash chain on the target: \(report.chain.isIntact ? "intact, \(report.chain.eventsChecked) events" : "BROKEN at \(report.chain.firstBrokenSeq ?? 0)")")
        print("last event hash: \(report.lastHashMatches ? "same on both" : "DIFFERENT")")
        guard report.isComplete else { throw ExitCode(1) }
        print("copied and verified; point every instance at --store \(to.split(separator: "@").last.map { "postgres://…@\($0)" } ?? "the new store")")
    }
}
