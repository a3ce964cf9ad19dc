extension Detector {
    /// Clusters worth scoring for a complaint: those of recent complaints sharing an LSH bucket,
    /// recent clusters naming one of its entities, and the cluster of the complainant's own newest complaint.
    /// Bounded by the configuration, whatever the size of the window. Ordered by votes, then newest first.
    func candidateClusters(for e: ComplaintEvidence) -> [Int64] {
        if configuration.candidateSearch == .exhaustive { return clusters.ids.sorted() }
        var ballots: [Int64] = []  // one entry per vote; an entity vote counts twice
        ballots.reserveCapacity(e.bandKeys.count * configuration.bucketDepth + e.entities.count * 2 * configuration.bucketDepth)
        func vote(_ id: Int64, _ weight: Int) {
            ballots.append(id)
            if weight > 1 { ballots.append(id) }
        }
        let depth = configuration.bucketDepth
        for (band, key) in e.bandKeys.enumerated() {
            var slot = bandHeads.slot(key) ?? -1
            var newer = UInt32.max
            var steps = 0
            // Walk the bucket newest to oldest; a reused or re-keyed slot ends the walk.
            while slot >= 0, steps < depth, Int(slot) < complaints.records.count {
                let link = complaints.link(slot, band)
                guard link.key == key, link.sequence < newer else { break }
                vote(complaints.records[Int(slot)].clusterId, 1)
                newer = link.sequence
                slot = link.previous
                steps += 1
            }
        }
        for entity in e.entities where EntityEvidence.isIndexed(entity.kind) {
            guard let posting = entityPostings[entity.key] else { continue }
            for id in posting.reversed().prefix(depth) where clusters.contains(id) { vote(id, 2) }
        }
        if let complainant = e.knownComplainant, let earlier = latestByComplainant[complainant], let record = complaints[earlier] {
            vote(record.clusterId, 2)
        }
        ballots.sort()
        var votes: [(id: Int64, votes: Int)] = []
        for id in ballots {
            if votes.last?.id == id { votes[votes.count - 1].votes += 1 } else { votes.append((id, 1)) }
        }
        votes.sort { $0.votes != $1.votes ? $0.votes > $1.votes : $0.id > $1.id }
        return votes.prefix(configuration.maximumCandidates).map(\.id)
    }
}
