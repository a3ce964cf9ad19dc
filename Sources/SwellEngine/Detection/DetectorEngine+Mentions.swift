import Foundation
import SwellCore
import SwellDetection
import SwellStore

extension DetectorEngine {
    /// Reads the mentions a page of the log received or people corrected: each new one gets its story and, unless
    /// a person decided its link, the cluster it is about (`mention.matched`); then every cluster whose negative
    /// coverage changed is judged again, which may raise its warning level through `media_attention`. Answers the
    /// changes, the clusters touched and the latest event time.
    func readMentions(_ events: [Event]) async throws -> (changes: [StoreChange], touched: Set<Int64>, latest: Date?) {
        var received: [MentionID] = []
        var corrected: [MentionID] = []
        for event in events {
            if event.type == .mentionReceived, let payload = Self.mentionId(event) { received.append(payload) }
            if event.type == .mentionCorrected, let payload = Self.mentionId(event) { corrected.append(payload) }
        }
        guard !received.isEmpty || !corrected.isEmpty else { return ([], [], nil) }
        let stored = Dictionary(
            try await store.mentions(ids: received + corrected).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var changes: [StoreChange] = []
        var changed = Set<ClusterID>()
        var latest: Date?
        var readHere: [MentionID: Int] = [:]  // mentions of each story read in this page, not stored yet
        var readClusters: [ClusterID: Date] = [:]  // the newest mention read about each cluster
        let fresh = received.compactMap { id in stored[id].flatMap { $0.storyId == nil ? $0 : nil } }  // unread ones
        var storyOf: [MentionID: MentionID] = [:]
        for mention in fresh {
            storyOf[mention.id] = MentionID(
                mentions.stories.add(id: mention.id.rawValue, text: mention.content.fullText, at: mention.content.publishedAt))
        }
        let storedSizes = try await store.storySizes(Array(Set(storyOf.values)))
        for var mention in fresh {
            let id = mention.id
            let content = mention.content
            guard let story = storyOf[id] else { continue }
            if mention.linkDecidedBy == nil {
                mention.link = detector.matchCoverage(text: content.fullText, at: content.publishedAt).map {
                    MentionLink(clusterId: ClusterID($0.clusterId), score: $0.score, reasons: $0.reasons)
                }
            }
            mention.storyId = story
            readHere[story, default: 0] += 1
            let copies = (storedSizes[story] ?? 0) + readHere[story, default: 0]
            changes.append(.matchMention(id, story: story, link: mention.linkDecidedBy == nil ? mention.link : nil))
            changes.append(.appendEvent(EventDraft(
                type: .mentionMatched, at: content.publishedAt, clusterId: mention.link?.clusterId,
                payload: EventDraft.payload(MentionMatched(id: id, storyId: story, storyCopies: copies, link: mention.link)))))
            changed.formUnion(mentions.record(mention))
            if let cluster = mention.link?.clusterId {
                readClusters[cluster] = max(readClusters[cluster] ?? content.publishedAt, content.publishedAt)
            }
            latest = max(latest ?? content.publishedAt, content.publishedAt)
        }
        for id in corrected {
            guard let mention = stored[id], mention.storyId != nil else { continue }
            changed.formUnion(mentions.record(mention))
            latest = max(latest ?? mention.content.publishedAt, mention.content.publishedAt)
        }
        if let rule = configuration.rules.mentionSpike, let latest {
            // Each scope is judged at its own newest mention: all mentions, then each cluster read about.
            let scopes: [(ClusterID?, Date)] = [(nil, latest)] + readClusters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (scope, at) in scopes {
                guard let spike = mentions.spike(of: scope, rule: rule, at: at) else { continue }
                changes.append(.appendEvent(EventDraft(
                    type: .mentionsSpike, at: at, clusterId: scope, payload: EventDraft.payload(spike))))
            }
        }
        var touched = Set<Int64>()
        for cluster in changed.sorted() {
            let at = latest ?? detector.cluster(cluster.rawValue)?.lastAt ?? Date(timeIntervalSince1970: 0)
            let decisions = detector.setCoverage(mentions.coverage(of: cluster), of: cluster.rawValue, at: at)
            changes += decisions.map { .raiseWarning(DetectionMapping.warning($0), at: $0.at) }
            touched.insert(cluster.rawValue)
        }
        return (changes, touched, latest)
    }

    /// When clusters start warning: the press is sometimes first. Mentions published before (within the detector's
    /// window) that no cluster took and no person unlinked are matched again against the newly warned clusters;
    /// those that match are linked, and the clusters' coverage is judged again.
    func rematchUnlinked(for warned: Set<Int64>, at: Date) async throws -> [StoreChange] {
        guard !warned.isEmpty else { return [] }
        var changes: [StoreChange] = []
        var changed = Set<ClusterID>()
        var query = MentionQuery(publishedFrom: at.addingTimeInterval(-configuration.window), limit: MentionQuery.maxLimit)
        var pages = 0
        repeat {
            let page = try await store.mentions(query)
            for var mention in page.items where mention.link == nil && mention.linkDecidedBy == nil {
                guard let story = mention.storyId else { continue }  // not read yet: the log brings it
                let content = mention.content
                for cluster in warned.sorted() {
                    guard let match = detector.matchCoverage(text: content.fullText, at: content.publishedAt, only: cluster) else { continue }
                    mention.link = MentionLink(clusterId: ClusterID(match.clusterId), score: match.score, reasons: match.reasons)
                    changes.append(.matchMention(mention.id, story: story, link: mention.link))
                    changes.append(.appendEvent(EventDraft(
                        type: .mentionMatched, at: content.publishedAt, clusterId: mention.link?.clusterId,
                        payload: EventDraft.payload(MentionMatched(id: mention.id, storyId: story, storyCopies: 0, link: mention.link)))))
                    changed.formUnion(mentions.record(mention))
                    break
                }
            }
            query.after = page.next
            pages += 1
        } while query.after != nil && pages < 20
        for cluster in changed.sorted() {
            changes += detector.setCoverage(mentions.coverage(of: cluster), of: cluster.rawValue, at: at)
                .map { .raiseWarning(DetectionMapping.warning($0), at: $0.at) }
        }
        return changes
    }

    private static func mentionId(_ event: Event) -> MentionID? {
        struct Payload: Decodable { var id: MentionID }
        return try? JSONDecoder().decode(Payload.self, from: Data(event.draft.payload.utf8)).id
    }
}

extension DetectorEngine {
    /// A cluster's negative coverage as the detector holds it.
    func coverage(of cluster: ClusterID) -> MediaCoverage {
        detector.coverage(of: cluster.rawValue)
    }

    /// After a merge (the detector's or a person's): the absorbed cluster's mentions move to the surviving one, its
    /// coverage is recounted (distinct stories) and judged again. Answers the warning changes.
    func recountCoverage(after merge: ClusterMerge, at: Date) -> [StoreChange] {
        mentions.moveCluster(from: ClusterID(merge.absorbed), to: ClusterID(merge.surviving))
        let exact = mentions.coverage(of: ClusterID(merge.surviving))
        guard exact != detector.coverage(of: merge.surviving) else { return [] }
        return detector.setCoverage(exact, of: merge.surviving, at: at).map { .raiseWarning(DetectionMapping.warning($0), at: $0.at) }
    }
}

extension DetectorEngine {
    /// How a stored complaint scores with a live cluster now (text, entity agreement and conflict, time), for a
    /// person asking why it was (or was not) grouped there; nil when the cluster has left the window.
    public func explain(_ complaint: Complaint, against cluster: ClusterID) -> ScoreBreakdown? {
        detector.explain(DetectionMapping.input(complaint), against: cluster.rawValue)
    }
}
