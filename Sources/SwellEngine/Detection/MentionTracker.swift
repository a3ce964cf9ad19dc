import Foundation
import SwellCore
import SwellDetection

/// What the detector follower keeps of public mentions: the story index, and which mentions each cluster's
/// coverage is made of, so a cluster's negative coverage is always recounted from its mentions (distinct
/// stories, summed reach) whatever changed: a new mention, a person's link or tone, a merge.
struct MentionTracker {
    var stories: StoryIndex
    private var facts: [MentionID: Fact] = [:]
    private var byCluster: [ClusterID: Set<MentionID>] = [:]

    struct Fact: Equatable {
        var cluster: ClusterID?
        var story: MentionID
        var negative: Bool
        var reach: Int64
    }

    init(window: TimeInterval) {
        stories = StoryIndex(window: window)
    }

    /// Takes a mention as it now stands (its story known); answers the clusters whose coverage may have changed.
    mutating func record(_ mention: Mention) -> Set<ClusterID> {
        let fact = Fact(
            cluster: mention.link?.clusterId, story: mention.storyId ?? mention.id, negative: mention.tone.tone == .negative,
            reach: mention.content.reach ?? 0)
        let old = facts[mention.id]
        guard old != fact else { return [] }
        if let cluster = old?.cluster { byCluster[cluster]?.remove(mention.id) }
        facts[mention.id] = fact
        if let cluster = fact.cluster { byCluster[cluster, default: []].insert(mention.id) }
        return Set([old?.cluster, fact.cluster].compactMap { $0 })
    }

    /// A merge: the absorbed cluster's mentions now belong to the surviving one.
    mutating func moveCluster(from absorbed: ClusterID, to surviving: ClusterID) {
        guard let moved = byCluster.removeValue(forKey: absorbed) else { return }
        for id in moved { facts[id]?.cluster = surviving }
        byCluster[surviving, default: []].formUnion(moved)
    }

    /// Distinct negative stories among a cluster's mentions, and the reach of its negative mentions.
    func coverage(of cluster: ClusterID) -> MediaCoverage {
        var stories = Set<MentionID>()
        var reach: Int64 = 0
        for id in byCluster[cluster] ?? [] {
            guard let fact = facts[id], fact.negative else { continue }
            stories.insert(fact.story)
            reach += fact.reach
        }
        return MediaCoverage(negativeStories: stories.count, negativeReach: reach)
    }

    /// Clusters with any mention linked.
    var clusters: [ClusterID] { byCluster.filter { !$0.value.isEmpty }.keys.sorted() }
}
