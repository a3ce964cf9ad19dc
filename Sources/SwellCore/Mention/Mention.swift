public import Foundation

/// A stored mention: what was received, how it reads (tone), which story it belongs to and which cluster of
/// complaints it is about.
public struct Mention: Sendable, Equatable {
    public var id: MentionID
    public var storedAt: Date
    public var content: MentionContent
    public var tone: ToneReading
    /// The first mention of the story this one copies or reposts; its own id when it starts a story; nil until
    /// the detector has read it.
    public var storyId: MentionID?
    /// The cluster of complaints it is about, with the evidence; nil when none matched (or a person unlinked it).
    public var link: MentionLink?
    /// Who last linked or unlinked it by hand; the detector never overrides a person's decision.
    public var linkDecidedBy: String?

    public init(
        id: MentionID, storedAt: Date, content: MentionContent, tone: ToneReading, storyId: MentionID? = nil,
        link: MentionLink? = nil, linkDecidedBy: String? = nil
    ) {
        self.id = id
        self.storedAt = storedAt
        self.content = content
        self.tone = tone
        self.storyId = storyId
        self.link = link
        self.linkDecidedBy = linkDecidedBy
    }
}

/// A mention received and read, ready to store.
public struct NewMention: Sendable, Equatable {
    public var content: MentionContent
    public var tone: ToneReading

    public init(content: MentionContent, tone: ToneReading) {
        self.content = content
        self.tone = tone
    }
}

/// How a text reads: negative, neutral or positive, with a score from −1 (most negative) to 1.
public struct ToneReading: Sendable, Codable, Equatable {
    public var tone: MediaTone
    public var score: Double
    /// The person who set the tone by hand, overriding the reading; nil for the reading itself.
    public var correctedBy: String?

    public init(tone: MediaTone, score: Double, correctedBy: String? = nil) {
        self.tone = tone
        self.score = score
        self.correctedBy = correctedBy
    }
}

/// Why a mention belongs to a cluster of complaints.
public struct MentionLink: Sendable, Codable, Equatable {
    public var clusterId: ClusterID
    /// The match score (0…1) from the detector's evidence; nil when a person linked it.
    public var score: Double?
    /// The evidence, for people: `text 0.41`, `lodging 金沙大酒店`, `date 06-12`, or `linked by li.pr`.
    public var reasons: [String]

    public init(clusterId: ClusterID, score: Double?, reasons: [String]) {
        self.clusterId = clusterId
        self.score = score
        self.reasons = reasons
    }
}

/// What storing one mention did.
public enum MentionOutcome: Sendable, Equatable {
    case created(Mention)
    /// Its normalised URL was stored before: the stored mention, unchanged.
    case duplicate(Mention)

    public var mention: Mention {
        switch self {
        case .created(let mention), .duplicate(let mention): mention
        }
    }

    public var isCreated: Bool {
        if case .created = self { true } else { false }
    }
}
