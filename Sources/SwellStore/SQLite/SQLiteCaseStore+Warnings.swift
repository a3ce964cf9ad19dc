import Foundation
import GRDB
import SwellCore

/// Warnings: the detector's records, with people's handling (state and who moved it) in columns of their own.
extension SQLiteCaseStore {
    public func warnings(limit: Int, clusterId: ClusterID?, state: WarningState?) async throws -> [WarningRecord] {
        try await read { db in
            var conditions: [String] = []
            var arguments: [DatabaseValue] = []
            if let clusterId { conditions.append("clusterId = ?"); arguments.append(clusterId.rawValue.databaseValue) }
            if let state { conditions.append("state = ?"); arguments.append(state.rawValue.databaseValue) }
            arguments.append(limit.databaseValue)
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT record, handling FROM warning \(filter) ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments(arguments)
            ).map(Self.decodeWarning)
        }
    }

    public func warning(_ id: WarningID) async throws -> WarningRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT record, handling FROM warning WHERE id = ?", arguments: [id.rawValue])
                .map(Self.decodeWarning)
        }
    }

    public func warnedClusterCounts() async throws -> [WarningState: Int] {
        try await read { db in
            var counts: [WarningState: Int] = [:]
            for row in try Row.fetchAll(db, sql: WarningSQL.countsByNewestState) {
                guard let state = WarningState(rawValue: row["state"]) else {
                    throw StoreError.corruptRow(table: "warning", detail: "unknown state \(row["state"] as String)")
                }
                counts[state] = row["n"]
            }
            return counts
        }
    }

    /// The record, with its handling from the `handling` column (none yet: open).
    static func decodeWarning(_ row: Row) throws -> WarningRecord {
        var record = try StoredJSON.decode(WarningRecord.self, from: row["record"], table: "warning")
        if let handling: String = row["handling"] {
            record.handling = try StoredJSON.decode(WarningHandling.self, from: handling, table: "warning")
        }
        return record
    }

    /// The warning cases of `apply`, inside its transaction; returns the event appended, if any. `opened` is the
    /// incident an earlier `openIncident` of the same call stored.
    static func applyWarningChange(
        _ change: StoreChange, opened: IncidentID?, db: Database, events: inout EventAppender
    ) throws -> Event? {
        switch change {
        case .handleWarning(let id, let action):
            guard let cluster = try Int64.fetchOne(db, sql: "SELECT clusterId FROM warning WHERE id = ?", arguments: [id.rawValue]) else {
                throw WarningHandlingError.notFound(id)
            }
            let change = try WarningThread(try thread(ClusterID(cluster), db: db)).handling(action, on: id)
            try save(change, db: db)
            return try events.append(change.event)
        case .linkWarnings(let cluster, let incident, let at):
            guard let incident = incident ?? opened else {
                throw StoreError.corruptRow(table: "incident", detail: "linking warnings to an incident that was not opened")
            }
            guard let change = WarningThread(try thread(cluster, db: db)).linking(incident, at: at) else { return nil }
            try save(change, db: db)
            return try events.append(change.event)
        default:
            return nil
        }
    }

    private static func thread(_ cluster: ClusterID, db: Database) throws -> [WarningRecord] {
        try Row.fetchAll(db, sql: "SELECT record, handling FROM warning WHERE clusterId = ? ORDER BY id", arguments: [cluster.rawValue])
            .map(decodeWarning)
    }

    private static func save(_ change: WarningThreadChange, db: Database) throws {
        for record in change.records {
            guard let id = record.id else { throw StoreError.corruptRow(table: "warning", detail: "saving a warning without an id") }
            try db.execute(
                sql: "UPDATE warning SET state = ?, handling = ? WHERE id = ?",
                arguments: [record.handling.state.rawValue, try StoredJSON.encode(record.handling), id.rawValue])
        }
    }
}
