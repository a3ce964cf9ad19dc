extension Detector {
    /// Places one complaint: it joins the best-scoring cluster above the join threshold (merging
    /// any other cluster it bridges strongly) or starts a new one; then the warning policy runs
    /// on the cluster it joined. A complaint id seen before is answered with its current cluster
    /// and changes nothing.
    public mutating func place(_ input: DetectionInput) -> Placement {
        let time = input.receivedAt.timeIntervalSinceReferenceDate
        advanceClock(to: time)
        if let known = complaints[input.complaintId] {
            return Placement(
                complaintId: input.complaintId, clusterId: known.clusterId, similarity: 1, createdCluster: false,
                merges: [], warnings: [])
        }
        let e = evidence(for: input)
        var scored: [CandidateScore] = []
        let candidates = candidateClusters(for: e)
        for id in candidates {
            guard let slot = clusters.slot(of: id) else { continue }
            let candidate = score(e, at: time, slot: Int(slot))  // reads the cluster in place, no copy
            if isEligible(candidate) { scored.append(candidate) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.clusterId < $1.clusterId }

        var merges: [ClusterMerge] = []
        let clusterId: Int64
        let similarity: Double
        if let best = scored.first {
            var target = best.clusterId
            for other in scored.dropFirst() where best.score >= configuration.mergeThreshold && other.score >= configuration.mergeThreshold {
                guard merges.count < 2, let merge = bridge(target, other.clusterId) else { continue }
                merges.append(merge)
                target = merge.surviving
            }
            clusterId = target
            similarity = min(1, max(0, best.score))
        } else {
            clusterId = nextClusterId
            nextClusterId += 1
            similarity = 1
        }
        let created = !clusters.contains(clusterId)
        insert(input, evidence: e, into: clusterId, score: created ? 0 : similarity)
        // The second stage: fragments of the same incident among the clusters this complaint was compared with.
        let (joined, holder) = consolidate(clusterId, candidates: candidates)
        merges += joined
        let warnings = evaluateWarnings(cluster: holder, trigger: input.complaintId, at: time)
        sweepIfDue()
        return Placement(
            complaintId: input.complaintId, clusterId: holder, similarity: similarity, createdCluster: created && holder == clusterId,
            merges: merges, warnings: warnings)
    }

    /// Merges two clusters a complaint bridges, unless a person separated them or their
    /// entities disagree. The larger (then older) one survives.
    mutating func bridge(_ a: Int64, _ b: Int64) -> ClusterMerge? {
        guard a != b, !separated.contains(ClusterPair(a, b)), let left = clusters[a], let right = clusters[b],
            !EntityEvidence.clustersConflict(left, right)
        else { return nil }
        let aSurvives = left.memberCount != right.memberCount ? left.memberCount > right.memberCount : a < b
        let merge = aSurvives ? ClusterMerge(absorbed: b, surviving: a) : ClusterMerge(absorbed: a, surviving: b)
        mergeClusters(merge.absorbed, into: merge.surviving)
        return merge
    }

    /// Stores a complaint and adds it to every index and to `clusterId` (opened if new).
    mutating func insert(_ input: DetectionInput, evidence e: ComplaintEvidence, into clusterId: Int64, score: Double) {
        arrivalSequence += 1
        let record = record(for: input, evidence: e, clusterId: clusterId)
        for feature in record.features { documentFrequency.add(feature, 1) }
        complaints[record.id] = record
        if let slot = complaints.slot(of: record.id) {
            let sequence = UInt32(truncatingIfNeeded: arrivalSequence)
            complaints.setLinks(slot, e.bandKeys.map { BandLink(key: $0, previous: bandHeads.slot($0) ?? -1, sequence: sequence) })
            for key in e.bandKeys { bandHeads.setSlot(key, slot) }
        }
        arrivals.append(record.id)
        if Self.isKnownComplainant(record.complainant) { latestByComplainant[record.complainant] = record.id }
        if !clusters.contains(clusterId) { openCluster(clusterId, for: record, text: input.text) }
        addMember(record, to: clusterId, spans: (e.normalized, e.features), text: input.text, score: score)
        for entity in record.entities where EntityEvidence.isIndexed(entity.kind) { post(clusterId, under: entity.key) }
    }
}
