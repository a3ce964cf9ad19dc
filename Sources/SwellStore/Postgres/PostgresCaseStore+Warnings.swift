import Foundation
import PostgresNIO
import SwellCore

/// Warnings: the detector's records, with people's handling (state and who moved it) in columns of their own.
extension PostgresCaseStore {
    public func warnings(limit: Int, clusterId: ClusterID?, state: WarningState?) async throws -> [WarningRecord] {
        let limit = Int64(limit)
        let rows: [PostgresRow]
        switch (clusterId, state) {
        case (let cluster?, let state?):
            rows = try await self.rows(
                """
                SELECT record, handling FROM warning WHERE clusterId = \(cluster.rawValue) AND state = \(state.rawValue)
                ORDER BY id DESC LIMIT \(limit)
                """)
        case (let cluster?, nil):
            rows = try await self.rows(
                "SELECT record, handling FROM warning WHERE clusterId = \(cluster.rawValue) ORDER BY id DESC LIMIT \(limit)")
        case (nil, let state?):
            rows = try await self.rows(
                "SELECT record, handling FROM warning WHERE state = \(state.rawValue) ORDER BY id DESC LIMIT \(limit)")
        case (nil, nil):
            rows = try await self.rows("SELECT record, handling FROM warning ORDER BY id DESC LIMIT \(limit)")
        }
        return try rows.map(Self.decodeWarning)
    }

    public func warning(_ id: WarningID) async throws -> WarningRecord? {
        try await rows("SELECT record, handling FROM warning WHERE id = \(id.rawValue)").first.map(Self.decodeWarning)
    }

    public func warnedClusterCounts() async throws -> [WarningState: Int] {
        var counts: [WarningState: Int] = [:]
        for row in try await rows("\(unescaped: WarningSQL.countsByNewestState)") {
            let (name, count) = try row.decode((String, Int64).self)
            guard let state = WarningState(rawValue: name) else {
                throw StoreError.corruptRow(table: "warning", detail: "unknown state \(name)")
            }
            counts[state] = Int(count)
        }
        return counts
    }

    /// The record, with its handling from the `handling` column (none yet: open).
    static func decodeWarning(_ row: PostgresRow) throws -> WarningRecord {
        let (document, handling) = try row.decode((String, String?).self)
        var record = try StoredJSON.decode(WarningRecord.self, from: document, table: "warning")
        if let handling {
            record.handling = try StoredJSON.decode(WarningHandling.self, from: handling, table: "warning")
        }
        return record
    }

    /// The warning cases of `apply`, inside its transaction; returns the event appended, if any. `opened` is the
    /// incident an earlier `openIncident` of the same call stored.
    func applyWarningChange(
        _ change: StoreChange, opened: IncidentID?, connection: PostgresConnection, events: inout PostgresEventAppender
    ) async throws -> Event? {
        switch change {
        case .handleWarning(let id, let action):
            var cluster: Int64?
            for try await value in try await connection.query(
                "SELECT clusterId FROM warning WHERE id = \(id.rawValue)", logger: logger
            ).decode(Int64.self) { cluster = value }
            guard let cluster else { throw WarningHandlingError.notFound(id) }
            let change = try WarningThread(try await thread(ClusterID(cluster), connection: connection)).handling(action, on: id)
            try await save(change, connection: connection)
            return events.append(change.event)
        case .linkWarnings(let cluster, let incident, let at):
            guard let incident = incident ?? opened else {
                throw StoreError.corruptRow(table: "incident", detail: "linking warnings to an incident that was not opened")
            }
            guard let change = WarningThread(try await thread(cluster, connection: connection)).linking(incident, at: at) else {
                return nil
            }
            try await save(change, connection: connection)
            return events.append(change.event)
        default:
            return nil
        }
    }

    /// A cluster's warnings, locked for the rest of the transaction.
    private func thread(_ cluster: ClusterID, connection: PostgresConnection) async throws -> [WarningRecord] {
        var records: [WarningRecord] = []
        for try await row in try await connection.query(
            "SELECT record, handling FROM warning WHERE clusterId = \(cluster.rawValue) ORDER BY id FOR UPDATE", logger: logger)
        {
            records.append(try Self.decodeWarning(row))
        }
        return records
    }

    private func save(_ change: WarningThreadChange, connection: PostgresConnection) async throws {
        for record in change.records {
            guard let id = record.id else { throw StoreError.corruptRow(table: "warning", detail: "saving a warning without an id") }
            let document = try StoredJSON.encode(record.handling)
            try await connection.query(
                "UPDATE warning SET state = \(record.handling.state.rawValue), handling = \(document) WHERE id = \(id.rawValue)",
                logger: logger)
        }
    }
}
