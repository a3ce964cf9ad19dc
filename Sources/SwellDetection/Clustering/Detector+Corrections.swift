extension Detector {
    /// A person moves a complaint to another cluster. The two clusters are kept apart from then on,
    /// so the engine never pulls it back. Returns the
    /// warnings the move raises on the target.
    @discardableResult
    public mutating func move(complaint: Int64, to cluster: Int64) throws(DetectionError) -> [WarningDecision] {
        guard var record = complaints[complaint] else { throw .unknownComplaint(complaint) }
        guard clusters.contains(cluster) else { throw .unknownCluster(cluster) }
        let source = record.clusterId
        guard source != cluster else { return [] }
        removeMember(record, from: source)
        record.clusterId = cluster
        complaints[complaint] = record
        addMember(record, to: cluster, spans: nil, text: nil, score: 0)
        if clusters.contains(source) { separated.insert(ClusterPair(source, cluster)) }
        return evaluateWarnings(cluster: cluster, trigger: complaint, at: clusters[cluster]?.lastAt ?? record.time)
    }

    /// A person splits `complaints` out of `cluster` into a new cluster, whose id is returned.
    /// The two are never merged again automatically.
    @discardableResult
    public mutating func split(cluster: Int64, complaints ids: [Int64]) throws(DetectionError) -> Int64 {
        guard let state = clusters[cluster] else { throw .unknownCluster(cluster) }
        let moving = Array(Set(ids)).sorted()
        for id in moving where complaints[id]?.clusterId != cluster {
            if complaints[id] == nil { throw .unknownComplaint(id) }
            throw .complaintNotInCluster(complaint: id, cluster: cluster)
        }
        guard !moving.isEmpty, moving.count < state.memberCount else { throw .splitWouldEmptyCluster(cluster) }
        let newId = nextClusterId
        nextClusterId += 1
        for id in moving {
            guard var record = complaints[id] else { continue }
            removeMember(record, from: cluster)
            record.clusterId = newId
            complaints[id] = record
            if !clusters.contains(newId) { openCluster(newId, for: record, text: "") }
            addMember(record, to: newId, spans: nil, text: nil, score: 0)
        }
        if var created = clusters[newId] {
            // Pick up the old cluster's text for a member when that member was its representative or latest.
            if moving.contains(state.representativeId) {
                created.representativeId = state.representativeId
                created.representativeText = state.representativeText
            } else if moving.contains(state.latestId) {
                created.representativeId = state.latestId
                created.representativeText = state.latestText
            }
            clusters[newId] = created
            for tally in created.entities where EntityEvidence.isIndexed(tally.entity.kind) { post(newId, under: tally.entity.key) }
        }
        separated.insert(ClusterPair(cluster, newId))
        return newId
    }

    /// A person merges `absorbed` into `surviving`; any earlier separation of the two is lifted.
    /// Returns the warnings the merge raises or escalates on the surviving cluster.
    @discardableResult
    public mutating func merge(_ absorbed: Int64, into surviving: Int64) throws(DetectionError) -> [WarningDecision] {
        guard absorbed != surviving else { throw .sameCluster(absorbed) }
        guard clusters.contains(absorbed) else { throw .unknownCluster(absorbed) }
        guard let target = clusters[surviving] else { throw .unknownCluster(surviving) }
        separated.remove(ClusterPair(absorbed, surviving))
        mergeClusters(absorbed, into: surviving)
        let trigger = clusters[surviving]?.latestId ?? target.latestId
        return evaluateWarnings(cluster: surviving, trigger: trigger, at: clusters[surviving]?.lastAt ?? target.lastAt)
    }
}
