import Foundation
import SwellCore
import SwellDetection

/// What the detector follower keeps of public mentions within the window: the story index, and which mentions
/// each cluster's coverage is made of, so a cluster's negative coverage is always recounted from its mentions
/// (distinct stories, summed reach) whatever changed: a new mention, a person's link or tone, a merge. It also
/// judges spikes of mentions, overall and per cluster, once per surge.
struct MentionTracker {
    var stories: StoryIndex
    let window: TimeInterval
    private var facts: [MentionID: Fact] = [:]
    private var byCluster: [ClusterID: Set<MentionID>] = [:]
    /// Mentions in publication order as read, for leaving the window.
    private var arrivals: [(id: MentionID, at: Date)] = []
    private var arrivalHead = 0
    private var newest = Date.distantPast
    /// Per scope (a cluster, or nil for all mentions), until when its current surge lasts: no second spike event
    /// for one surge.
    private var surgeUntil: [ClusterID?: Date] = [:]

    struct Fact: Equatable {
        var cluster: ClusterID?
        var story: MentionID
        var negative: Bool
        var reach: Int64
        var publishedAt: Date
    }

    init(window: TimeInterval) {
        self.window = window
        stories = StoryIndex(window: window)
    }

    /// Takes a mention as it now stands (its story known); answers the clusters whose coverage may have changed.
    mutating func record(_ mention: Mention) -> Set<ClusterID> {
        let fact = Fact(
            cluster: mention.link?.clusterId, story: mention.storyId ?? mention.id, negative: mention.tone.tone == .negative,
            reach: mention.content.reach ?? 0, publishedAt: mention.content.publishedAt)
        let old = facts[mention.id]
        guard old != fact else { return [] }
        if let cluster = old?.cluster { byCluster[cluster]?.remove(mention.id) }
        facts[mention.id] = fact
        if let cluster = fact.cluster { byCluster[cluster, default: []].insert(mention.id) }
        if old == nil {
            arrivals.append((mention.id, fact.publishedAt))
            newest = max(newest, fact.publishedAt)
            evict()
        }
        return Set([old?.cluster, fact.cluster].compactMap { $0 })
    }

    /// Forgets mentions published before the window (they arrive roughly in time order).
    private mutating func evict() {
        let horizon = newest.addingTimeInterval(-window)
        while arrivalHead < arrivals.count, arrivals[arrivalHead].at < horizon {
            let id = arrivals[arrivalHead].id
            if let cluster = facts.removeValue(forKey: id)?.cluster { byCluster[cluster]?.remove(id) }
            arrivalHead += 1
        }
        if arrivalHead > 4_096, arrivalHead * 2 > arrivals.count {
            arrivals.removeFirst(arrivalHead)
            arrivalHead = 0
        }
    }

    /// Judges a scope (a cluster, or nil for all mentions) at `now`: the spike's payload when a new surge starts,
    /// nil when there is none or the surge was already reported.
    mutating func spike(of scope: ClusterID?, rule: WarningRules.MentionSpikeRule, at now: Date) -> MentionsSpiked? {
        let members = scope.map { Array(byCluster[$0] ?? []).compactMap { facts[$0] } } ?? Array(facts.values)
        let reading = rule.judge(members.map(\.publishedAt), at: now)
        guard reading.spiking else { return nil }
        if let until = surgeUntil[scope], now < until { return nil }
        surgeUntil[scope] = now.addingTimeInterval(rule.window)
        let recent = members.filter { $0.publishedAt > now.addingTimeInterval(-rule.window) && $0.publishedAt <= now }
        let negative = recent.filter(\.negative).count
        return MentionsSpiked(
            clusterId: scope, mentions: reading.recent, baselinePerWindow: reading.baselinePerWindow,
            windowSeconds: Int(rule.window),
            negativeShare: recent.isEmpty ? 0 : (Double(negative) / Double(recent.count) * 1000).rounded() / 1000,
            stories: Set(recent.map(\.story)).count)
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

    /// After a restart: marks the surges under way (judged at each scope's newest mention) as reported, so the
    /// same surge never raises a second spike event.
    mutating func markSurgesReported(rule: WarningRules.MentionSpikeRule) {
        let scopes: [(ClusterID?, Date?)] = [(nil, facts.values.map(\.publishedAt).max())]
            + clusters.map { cluster in (cluster, byCluster[cluster]?.compactMap { facts[$0]?.publishedAt }.max()) }
        for case let (scope, at?) in scopes { _ = spike(of: scope, rule: rule, at: at) }
    }
}
