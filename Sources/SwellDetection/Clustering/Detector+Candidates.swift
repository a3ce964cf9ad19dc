extension Detector {
    /// Clusters worth scoring for a complaint: those of recent complaints sharing an LSH bucket,
    /// and recent clusters naming one of its entities. Bounded by the configuration, whatever
    /// the size of the window. Ordered by votes, then newest first.
    func candidateClusters(for e: ComplaintEvidence) -> [Int64] {
        if configuration.candidateSearch == .exhaustive { return clusters.keys.sorted() }
        var votes: [(id: Int64, votes: Int)] = []
        func vote(_ id: Int64, _ weight: Int) {
            if let index = votes.firstIndex(where: { $0.id == id }) {
                votes[index].votes += weight
            } else {
                votes.append((id, weight))
            }
        }
        let depth = configuration.bucketDepth
        for (band, key) in e.bandKeys.enumerated() {
            var current = bandHeads[key]
            var steps = 0
            while let id = current, steps < depth, let record = complaints[id] {
                vote(record.clusterId, 1)
                current = band < record.previousInBand.count ? record.previousInBand[band] : nil
                if current == Self.noComplaint { current = nil }
                steps += 1
            }
        }
        for entity in e.entities where EntityEvidence.isIndexed(entity.kind) {
            guard let posting = entityPostings[entity.key] else { continue }
            for id in posting.reversed().prefix(depth) where clusters[id] != nil { vote(id, 2) }
        }
        votes.sort { $0.votes != $1.votes ? $0.votes > $1.votes : $0.id > $1.id }
        return votes.prefix(configuration.maximumCandidates).map(\.id)
    }

    /// Marks the end of an LSH chain.
    static let noComplaint: Int64 = .min
}
