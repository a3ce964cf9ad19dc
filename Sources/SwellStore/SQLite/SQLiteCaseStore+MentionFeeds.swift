import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func mentionFeeds(includeDeleted: Bool) async throws -> [MentionFeed] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, record FROM mention_feed \(includeDeleted ? "" : "WHERE deletedAt IS NULL") ORDER BY id"
            ).map(Self.decodeMentionFeed)
        }
    }

    public func mentionFeed(_ id: MentionFeedID) async throws -> MentionFeed? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT id, record FROM mention_feed WHERE id = ?", arguments: [id.rawValue]).map(Self.decodeMentionFeed)
        }
    }

    /// `addMentionFeed` and `saveMentionFeed`, inside `apply`'s transaction.
    static func applyMentionFeedChange(_ change: StoreChange, db: Database, events: inout EventAppender) throws -> Event? {
        switch change {
        case .addMentionFeed(var feed, let event):
            feed.id = nil
            try db.execute(
                sql: "INSERT INTO mention_feed (deletedAt, record) VALUES (?, ?)",
                arguments: [feed.deletedAt?.millisecondsSince1970, try StoredJSON.encode(feed)])
            return try events.append(EventPayloadStamp.stamping(db.lastInsertedRowID, into: event))
        case .saveMentionFeed(var feed):
            guard let id = feed.id else { throw StoreError.corruptRow(table: "mention_feed", detail: "saving a feed without an id") }
            feed.id = nil
            try db.execute(
                sql: "UPDATE mention_feed SET deletedAt = ?, record = ? WHERE id = ?",
                arguments: [feed.deletedAt?.millisecondsSince1970, try StoredJSON.encode(feed), id.rawValue])
            return nil
        case .recordMentionFeedPoll(var feed):
            guard let id = feed.id else { throw StoreError.corruptRow(table: "mention_feed", detail: "saving a feed without an id") }
            feed.id = nil
            try db.execute(
                sql: "UPDATE mention_feed SET record = ? WHERE id = ? AND deletedAt IS NULL",
                arguments: [try StoredJSON.encode(feed), id.rawValue])
            return nil
        default:
            return nil
        }
    }

    static func decodeMentionFeed(_ row: Row) throws -> MentionFeed {
        var feed = try StoredJSON.decode(MentionFeed.self, from: row["record"], table: "mention_feed")
        feed.id = MentionFeedID(row["id"] as Int64)
        return feed
    }
}
