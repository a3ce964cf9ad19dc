import SwellCore

extension Detector {
    /// Texts kept for summaries are cut to this many characters (a preview; the store keeps the rest).
    static let storedTextLimit = 100

    /// The first `storedTextLimit` scalars of a text (scalars, not grapheme clusters: cheaper), copied as one slice
    /// of its UTF-8 rather than scalar by scalar.
    static func preview(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: storedTextLimit, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return end == scalars.endIndex ? text : String(scalars[..<end])
    }

    /// Opens an empty-of-evidence cluster for its first member.
    mutating func openCluster(_ id: Int64, for record: ComplaintRecord, text: String) {
        let stored = Self.preview(text)
        clusters[id] = ClusterState(
            id: id, members: [], firstAt: record.time, lastAt: record.time, level: pendingLevels.removeValue(forKey: id),
            representativeId: record.id, representativeText: stored, representativeScore: 0, latestId: record.id,
            latestText: stored)
    }

    /// Adds a complaint to a cluster's counts. `spans` gives the text of its features (absent
    /// when a person moves a stored complaint); `text` updates the latest/representative text.
    mutating func addMember(
        _ record: ComplaintRecord, to id: Int64, spans: (NormalizedText, [Feature])?, text: String?, score: Double
    ) {
        guard var cluster = clusters.take(id) else { return }
        if cluster.members.count == 1, let first = complaints[cluster.members[0]], first.id != record.id {
            for feature in first.features { cluster.termCounts.add(feature, 1) }
            cluster.conceptSquares = Int64(first.features.filter(ConceptLexicon.isConcept).count)
            cluster.complainants[first.complainant] = 1
        }
        cluster.members.append(record.id)
        if cluster.members.count >= 2 {
            cluster.complainants[record.complainant, default: 0] += 1
            var spanIndex = 0
            var personal: [Range<Int>]?  // worked out only when a term's text is about to be kept
            for feature in record.features {
                let count = cluster.termCounts.add(feature, 1)
                if ConceptLexicon.isConcept(feature) { cluster.conceptSquares += 2 * Int64(count) - 1 }
                if count == 2, let (normalized, features) = spans, cluster.sharedTermText[feature] == nil {
                    while spanIndex < features.count, features[spanIndex].hash < feature { spanIndex += 1 }
                    if spanIndex < features.count, features[spanIndex].hash == feature, features[spanIndex].end > 0 {
                        let span = features[spanIndex]
                        let range = Int(span.start)..<Int(span.end)
                        if personal == nil { personal = PersonalDataSpans.ranges(in: normalized.scalars) }
                        if !PersonalDataSpans.overlaps(range, personal ?? []) {
                            cluster.sharedTermText[feature] = normalized.scalars.string(range)
                        }
                    }
                }
            }
        }
        for entity in record.entities { cluster.adjust(entity, by: 1) }
        if record.signals != 0 {
            cluster.signalledMembers += 1
            if cluster.signalCounts.isEmpty { cluster.signalCounts = Array(repeating: 0, count: EscalationSignal.allCases.count) }
            for (index, signal) in EscalationSignal.allCases.enumerated() where record.signals & signal.bit != 0 {
                cluster.signalCounts[index] += 1
            }
        }
        cluster.firstAt = min(cluster.firstAt, record.time)
        cluster.lastAt = max(cluster.lastAt, record.time)
        if let text, cluster.latestId != record.id || cluster.members.count > 1 {
            let stored = cluster.latestId == record.id ? cluster.latestText : Self.preview(text)
            cluster.latestId = record.id
            cluster.latestText = stored
            if score > cluster.representativeScore {
                cluster.representativeId = record.id
                cluster.representativeText = stored
                cluster.representativeScore = score
            }
        }
        refreshCentroidNorm(&cluster)
        clusters.put(cluster)
    }

    /// Takes a complaint out of its cluster's counts; an emptied cluster disappears.
    mutating func removeMember(_ record: ComplaintRecord, from id: Int64) {
        guard var cluster = clusters.take(id) else { return }
        guard let position = cluster.members.firstIndex(of: record.id) else {
            clusters.put(cluster)
            return
        }
        cluster.members.remove(at: position)
        if cluster.members.isEmpty {
            clusters[id] = nil
            return
        }
        if cluster.members.count == 1 {
            cluster.termCounts = FeatureTable()
            cluster.conceptSquares = 0
            cluster.complainants = [:]
            cluster.sharedTermText = [:]
        } else {
            for feature in record.features where cluster.termCounts[feature] > 0 {
                let count = cluster.termCounts.add(feature, -1)
                if count == 1 { cluster.sharedTermText[feature] = nil }
                if ConceptLexicon.isConcept(feature) { cluster.conceptSquares -= 2 * Int64(count) + 1 }
            }
            if let count = cluster.complainants[record.complainant] {
                cluster.complainants[record.complainant] = count <= 1 ? nil : count - 1
            }
        }
        for entity in record.entities { cluster.adjust(entity, by: -1) }
        if record.signals != 0 { cluster.signalledMembers -= 1 }
        if record.signals != 0, !cluster.signalCounts.isEmpty {
            for (index, signal) in EscalationSignal.allCases.enumerated() where record.signals & signal.bit != 0 {
                cluster.signalCounts[index] -= 1
            }
        }
        if record.time <= cluster.firstAt, let first = cluster.members.first, let time = complaints[first]?.time {
            cluster.firstAt = time  // members are in time order (arrival, re-sorted on merges)
        }
        if record.time >= cluster.lastAt, let last = cluster.members.last, let time = complaints[last]?.time {
            cluster.lastAt = time
        }
        if cluster.representativeId == record.id, cluster.latestId != record.id {
            cluster.representativeId = cluster.latestId
            cluster.representativeText = cluster.latestText
            cluster.representativeScore = 0
        }
        if cluster.latestId == record.id, let last = cluster.members.last {
            cluster.latestId = last  // its text is not kept; the old text stays as the nearest we have
        }
        refreshCentroidNorm(&cluster)
        clusters.put(cluster)
    }

    /// Recomputes the cached centroid norm when the member count moved by a quarter (or the
    /// cluster is small), so big clusters pay for it rarely.
    func refreshCentroidNorm(_ cluster: inout ClusterState) {
        let n = cluster.memberCount
        let last = cluster.centroidNormMembers
        if n <= 8 || Double(n) >= 1.25 * Double(last) || Double(n) <= 0.8 * Double(last) {
            cluster.centroidNorm = centroidNorm(of: cluster)
            cluster.centroidNormMembers = n
        }
    }

    /// Moves every member of `absorbed` into `surviving`, which keeps the higher warning level.
    mutating func mergeClusters(_ absorbed: Int64, into surviving: Int64) {
        guard let gone = clusters[absorbed], clusters.contains(surviving) else { return }
        // The larger of the two until the follower recounts distinct stories (a story may be linked to both: a
        // sum would count it twice and could raise a level no coverage supports).
        if let moved = coverage.removeValue(forKey: absorbed) {
            coverage[surviving] = (coverage[surviving] ?? .none).merged(with: moved)
        }
        for member in gone.members {
            guard var record = complaints[member] else { continue }
            record.clusterId = surviving
            complaints[member] = record
            addMember(record, to: surviving, spans: nil, text: nil, score: 0)
        }
        clusters[absorbed] = nil
        if var cluster = clusters.take(surviving) {
            cluster.members = membersInTimeOrder(cluster.members)
            for (feature, text) in gone.sharedTermText where cluster.sharedTermText[feature] == nil {
                cluster.sharedTermText[feature] = text
            }
            if let level = gone.level, cluster.level.map({ $0 < level }) ?? true { cluster.level = level }
            clusters.put(cluster)
        }
        for tally in gone.entities where EntityEvidence.isIndexed(tally.entity.kind) {
            post(surviving, under: tally.entity.key)
        }
        separated = Set(separated.map { pair in
            ClusterPair(pair.low == absorbed ? surviving : pair.low, pair.high == absorbed ? surviving : pair.high)
        })
    }

    /// Member ids sorted by event time (then id), each time read once.
    func membersInTimeOrder(_ members: [Int64]) -> [Int64] {
        var keyed: [(time: Double, id: Int64)] = []
        keyed.reserveCapacity(members.count)
        for id in members {
            let time = complaints.slot(of: id).map { complaints.records[Int($0)].time } ?? 0
            keyed.append((time, id))
        }
        keyed.sort { $0.time != $1.time ? $0.time < $1.time : $0.id < $1.id }
        return keyed.map(\.id)
    }

    /// Records `cluster` as the newest cluster naming the entity `key`.
    mutating func post(_ cluster: Int64, under key: EntityKey) {
        let depth = configuration.bucketDepth
        entityPostings[key, default: []].removeAll { $0 == cluster }
        entityPostings[key, default: []].append(cluster)
        if let count = entityPostings[key]?.count, count > depth {
            entityPostings[key]?.removeFirst(count - depth)
        }
    }
}
