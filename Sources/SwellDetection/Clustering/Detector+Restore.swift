import SwellCore

extension Detector {
    /// Rebuilds state after a restart without re-deciding: puts a stored complaint back into
    /// its known cluster. No warnings are evaluated; the cluster id counter continues after the
    /// highest id seen. Complaints already outside the window are skipped.
    public mutating func restore(_ input: DetectionInput, cluster: Int64) {
        nextClusterId = max(nextClusterId, cluster + 1)
        let time = input.receivedAt.timeIntervalSinceReferenceDate
        advanceClock(to: time)
        guard complaints[input.complaintId] == nil, time >= newestTime - configuration.window else { return }
        let e = evidence(for: input)
        insert(input, evidence: e, into: cluster, score: 0)
    }

    /// Restores a cluster's current warning level (after its complaints were restored, or
    /// before: the level then waits for the cluster).
    public mutating func restoreWarningLevel(cluster: Int64, level: WarningLevel) {
        if clusters.contains(cluster) {
            clusters[cluster]?.level = level
        } else {
            pendingLevels[cluster] = level
        }
    }

    /// Restores a separation a person made (split or move), so it survives a restart.
    public mutating func restoreSeparation(_ a: Int64, _ b: Int64) {
        if a != b { separated.insert(ClusterPair(a, b)) }
    }
}
