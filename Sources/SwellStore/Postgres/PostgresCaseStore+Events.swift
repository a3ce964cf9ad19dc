import Foundation
import Logging
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func events(after seq: Int64, limit: Int) async throws -> [Event] {
        try await rows(
            """
            SELECT seq, at, type, complaintId, clusterId, incidentId, payload, hash
            FROM event WHERE seq > \(seq) ORDER BY seq LIMIT \(Int64(max(0, limit)))
            """
        ).map { row in
            let (seq, at, type, complaintId, clusterId, incidentId, payload, hash) = try row.decode(
                (Int64, Int64, String, Int64?, Int64?, Int64?, String, String).self)
            let draft = EventDraft(
                type: EventType(type), at: Date(millisecondsSince1970: at),
                complaintId: complaintId.map { ComplaintID($0) }, clusterId: clusterId.map { ClusterID($0) },
                incidentId: incidentId.map { IncidentID($0) }, payload: payload)
            return Event(seq: seq, draft: draft, hash: hash)
        }
    }

    public func lastEventSeq() async throws -> Int64 {
        try await rows("SELECT COALESCE(MAX(seq), 0) FROM event").first?.decode(Int64.self) ?? 0
    }

    public func apply(_ changes: [StoreChange], checkpoint: FollowerCheckpoint?) async throws -> [Event] {
        try await write { [self] connection, events in
            var appended: [Event] = []
            // Placements come by the thousand: consecutive ones go out as one statement, before any other change.
            var assignments = ClusterAssignments()
            var opened: IncidentID?
            for change in changes {
                if case .assignCluster(let complaint, let cluster) = change {
                    assignments.add(complaint, cluster)
                    continue
                }
                try await assignments.flush(on: connection, logger: logger)
                switch change {
                case .assignCluster:
                    break  // gathered above
                case .appendEvent(let draft):
                    appended.append(events.append(draft))
                case .reassignCluster(let from, let to):
                    try await connection.query(
                        "UPDATE complaint SET clusterId = \(to.rawValue) WHERE clusterId = \(from.rawValue)", logger: logger)
                    try await connection.query(
                        "UPDATE cluster SET mergedInto = \(to.rawValue) WHERE id = \(from.rawValue)", logger: logger)
                    try await connection.query(
                        "UPDATE mention SET clusterId = \(to.rawValue) WHERE clusterId = \(from.rawValue)", logger: logger)
                case .saveCluster(let snapshot):
                    let document = try StoredJSON.encode(snapshot)
                    try await connection.query(
                        """
                        INSERT INTO cluster (id, mergedInto, lastAt, level, snapshot)
                        VALUES (\(snapshot.id.rawValue), \(snapshot.mergedInto?.rawValue), \(snapshot.lastAt.millisecondsSince1970),
                                \(snapshot.level?.rawValue), \(document))
                        ON CONFLICT (id) DO UPDATE SET mergedInto = excluded.mergedInto, lastAt = excluded.lastAt,
                            level = excluded.level, snapshot = excluded.snapshot
                        """, logger: logger)
                case .raiseWarning(var warning, let at):
                    var id: Int64 = 1
                    for try await next in try await connection.query(
                        "SELECT COALESCE(MAX(id), 0) + 1 FROM warning", logger: logger
                    ).decode(Int64.self) { id = next }
                    warning.id = WarningID(id)
                    let document = try StoredJSON.encode(warning)
                    try await connection.query(
                        """
                        INSERT INTO warning (id, clusterId, raisedAt, record)
                        VALUES (\(id), \(warning.clusterId.rawValue), \(warning.raisedAt.millisecondsSince1970), \(document))
                        """, logger: logger)
                    appended.append(events.append(warning.eventDraft(at: at)))
                case .separateClusters(let a, let b):
                    try await connection.query(
                        """
                        INSERT INTO cluster_separation (low, high) VALUES (\(min(a, b).rawValue), \(max(a, b).rawValue))
                        ON CONFLICT DO NOTHING
                        """, logger: logger)
                case .handleWarning, .linkWarnings:
                    if let event = try await applyWarningChange(change, opened: opened, connection: connection, events: &events) {
                        appended.append(event)
                    }
                case .addChannel, .saveChannel, .addDelivery, .saveDelivery:
                    if let event = try await applyNotificationChange(change, connection: connection, events: &events) {
                        appended.append(event)
                    }
                case .matchMention, .correctMention:
                    try await applyMentionChange(change, connection: connection)
                case .erasePersonalData(let ids, let at):
                    try await erasePersonalData(ids, at: at, connection: connection)
                case .recordPlaybook(let version):
                    if let event = try await recordPlaybook(version, connection: connection, events: &events) { appended.append(event) }
                case .addMentionFeed, .saveMentionFeed, .recordMentionFeedPoll:
                    if let event = try await applyMentionFeedChange(change, connection: connection, events: &events) {
                        appended.append(event)
                    }
                case .saveCase(let complaintCase, let at, let drafts):
                    try await saveCase(complaintCase, at: at, connection: connection)
                    for draft in drafts { appended.append(events.append(draft)) }
                case .openIncident, .saveIncident, .addIncidentItem, .saveIncidentItem:
                    if let event = try await applyIncidentChange(change, connection: connection, events: &events) {
                        appended.append(event)
                        if case .openIncident = change { opened = event.draft.incidentId }
                    }
                }
            }
            try await assignments.flush(on: connection, logger: logger)
            if let checkpoint {
                if let from = checkpoint.from {
                    // Locks the row (when there is one) until commit, so two holders cannot both pass.
                    var found: Int64 = 0
                    for try await seq in try await connection.query(
                        "SELECT seq FROM follower_checkpoint WHERE follower = \(checkpoint.follower) FOR UPDATE", logger: logger
                    ).decode(Int64.self) { found = seq }
                    guard found == from else {
                        throw StoreError.checkpointMoved(follower: checkpoint.follower, expected: from, found: found)
                    }
                }
                try await connection.query(
                    """
                    INSERT INTO follower_checkpoint (follower, seq) VALUES (\(checkpoint.follower), \(checkpoint.seq))
                    ON CONFLICT (follower) DO UPDATE SET seq = excluded.seq
                    """, logger: logger)
            }
            return appended
        }
    }

    public func checkpoint(of follower: String) async throws -> Int64 {
        try await rows("SELECT seq FROM follower_checkpoint WHERE follower = \(follower)").first?.decode(Int64.self) ?? 0
    }
}

/// Complaint → cluster placements gathered from consecutive `assignCluster` changes and written with one
/// `UPDATE … FROM jsonb_to_recordset(…)` per 1,000; a complaint placed twice keeps its last placement.
private struct ClusterAssignments {
    private struct Row: Encodable {
        var id: Int64
        var clusterid: Int64?
    }
    private var rows: [Row] = []
    private var position: [Int64: Int] = [:]

    mutating func add(_ complaint: ComplaintID, _ cluster: ClusterID?) {
        if let index = position[complaint.rawValue] {
            rows[index].clusterid = cluster?.rawValue
        } else {
            position[complaint.rawValue] = rows.count
            rows.append(Row(id: complaint.rawValue, clusterid: cluster?.rawValue))
        }
    }

    mutating func flush(on connection: PostgresConnection, logger: Logger) async throws {
        guard !rows.isEmpty else { return }
        for chunk in rows.chunked(PostgresBulkRows.rowsPerStatement) {
            try await connection.query(
                PostgresBulkRows.query(
                    """
                    UPDATE complaint SET clusterId = placed.clusterid
                    FROM jsonb_to_recordset($1::jsonb) AS placed(id bigint, clusterid bigint)
                    WHERE complaint.id = placed.id
                    """, rows: Array(chunk)),
                logger: logger)
        }
        rows.removeAll(keepingCapacity: true)
        position.removeAll(keepingCapacity: true)
    }
}
