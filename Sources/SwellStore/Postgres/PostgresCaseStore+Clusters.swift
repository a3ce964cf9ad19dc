import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func clusters(limit: Int, includeMerged: Bool) async throws -> [ClusterSnapshot] {
        let rows: [PostgresRow]
        if includeMerged {
            rows = try await self.rows(
                "SELECT snapshot, mergedInto FROM cluster ORDER BY lastAt DESC, id DESC LIMIT \(Int64(limit))")
        } else {
            rows = try await self.rows(
                "SELECT snapshot, mergedInto FROM cluster WHERE mergedInto IS NULL ORDER BY lastAt DESC, id DESC LIMIT \(Int64(limit))")
        }
        return try rows.map(Self.decodeCluster)
    }

    public func cluster(_ id: ClusterID) async throws -> ClusterSnapshot? {
        try await rows("SELECT snapshot, mergedInto FROM cluster WHERE id = \(id.rawValue)").first.map(Self.decodeCluster)
    }

    /// The snapshot, with `mergedInto` from its column (a merge updates the column, not the document).
    static func decodeCluster(_ row: PostgresRow) throws -> ClusterSnapshot {
        let (document, mergedInto) = try row.decode((String, Int64?).self)
        var snapshot = try StoredJSON.decode(ClusterSnapshot.self, from: document, table: "cluster")
        snapshot.mergedInto = mergedInto.map { ClusterID($0) }
        return snapshot
    }

    public func clusterDailyCounts(_ id: ClusterID) async throws -> [DailyCount] {
        try await rows(
            """
            SELECT receivedAt / 86400000 AS day, COUNT(*) FROM complaint WHERE clusterId = \(id.rawValue)
            GROUP BY day ORDER BY day
            """
        ).map { row in
            let (day, count) = try row.decode((Int64, Int64).self)
            let date = Date(millisecondsSince1970: day * 86_400_000)
            return DailyCount(day: String(RFC3339.format(date).prefix(10)), count: Int(count))
        }
    }

    public func hourlyComplaintCounts(hours: Int) async throws -> [HourlyCount] {
        guard let newest = try await rows("SELECT MAX(receivedAt) FROM complaint").first?.decode(Int64?.self) else { return [] }
        let (first, last) = HourlySeries.window(endingWith: newest, hours: hours)
        let from = first * HourlySeries.millisecondsPerHour
        var counts: [Int64: Int] = [:]
        for row in try await rows(
            "SELECT receivedAt / 3600000 AS hour, COUNT(*) FROM complaint WHERE receivedAt >= \(from) GROUP BY hour")
        {
            let (hour, count) = try row.decode((Int64, Int64).self)
            counts[hour] = Int(count)
        }
        return HourlySeries.dense(counts, first: first, last: last)
    }

    public func clusterSeparations() async throws -> [(ClusterID, ClusterID)] {
        try await rows("SELECT low, high FROM cluster_separation").map { row in
            let (low, high) = try row.decode((Int64, Int64).self)
            return (ClusterID(low), ClusterID(high))
        }
    }

    public func placedComplaints(receivedFrom: Date, afterId: ComplaintID, limit: Int) async throws -> [Complaint] {
        try await rows(
            """
            SELECT \(unescaped: ComplaintColumns.list) FROM complaint
            WHERE id > \(afterId.rawValue) AND clusterId IS NOT NULL AND receivedAt >= \(receivedFrom.millisecondsSince1970)
            ORDER BY id LIMIT \(Int64(limit))
            """
        ).map(PostgresComplaintRow.decode)
    }

    public func lastClusterId() async throws -> ClusterID? {
        try await rows("SELECT MAX(id) FROM cluster").first?.decode(Int64?.self).map { ClusterID($0) }
    }

    public func latestPlacedReceivedAt() async throws -> Date? {
        try await rows("SELECT MAX(receivedAt) FROM complaint WHERE clusterId IS NOT NULL").first?
            .decode(Int64?.self).map { Date(millisecondsSince1970: $0) }
    }
}
