import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func clusters(limit: Int, includeMerged: Bool) async throws -> [ClusterSnapshot] {
        try await read { db in
            let filter = includeMerged ? "" : "WHERE mergedInto IS NULL"
            return try Row.fetchAll(
                db, sql: "SELECT snapshot, mergedInto FROM cluster \(filter) ORDER BY lastAt DESC, id DESC LIMIT ?",
                arguments: [limit]
            ).map(Self.decodeCluster)
        }
    }

    public func cluster(_ id: ClusterID) async throws -> ClusterSnapshot? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT snapshot, mergedInto FROM cluster WHERE id = ?", arguments: [id.rawValue])
                .map(Self.decodeCluster)
        }
    }

    /// The snapshot, with `mergedInto` from its column (a merge updates the column, not the document).
    static func decodeCluster(_ row: Row) throws -> ClusterSnapshot {
        var snapshot = try StoredJSON.decode(ClusterSnapshot.self, from: row["snapshot"], table: "cluster")
        let mergedInto: Int64? = row["mergedInto"]
        snapshot.mergedInto = mergedInto.map { ClusterID($0) }
        return snapshot
    }

    public func clusterDailyCounts(_ id: ClusterID) async throws -> [DailyCount] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT receivedAt / 86400000 AS day, COUNT(*) AS n FROM complaint WHERE clusterId = ?
                    GROUP BY day ORDER BY day
                    """, arguments: [id.rawValue]
            ).map { row in
                let day = Date(millisecondsSince1970: (row["day"] as Int64) * 86_400_000)
                return DailyCount(day: String(RFC3339.format(day).prefix(10)), count: row["n"])
            }
        }
    }

    public func hourlyComplaintCounts(hours: Int) async throws -> [HourlyCount] {
        try await read { db in
            guard let newest = try Int64.fetchOne(db, sql: "SELECT MAX(receivedAt) FROM complaint") else { return [] }
            let (first, last) = HourlySeries.window(endingWith: newest, hours: hours)
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT receivedAt / 3600000 AS hour, COUNT(*) AS n FROM complaint WHERE receivedAt >= ? GROUP BY hour",
                arguments: [first * HourlySeries.millisecondsPerHour])
            {
                counts[row["hour"]] = row["n"]
            }
            return HourlySeries.dense(counts, first: first, last: last)
        }
    }

    public func clusterSeparations() async throws -> [(ClusterID, ClusterID)] {
        let pairs = try await read { db in
            try Row.fetchAll(db, sql: "SELECT low, high FROM cluster_separation").map { row in
                (row["low"] as Int64, row["high"] as Int64)
            }
        }
        return pairs.map { (ClusterID($0.0), ClusterID($0.1)) }
    }

    public func placedComplaints(receivedFrom: Date, afterId: ComplaintID, limit: Int) async throws -> [Complaint] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT \(ComplaintColumns.list) FROM complaint
                    WHERE id > ? AND clusterId IS NOT NULL AND receivedAt >= ? ORDER BY id LIMIT ?
                    """, arguments: [afterId.rawValue, receivedFrom.millisecondsSince1970, limit]
            ).map(ComplaintColumns.decode)
        }
    }

    public func lastClusterId() async throws -> ClusterID? {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM cluster").map { ClusterID($0) } }
    }

    public func latestPlacedReceivedAt() async throws -> Date? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(receivedAt) FROM complaint WHERE clusterId IS NOT NULL")
                .map { Date(millisecondsSince1970: $0) }
        }
    }
}
