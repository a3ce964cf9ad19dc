import Foundation

/// Two clusters compared as wholes: the second stage that joins fragments of one incident. A complaint is
/// compared with clusters one at a time and may start a new cluster when its wording is far from each; once both
/// pieces have grown, their centroids and their shared entities show they are one incident.
struct ClusterComparison: Equatable {
    /// Cosine of the two centroids (idf-weighted, each feature by the square root of the share of members holding it).
    var text: Double
    /// Both name the same specific entity (a date, product, flight, plate or venue) among their dominant ones.
    var sharedEntity: Bool
    /// Hours between the two clusters' spans (0 when they overlap).
    var gapHours: Double
}

extension Detector {
    /// Whether a cluster of `members` members is due a look for fragments: at 2, 3, 5, 8, 13, 21, … members, so
    /// each cluster is compared O(log n) times over its life.
    static func consolidationDue(members: Int) -> Bool {
        var a = 2
        var b = 3
        if members == 2 { return true }
        while b <= members {
            if b == members { return true }
            (a, b) = (b, a + b)
        }
        return false
    }

    /// After a complaint joined `target`: other clusters among `candidates` (those the complaint was scored against)
    /// that are fragments of the same incident join it — the larger (then older) one surviving, as every merge.
    /// Never across a person's separation or a conflicting entity (see ``bridge(_:_:)``). Answers the merges and the
    /// cluster that holds the complaint afterwards.
    mutating func consolidate(_ target: Int64, candidates: [Int64]) -> (merges: [ClusterMerge], surviving: Int64) {
        guard configuration.fragmentJoin, let cluster = clusters[target], Self.consolidationDue(members: cluster.memberCount) else {
            return ([], target)
        }
        var current = target
        var merges: [ClusterMerge] = []
        for other in candidates where other != current && merges.count < 2 {
            // A lone complaint is as likely one person's own problem as a piece of the incident: only groups join.
            guard (clusters[other]?.memberCount ?? 0) >= 2, let comparison = compareClusters(current, other), comparison.gapHours <= configuration.fragmentGapHours,
                comparison.text >= configuration.fragmentTextAlone
                    || (comparison.sharedEntity && comparison.text >= configuration.fragmentTextWithEntity),
                let merge = bridge(current, other)
            else { continue }
            merges.append(merge)
            current = merge.surviving
        }
        return (merges, current)
    }

    /// Compares two live clusters as wholes; nil when either is gone.
    func compareClusters(_ a: Int64, _ b: Int64) -> ClusterComparison? {
        guard let left = clusters[a], let right = clusters[b] else { return nil }
        let gap = max(0, max(left.firstAt, right.firstAt) - min(left.lastAt, right.lastAt)) / 3600
        return ClusterComparison(text: centroidCosine(left, right), sharedEntity: sharesDominantEntity(left, right), gapHours: gap)
    }

    /// The centroid of a cluster as (feature, share weight) pairs: each feature by the square root of the share of
    /// members holding it; a one-member cluster's complaint features at full weight.
    private func centroid(_ cluster: ClusterState) -> [UInt32: Double] {
        var vector: [UInt32: Double] = [:]
        if cluster.memberCount == 1 {
            for feature in complaints[cluster.members[0]]?.features ?? [] { vector[feature] = 1 }
        } else {
            let members = Double(cluster.memberCount)
            cluster.termCounts.forEach { feature, count in vector[feature] = Self.shareWeight(Double(count) / members) }
        }
        return vector
    }

    func centroidCosine(_ a: ClusterState, _ b: ClusterState) -> Double {
        let left = centroid(a)
        let right = centroid(b)
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        var dot = 0.0
        for (feature, weight) in small {
            guard let other = large[feature] else { continue }
            let w = idf(feature)
            dot += w * w * weight * other
        }
        func norm(_ vector: [UInt32: Double]) -> Double {
            vector.reduce(0.0) { sum, entry in
                let w = idf(entry.key)
                return sum + w * w * entry.value * entry.value
            }.squareRoot()
        }
        let denominator = norm(left) * norm(right)
        return denominator > 0 ? min(1, dot / denominator) : 0
    }

    /// Whether the two clusters name one specific entity among their dominant ones (held by at least a fifth of
    /// the members, or the one member).
    func sharesDominantEntity(_ a: ClusterState, _ b: ClusterState) -> Bool {
        func dominant(_ cluster: ClusterState) -> Set<Entity> {
            Set(cluster.entities.filter {
                EntityEvidence.conflictWeight($0.entity.kind) > 0
                    && Double($0.count) >= max(1, EntityEvidence.conflictSupport * Double(cluster.memberCount))
            }.map(\.entity))
        }
        return !dominant(a).isDisjoint(with: dominant(b))
    }
}
