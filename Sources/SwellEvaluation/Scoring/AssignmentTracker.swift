import SwellDetection

/// Follows a detector's decisions from outside: which cluster each complaint ends in (merges
/// relabel every member, evictions change nothing), and every warning with its time.
public struct AssignmentTracker: Sendable {
    /// Complaint → final cluster.
    public private(set) var clusterOf: [Int64: Int64] = [:]
    private var members: [Int64: [Int64]] = [:]
    /// Absorbed cluster → the cluster that absorbed it.
    public private(set) var mergedInto: [Int64: Int64] = [:]
    public private(set) var warnings: [WarningDecision] = []
    public private(set) var mergeCount = 0

    public init() {}

    public mutating func record(_ placement: Placement) {
        for merge in placement.merges {
            mergeCount += 1
            mergedInto[merge.absorbed] = merge.surviving
            let moved = members.removeValue(forKey: merge.absorbed) ?? []
            for id in moved { clusterOf[id] = merge.surviving }
            members[merge.surviving, default: []].append(contentsOf: moved)
        }
        clusterOf[placement.complaintId] = placement.clusterId
        members[placement.clusterId, default: []].append(placement.complaintId)
        warnings.append(contentsOf: placement.warnings)
    }

    /// The cluster `id` became after all merges.
    public func finalCluster(_ id: Int64) -> Int64 {
        var current = id
        var steps = 0
        while let next = mergedInto[current], steps < 10_000 {
            current = next
            steps += 1
        }
        return current
    }

    /// Final clusters and their member ids.
    public var clusters: [Int64: [Int64]] { members }
}
