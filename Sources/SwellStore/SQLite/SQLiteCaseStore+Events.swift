import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func events(after seq: Int64, limit: Int) async throws -> [Event] {
        try await read { db in
            // A cursor reads each value from SQLite in place (no row copied first), by position in the order selected:
            // every follower and feed socket reads the log through here, and looking each column up by name
            // (case-insensitively) cost more than the rest of the decoding.
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT seq, at, type, complaintId, clusterId, incidentId, payload, hash
                    FROM event WHERE seq > ? ORDER BY seq LIMIT ?
                    """), arguments: [seq, limit])
            var events: [Event] = []
            events.reserveCapacity(min(limit, 4_096))
            while let row = try rows.next() {
                let complaintId: Int64? = row[3]
                let clusterId: Int64? = row[4]
                let incidentId: Int64? = row[5]
                let draft = EventDraft(
                    type: EventType(row[2] as String), at: Date(millisecondsSince1970: row[1] as Int64),
                    complaintId: complaintId.map { ComplaintID($0) }, clusterId: clusterId.map { ClusterID($0) },
                    incidentId: incidentId.map { IncidentID($0) }, payload: row[6] as String)
                events.append(Event(seq: row[0] as Int64, draft: draft, hash: row[7] as String))
            }
            return events
        }
    }

    public func lastEventSeq() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM event") ?? 0 }
    }

    public func apply(_ changes: [StoreChange], checkpoint: FollowerCheckpoint?) async throws -> [Event] {
        try await write { db, events in
            var appended: [Event] = []
            var opened: IncidentID?
            for change in changes {
                switch change {
                case .appendEvent(let draft):
                    appended.append(try events.append(draft))
                case .assignCluster(let complaint, let cluster):
                    try db.cachedStatement(sql: "UPDATE complaint SET clusterId = ? WHERE id = ?")
                        .execute(arguments: [cluster?.rawValue, complaint.rawValue])
                case .reassignCluster(let from, let to):
                    try db.execute(
                        sql: "UPDATE complaint SET clusterId = ? WHERE clusterId = ?", arguments: [to.rawValue, from.rawValue])
                    try db.execute(sql: "UPDATE cluster SET mergedInto = ? WHERE id = ?", arguments: [to.rawValue, from.rawValue])
                    try db.execute(
                        sql: "UPDATE mention SET clusterId = ? WHERE clusterId = ?", arguments: [to.rawValue, from.rawValue])
                case .saveCluster(let snapshot):
                    try db.cachedStatement(sql: """
                        INSERT INTO cluster (id, mergedInto, lastAt, level, snapshot) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET mergedInto = excluded.mergedInto, lastAt = excluded.lastAt,
                            level = excluded.level, snapshot = excluded.snapshot
                        """).execute(arguments: [
                            snapshot.id.rawValue, snapshot.mergedInto?.rawValue, snapshot.lastAt.millisecondsSince1970,
                            snapshot.level?.rawValue, try StoredJSON.encode(snapshot),
                        ])
                case .raiseWarning(var warning, let at):
                    let id = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM warning") ?? 0) + 1
                    warning.id = WarningID(id)
                    try db.execute(
                        sql: "INSERT INTO warning (id, clusterId, raisedAt, record) VALUES (?, ?, ?, ?)",
                        arguments: [id, warning.clusterId.rawValue, warning.raisedAt.millisecondsSince1970, try StoredJSON.encode(warning)])
                    appended.append(try events.append(warning.eventDraft(at: at)))
                case .separateClusters(let a, let b):
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO cluster_separation (low, high) VALUES (?, ?)",
                        arguments: [min(a, b).rawValue, max(a, b).rawValue])
                case .handleWarning, .linkWarnings:
                    if let event = try Self.applyWarningChange(change, opened: opened, db: db, events: &events) {
                        appended.append(event)
                    }
                case .addChannel, .saveChannel, .addDelivery, .saveDelivery:
                    if let event = try Self.applyNotificationChange(change, db: db, events: &events) {
                        appended.append(event)
                    }
                case .matchMention, .correctMention:
                    try Self.applyMentionChange(change, db: db)
                case .erasePersonalData(let ids, let at):
                    try Self.erasePersonalData(ids, at: at, db: db)
                case .recordPlaybook(let version):
                    if let event = try Self.recordPlaybook(version, db: db, events: &events) { appended.append(event) }
                case .addMentionFeed, .saveMentionFeed, .recordMentionFeedPoll:
                    if let event = try Self.applyMentionFeedChange(change, db: db, events: &events) { appended.append(event) }
                case .saveCase(let complaintCase, let at, let drafts):
                    try Self.saveCase(complaintCase, at: at, db: db)
                    for draft in drafts { appended.append(try events.append(draft)) }
                case .openIncident, .saveIncident, .addIncidentItem, .saveIncidentItem:
                    if let event = try Self.applyIncidentChange(change, db: db, events: &events) {
                        appended.append(event)
                        if case .openIncident = change { opened = event.draft.incidentId }
                    }
                }
            }
            if let checkpoint {
                if let from = checkpoint.from {
                    let found = try Int64.fetchOne(
                        db, sql: "SELECT seq FROM follower_checkpoint WHERE follower = ?", arguments: [checkpoint.follower]) ?? 0
                    guard found == from else {
                        throw StoreError.checkpointMoved(follower: checkpoint.follower, expected: from, found: found)
                    }
                }
                try db.execute(
                    sql: """
                        INSERT INTO follower_checkpoint (follower, seq) VALUES (?, ?)
                        ON CONFLICT(follower) DO UPDATE SET seq = excluded.seq
                        """, arguments: [checkpoint.follower, checkpoint.seq])
            }
            return appended
        }
    }

    public func checkpoint(of follower: String) async throws -> Int64 {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT seq FROM follower_checkpoint WHERE follower = ?", arguments: [follower]) ?? 0
        }
    }
}
