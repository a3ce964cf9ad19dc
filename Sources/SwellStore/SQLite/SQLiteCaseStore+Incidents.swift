import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func incident(_ id: IncidentID) async throws -> IncidentRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT id, record FROM incident WHERE id = ?", arguments: [id.rawValue])
                .map(Self.decodeIncident)
        }
    }

    public func incidents(activeOnly: Bool, clusterId: ClusterID?) async throws -> [IncidentRecord] {
        try await read { db in
            var conditions: [String] = []
            var arguments: [DatabaseValue] = []
            if activeOnly { conditions.append("state <> 'closed'") }
            if let clusterId { conditions.append("clusterId = ?"); arguments.append(clusterId.rawValue.databaseValue) }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT id, record FROM incident \(filter) ORDER BY openedAt DESC, id DESC",
                arguments: StatementArguments(arguments)
            ).map(Self.decodeIncident)
        }
    }

    public func incidentItems(_ incident: IncidentID, kind: IncidentItem.Kind) async throws -> [IncidentItem] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, record FROM incident_item WHERE incidentId = ? AND kind = ? ORDER BY at, id",
                arguments: [incident.rawValue, kind.rawValue]
            ).map(Self.decodeItem)
        }
    }

    public func incidentItem(_ id: Int64) async throws -> IncidentItem? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT id, record FROM incident_item WHERE id = ?", arguments: [id]).map(Self.decodeItem)
        }
    }

    static func decodeIncident(_ row: Row) throws -> IncidentRecord {
        var record = try StoredJSON.decode(IncidentRecord.self, from: row["record"], table: "incident")
        record.id = IncidentID(row["id"] as Int64)
        return record
    }

    static func decodeItem(_ row: Row) throws -> IncidentItem {
        var item = try StoredJSON.decode(IncidentItem.self, from: row["record"], table: "incident_item")
        item.id = row["id"] as Int64
        return item
    }

    /// The incident cases of `apply`, inside its transaction; returns the event appended, if any.
    static func applyIncidentChange(_ change: StoreChange, db: Database, events: inout EventAppender) throws -> Event? {
        switch change {
        case .openIncident(var record, let event):
            record.id = nil
            try db.execute(
                sql: "INSERT INTO incident (clusterId, state, openedAt, record) VALUES (?, ?, ?, ?)",
                arguments: [record.clusterId.rawValue, record.state.rawValue, record.openedAt.millisecondsSince1970,
                            try StoredJSON.encode(record)])
            let id = db.lastInsertedRowID
            var draft = EventPayloadStamp.stamping(id, into: event)
            draft.incidentId = IncidentID(id)
            return try events.append(draft)
        case .saveIncident(var record):
            guard let id = record.id else { throw StoreError.corruptRow(table: "incident", detail: "saving an incident without an id") }
            record.id = nil
            try db.execute(
                sql: "UPDATE incident SET state = ?, record = ? WHERE id = ?",
                arguments: [record.state.rawValue, try StoredJSON.encode(record), id.rawValue])
            return nil
        case .addIncidentItem(var item, let event):
            item.id = nil
            try db.execute(
                sql: "INSERT INTO incident_item (incidentId, kind, itemKey, at, record) VALUES (?, ?, ?, ?, ?)",
                arguments: [item.incidentId.rawValue, item.kind.rawValue, item.key, item.at.millisecondsSince1970,
                            try StoredJSON.encode(item)])
            let id = db.lastInsertedRowID
            return try event.map { try events.append(EventPayloadStamp.stamping(id, into: $0)) }
        case .saveIncidentItem(var item):
            guard let id = item.id else { throw StoreError.corruptRow(table: "incident_item", detail: "saving an item without an id") }
            item.id = nil
            try db.execute(
                sql: "UPDATE incident_item SET at = ?, record = ? WHERE id = ?",
                arguments: [item.at.millisecondsSince1970, try StoredJSON.encode(item), id])
            return nil
        default:
            return nil
        }
    }
}
