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
        for id in received {
            guard var mention = stored[id], mention.storyId == nil else { continue }  // read before (idempotent)
            let content = mention.content
            let story = MentionID(mentions.stories.add(id: id.rawValue, text: content.fullText, at: content.publishedAt))
            if mention.linkDecidedBy == nil {
                mention.link = detector.matchCoverage(text: content.fullText, at: content.publishedAt).map {
                    MentionLink(clusterId: ClusterID($0.clusterId), score: $0.score, reasons: $0.reasons)
                }
            }
            mention.storyId = story
            readHere[story, default: 0] += 1
            let copies = (try await store.storySizes([story])[story] ?? 0) + readHere[story, default: 0]
            changes.append(.matchMention(id, story: story, link: mention.linkDecidedBy == nil ? mention.link : nil))
            changes.append(.appendEvent(EventDraft(
                type: .mentionMatched, at: content.publishedAt, clusterId: mention.link?.clusterId,
                payload: EventDraft.payload(MentionMatched(id: id, storyId: story, storyCopies: copies, link: mention.link)))))
            changed.formUnion(mentions.record(mention))
            latest = max(latest ?? content.publishedAt, content.publishedAt)
        }
        for id in corrected {
            guard let mention = stored[id], mention.storyId != nil else { continue }
            changed.formUnion(mentions.record(mention))
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

    private static func mentionId(_ event: Event) -> MentionID? {
        struct Payload: Decodable { var id: MentionID }
        return try? JSONDecoder().decode(Payload.self, from: Data(event.draft.payload.utf8)).id
    }
}

extension DetectorEngine {
    /// A cluster's negative coverage as the detector holds it.
    public func coverage(of cluster: ClusterID) -> MediaCoverage {
        detector.coverage(of: cluster.rawValue)
    }
}
