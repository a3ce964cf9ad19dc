/// Estimated bytes held by a detector.
public struct MemoryEstimate: Sendable, Equatable {
    /// Indexes and cluster state: everything but the stored preview texts.
    public var index: Int
    /// Representative and latest texts kept for cluster summaries.
    public var texts: Int
    public var total: Int { index + texts }
}

extension Detector {
    /// Estimated bytes held by the detector's indexes and cluster state (array and table
    /// capacities times their element sizes, plus heap headers and out-of-line strings). For
    /// benchmarks: it walks everything, so it costs O(window).
    public var estimatedMemoryBytes: Int { estimatedMemory.total }

    /// ``estimatedMemoryBytes`` split into index state and stored texts.
    public var estimatedMemory: MemoryEstimate {
        var texts = 0
        let header = 32
        func text(_ s: String) -> Int { s.utf8.count > 15 ? s.utf8.count + header : 0 }
        func dictionary(_ count: Int, entry: Int) -> Int { count == 0 ? 0 : count * (entry + 1) * 4 / 3 + header }
        var bytes = complaints.records.capacity * MemoryLayout<ComplaintRecord>.stride
        bytes += complaints.links.capacity * MemoryLayout<BandLink>.stride
        bytes += dictionary(complaints.count, entry: 12)
        for record in complaints.records where record.id != ComplaintStore.vacant {
            bytes += header + record.features.capacity * 4
            if !record.entities.isEmpty {
                bytes += header + record.entities.capacity * MemoryLayout<Entity>.stride
                for entity in record.entities { bytes += text(entity.value) }
            }
        }
        bytes += clusters.records.capacity * MemoryLayout<ClusterState>.stride + dictionary(clusters.count, entry: 12)
        for cluster in clusters.records where cluster.id != .min {
            bytes += header + cluster.members.capacity * 8 + cluster.termCounts.bytes
            bytes += dictionary(cluster.sharedTermText.count, entry: 20) + cluster.sharedTermText.values.reduce(0) { $0 + text($1) }
            bytes += dictionary(cluster.complainants.count, entry: 12)
            if !cluster.entities.isEmpty { bytes += header + cluster.entities.capacity * MemoryLayout<EntityTally>.stride }
            if !cluster.signalCounts.isEmpty { bytes += header + cluster.signalCounts.capacity * 4 }
            texts += text(cluster.representativeText)
            if cluster.latestId != cluster.representativeId { texts += text(cluster.latestText) }
        }
        bytes += documentFrequency.bytes + bandHeads.bytes
        bytes += dictionary(entityPostings.count, entry: 16) + entityPostings.values.reduce(0) { $0 + header + $1.capacity * 8 }
        bytes += arrivals.capacity * 8 + dictionary(latestByComplainant.count, entry: 16)
        return MemoryEstimate(index: bytes, texts: texts)
    }
}
