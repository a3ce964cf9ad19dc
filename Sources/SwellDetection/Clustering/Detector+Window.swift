extension Detector {
    /// Moves event time forward to `time` (never back) and evicts complaints older than the window.
    mutating func advanceClock(to time: Double) {
        if time > newestTime { newestTime = time }
        let cutoff = newestTime - configuration.window
        while arrivalHead < arrivals.count {
            let id = arrivals[arrivalHead]
            if let record = complaints[id] {
                guard record.time < cutoff else { break }
                evict(record)
            }
            arrivalHead += 1
        }
        if arrivalHead > 4096, arrivalHead * 2 > arrivals.count {
            arrivals.removeFirst(arrivalHead)
            arrivalHead = 0
        }
    }

    /// Removes a complaint from the window and every index.
    mutating func evict(_ record: ComplaintRecord) {
        if let slot = complaints.slot(of: record.id) {
            for band in 0..<complaints.bands {
                let key = complaints.link(slot, band).key
                if bandHeads.slot(key) == slot { bandHeads.setSlot(key, nil) }
            }
        }
        complaints[record.id] = nil
        if latestByComplainant[record.complainant] == record.id { latestByComplainant[record.complainant] = nil }
        for feature in record.features where documentFrequency[feature] > 0 { documentFrequency.add(feature, -1) }
        removeMember(record, from: record.clusterId)
    }

    /// Every few thousand placements, drops entity postings whose clusters are all gone and
    /// separations of clusters that no longer exist, so memory follows the window.
    mutating func sweepIfDue() {
        placementsSinceSweep += 1
        guard placementsSinceSweep >= 4096 else { return }
        placementsSinceSweep = 0
        var stale: [EntityKey] = []
        for (key, posting) in entityPostings where !posting.contains(where: { clusters.contains($0) }) { stale.append(key) }
        for key in stale { entityPostings[key] = nil }
        separated = separated.filter { clusters.contains($0.low) && clusters.contains($0.high) }
    }
}
