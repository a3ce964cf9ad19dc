public import Foundation

extension EventType {
    /// A mention was stored (never for a repeated URL).
    public static let mentionReceived = EventType("mention.received")
    /// The detector read a mention: its story, and the cluster it is about (if any).
    public static let mentionMatched = EventType("mention.matched")
    /// A person corrected a mention's tone, or linked or unlinked it by hand.
    public static let mentionCorrected = EventType("mention.corrected")
}

/// Payload of `mention.received`: what the feed and the followers need, never the text (public, but long).
public struct MentionReceived: Sendable, Codable, Equatable {
    public var id: MentionID
    public var source: MentionSource
    public var outlet: String?
    public var url: String
    public var publishedAt: String
    public var tone: MediaTone
    public var toneScore: Double
    public var reach: Int64?

    public init(_ mention: Mention) {
        id = mention.id
        source = mention.content.source
        // Public, but a query string or an account name may hold a phone number: masked, as everywhere in the log.
        outlet = mention.content.outlet.map(PersonalDataMasking.mask)
        url = PersonalDataMasking.mask(mention.content.url)
        publishedAt = RFC3339.format(mention.content.publishedAt)
        tone = mention.tone.tone
        toneScore = mention.tone.score
        reach = mention.content.reach
    }
}

/// Payload of `mention.matched`.
public struct MentionMatched: Sendable, Codable, Equatable {
    public var id: MentionID
    public var storyId: MentionID
    /// Mentions in the story with this one.
    public var storyCopies: Int
    public var clusterId: ClusterID?
    public var score: Double?
    public var reasons: [String]

    public init(id: MentionID, storyId: MentionID, storyCopies: Int, link: MentionLink?) {
        self.id = id
        self.storyId = storyId
        self.storyCopies = storyCopies
        clusterId = link?.clusterId
        score = link?.score
        reasons = link?.reasons ?? []
    }
}

/// Payload of `mention.corrected`: what changed and who changed it.
public struct MentionCorrected: Sendable, Codable, Equatable {
    public var id: MentionID
    public var by: String
    public var tone: MediaTone?
    public var previousTone: MediaTone?
    /// The cluster linked by hand, when the link changed.
    public var clusterId: ClusterID?
    public var previousClusterId: ClusterID?
    /// True when the change removed the link.
    public var unlinked: Bool?

    public init(
        id: MentionID, by: String, tone: MediaTone? = nil, previousTone: MediaTone? = nil, clusterId: ClusterID? = nil,
        previousClusterId: ClusterID? = nil, unlinked: Bool? = nil
    ) {
        self.id = id
        self.by = by
        self.tone = tone
        self.previousTone = previousTone
        self.clusterId = clusterId
        self.previousClusterId = previousClusterId
        self.unlinked = unlinked
    }
}
