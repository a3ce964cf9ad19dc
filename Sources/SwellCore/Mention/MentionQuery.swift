public import Foundation

/// Filters and a page position for listing mentions, newest published first.
public struct MentionQuery: Sendable, Equatable {
    public var source: MentionSource?
    public var storyId: MentionID?
    /// Mentions linked to any of these clusters (an incident's clusters); nil for no cluster filter.
    public var clusterIds: [ClusterID]?
    public var tone: MediaTone?
    public var publishedFrom: Date?
    public var publishedBefore: Date?
    public var after: MentionCursor?
    public var limit: Int

    public static let maxLimit = 500

    public init(
        source: MentionSource? = nil, storyId: MentionID? = nil, clusterIds: [ClusterID]? = nil, tone: MediaTone? = nil,
        publishedFrom: Date? = nil, publishedBefore: Date? = nil, after: MentionCursor? = nil, limit: Int = 50
    ) {
        self.source = source
        self.storyId = storyId
        self.clusterIds = clusterIds
        self.tone = tone
        self.publishedFrom = publishedFrom
        self.publishedBefore = publishedBefore
        self.after = after
        self.limit = limit
    }

    /// The page size, within 1…``maxLimit``.
    public var pageSize: Int { min(max(limit, 1), Self.maxLimit) }
}

/// Where a page of mentions ended: the last one's `publishedAt` (milliseconds) and id. Opaque to clients.
public struct MentionCursor: Sendable, Equatable {
    public var publishedAtMilliseconds: Int64
    public var id: MentionID

    public init(publishedAtMilliseconds: Int64, id: MentionID) {
        self.publishedAtMilliseconds = publishedAtMilliseconds
        self.id = id
    }

    public var token: String { CursorToken.encode("m\(publishedAtMilliseconds):\(id.rawValue)") }

    public init?(token: String) {
        guard let text = CursorToken.decode(token), text.hasPrefix("m") else { return nil }
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 2, let ms = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(publishedAtMilliseconds: ms, id: MentionID(id))
    }
}

/// One page of mentions and the cursor for the next, nil at the end.
public struct MentionPage: Sendable {
    public var items: [Mention]
    public var next: MentionCursor?

    public init(items: [Mention], next: MentionCursor?) {
        self.items = items
        self.next = next
    }

    /// A page from up to `pageSize + 1` fetched rows: the extra row only says that another page exists.
    public init(fetched: [Mention], pageSize: Int) {
        let items = Array(fetched.prefix(pageSize))
        self.items = items
        next = fetched.count > pageSize
            ? items.last.map { MentionCursor(publishedAtMilliseconds: $0.content.publishedAt.millisecondsSince1970, id: $0.id) }
            : nil
    }
}
