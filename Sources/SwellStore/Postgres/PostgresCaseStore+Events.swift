import Foundation
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
            for change in changes {
                switch change {
                case .appendEvent(let draft):
                    appended.append(events.append(draft))
                case .assignCluster(let complaint, let cluster):
                    try await connection.query(
                        "UPDATE complaint SET clusterId = \(cluster?.rawValue) WHERE id = \(complaint.rawValue)",
                        logger: logger)
                case .reassignCluster(let from, let to):
                    try await connection.query(
                        "UPDATE complaint SET clusterId = \(to.rawValue) WHERE clusterId = \(from.rawValue)", logger: logger)
                    try await connection.query(
                        "UPDATE cluster SET mergedInto = \(to.rawValue) WHERE id = \(from.rawValue)", logger: logger)
                case .saveCluster(let snapshot):
                    let document = try StoredJSON.encode(snapshot)
                    try await connection.query(
                        """
                        INSERT INTO cluster (id, mergedInto, lastAt, level, snapshot)
                        VALUES (\(snapshot.id.rawValue), \(snapshot.mergedInto?.rawValue), \(snapshot.lastAt.millisecondsSince1970),
                                \(snapshot.level), \(document))
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
                case .openIncident, .saveIncident, .addIncidentItem, .saveIncidentItem:
                    if let event = try await applyIncidentChange(change, connection: connection, events: &events) {
                        appended.append(event)
                    }
                }
            }
            if let checkpoint {
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
