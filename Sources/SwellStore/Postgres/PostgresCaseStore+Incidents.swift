import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func incident(_ id: IncidentID) async throws -> IncidentRecord? {
        try await rows("SELECT id, record FROM incident WHERE id = \(id.rawValue)").first.map(Self.decodeIncident)
    }

    public func incidents(activeOnly: Bool, clusterId: ClusterID?) async throws -> [IncidentRecord] {
        let rows: [PostgresRow]
        switch (activeOnly, clusterId) {
        case (true, let cluster?):
            rows = try await self.rows(
                "SELECT id, record FROM incident WHERE state <> 'closed' AND clusterId = \(cluster.rawValue) ORDER BY openedAt DESC, id DESC")
        case (true, nil):
            rows = try await self.rows("SELECT id, record FROM incident WHERE state <> 'closed' ORDER BY openedAt DESC, id DESC")
        case (false, let cluster?):
            rows = try await self.rows(
                "SELECT id, record FROM incident WHERE clusterId = \(cluster.rawValue) ORDER BY openedAt DESC, id DESC")
        case (false, nil):
            rows = try await self.rows("SELECT id, record FROM incident ORDER BY openedAt DESC, id DESC")
        }
        return try rows.map(Self.decodeIncident)
    }

    public func incidentItems(_ incident: IncidentID, kind: IncidentItem.Kind) async throws -> [IncidentItem] {
        try await rows(
            """
            SELECT id, record FROM incident_item WHERE incidentId = \(incident.rawValue) AND kind = \(kind.rawValue)
            ORDER BY at, id
            """
        ).map(Self.decodeItem)
    }

    public func incidentItem(_ id: Int64) async throws -> IncidentItem? {
        try await rows("SELECT id, record FROM incident_item WHERE id = \(id)").first.map(Self.decodeItem)
    }

    static func decodeIncident(_ row: PostgresRow) throws -> IncidentRecord {
        let (id, document) = try row.decode((Int64, String).self)
        var record = try StoredJSON.decode(IncidentRecord.self, from: document, table: "incident")
        record.id = IncidentID(id)
        return record
    }

    static func decodeItem(_ row: PostgresRow) throws -> IncidentItem {
        let (id, document) = try row.decode((Int64, String).self)
        var item = try StoredJSON.decode(IncidentItem.self, from: document, table: "incident_item")
        item.id = id
        return item
    }

    /// The incident cases of `apply`, inside its transaction; returns the event appended, if any.
    func applyIncidentChange(
        _ change: StoreChange, connection: PostgresConnection, events: inout PostgresEventAppender
    ) async throws -> Event? {
        switch change {
        case .openIncident(var record, let event):
            record.id = nil
            let document = try StoredJSON.encode(record)
            let id = try await insertReturningId(
                """
                INSERT INTO incident (clusterId, state, openedAt, record)
                VALUES (\(record.clusterId.rawValue), \(record.state.rawValue), \(record.openedAt.millisecondsSince1970), \(document))
                RETURNING id
                """, connection: connection)
            var draft = EventPayloadStamp.stamping(id, into: event)
            draft.incidentId = IncidentID(id)
            return events.append(draft)
        case .saveIncident(var record):
            guard let id = record.id else { throw StoreError.corruptRow(table: "incident", detail: "saving an incident without an id") }
            record.id = nil
            let document = try StoredJSON.encode(record)
            try await connection.query(
                "UPDATE incident SET state = \(record.state.rawValue), record = \(document) WHERE id = \(id.rawValue)", logger: logger)
            return nil
        case .addIncidentItem(var item, let event):
            item.id = nil
            let document = try StoredJSON.encode(item)
            let id = try await insertReturningId(
                """
                INSERT INTO incident_item (incidentId, kind, itemKey, at, record)
                VALUES (\(item.incidentId.rawValue), \(item.kind.rawValue), \(item.key), \(item.at.millisecondsSince1970), \(document))
                RETURNING id
                """, connection: connection)
            return event.map { events.append(EventPayloadStamp.stamping(id, into: $0)) }
        case .saveIncidentItem(var item):
            guard let id = item.id else { throw StoreError.corruptRow(table: "incident_item", detail: "saving an item without an id") }
            item.id = nil
            let document = try StoredJSON.encode(item)
            try await connection.query(
                "UPDATE incident_item SET at = \(item.at.millisecondsSince1970), record = \(document) WHERE id = \(id)",
                logger: logger)
            return nil
        default:
            return nil
        }
    }

    func insertReturningId(_ query: PostgresQuery, connection: PostgresConnection) async throws -> Int64 {
        var id: Int64?
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { id = value }
        guard let id else { throw StoreError.corruptRow(table: "incident", detail: "an insert returned no id") }
        return id
    }
}
