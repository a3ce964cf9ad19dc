import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func mentionFeeds(includeDeleted: Bool) async throws -> [MentionFeed] {
        let rows = includeDeleted
            ? try await self.rows("SELECT id, record FROM mention_feed ORDER BY id")
            : try await self.rows("SELECT id, record FROM mention_feed WHERE deletedAt IS NULL ORDER BY id")
        return try rows.map(Self.decodeMentionFeed)
    }

    public func mentionFeed(_ id: MentionFeedID) async throws -> MentionFeed? {
        try await rows("SELECT id, record FROM mention_feed WHERE id = \(id.rawValue)").first.map(Self.decodeMentionFeed)
    }

    /// `addMentionFeed` and `saveMentionFeed`, inside `apply`'s transaction.
    func applyMentionFeedChange(
        _ change: StoreChange, connection: PostgresConnection, events: inout PostgresEventAppender
    ) async throws -> Event? {
        switch change {
        case .addMentionFeed(var feed, let event):
            feed.id = nil
            let document = try StoredJSON.encode(feed)
            let id = try await insertReturningId(
                "INSERT INTO mention_feed (deletedAt, record) VALUES (\(feed.deletedAt?.millisecondsSince1970), \(document)) RETURNING id",
                connection: connection)
            return events.append(EventPayloadStamp.stamping(id, into: event))
        case .saveMentionFeed(var feed):
            guard let id = feed.id else { throw StoreError.corruptRow(table: "mention_feed", detail: "saving a feed without an id") }
            feed.id = nil
            let document = try StoredJSON.encode(feed)
            try await connection.query(
                "UPDATE mention_feed SET deletedAt = \(feed.deletedAt?.millisecondsSince1970), record = \(document) WHERE id = \(id.rawValue)",
                logger: logger)
            return nil
        case .recordMentionFeedPoll(var feed):
            guard let id = feed.id else { throw StoreError.corruptRow(table: "mention_feed", detail: "saving a feed without an id") }
            feed.id = nil
            let document = try StoredJSON.encode(feed)
            try await connection.query(
                "UPDATE mention_feed SET record = \(document) WHERE id = \(id.rawValue) AND deletedAt IS NULL", logger: logger)
            return nil
        default:
            return nil
        }
    }

    static func decodeMentionFeed(_ row: PostgresRow) throws -> MentionFeed {
        let (id, document) = try row.decode((Int64, String).self)
        var feed = try StoredJSON.decode(MentionFeed.self, from: document, table: "mention_feed")
        feed.id = MentionFeedID(id)
        return feed
    }
}
