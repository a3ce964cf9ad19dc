import Foundation
import GRDB
import SwellCore

extension SQLiteCaseStore {
    public func ingestMentions(_ mentions: [NewMention], at now: Date) async throws -> [MentionOutcome] {
        try await write { db, events in
            let find = try db.cachedStatement(sql: "SELECT \(MentionColumns.list) FROM mention WHERE url = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO mention (url, source, publishedAt, storedAt, tone, toneScore, record)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let storedAt = Date(millisecondsSince1970: now.millisecondsSince1970)
            var outcomes: [MentionOutcome] = []
            outcomes.reserveCapacity(mentions.count)
            for mention in mentions {
                let content = mention.content
                if let row = try Row.fetchOne(find, arguments: [content.url]) {
                    outcomes.append(.duplicate(try Self.decodeMention(row)))
                    continue
                }
                try insert.execute(arguments: [
                    content.url, content.source.rawValue, content.publishedAt.millisecondsSince1970,
                    storedAt.millisecondsSince1970, mention.tone.tone.rawValue, mention.tone.score,
                    try StoredJSON.encode(content),
                ])
                let stored = Mention(
                    id: MentionID(db.lastInsertedRowID), storedAt: storedAt, content: content.asStored, tone: mention.tone)
                try events.append(EventDraft(
                    type: .mentionReceived, at: now, payload: EventDraft.payload(MentionReceived(stored))))
                outcomes.append(.created(stored))
            }
            return outcomes
        }
    }

    public func mention(_ id: MentionID) async throws -> Mention? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(MentionColumns.list) FROM mention WHERE id = ?", arguments: [id.rawValue])
                .map(Self.decodeMention)
        }
    }

    public func mentions(ids: [MentionID]) async throws -> [Mention] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            var found: [Mention] = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                found += try Row.fetchAll(
                    db, sql: "SELECT \(MentionColumns.list) FROM mention WHERE id IN (\(marks))",
                    arguments: StatementArguments(chunk.map(\.rawValue))
                ).map(Self.decodeMention)
            }
            return found
        }
    }

    public func mentions(_ query: MentionQuery) async throws -> MentionPage {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let source = query.source { conditions.append("source = ?"); arguments.append(source.rawValue.databaseValue) }
        if let story = query.storyId { conditions.append("storyId = ?"); arguments.append(story.rawValue.databaseValue) }
        if let tone = query.tone { conditions.append("tone = ?"); arguments.append(tone.rawValue.databaseValue) }
        if let clusters = query.clusterIds {
            guard !clusters.isEmpty else { return MentionPage(items: [], next: nil) }
            conditions.append("clusterId IN (\(Array(repeating: "?", count: clusters.count).joined(separator: ",")))")
            arguments += clusters.map(\.rawValue.databaseValue)
        }
        if let from = query.publishedFrom {
            conditions.append("publishedAt >= ?"); arguments.append(from.millisecondsSince1970.databaseValue)
        }
        if let before = query.publishedBefore {
            conditions.append("publishedAt < ?"); arguments.append(before.millisecondsSince1970.databaseValue)
        }
        if let cursor = query.after {
            conditions.append("(publishedAt < ? OR (publishedAt = ? AND id < ?))")
            arguments += [cursor.publishedAtMilliseconds, cursor.publishedAtMilliseconds, cursor.id.rawValue].map(\.databaseValue)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(MentionColumns.list) FROM mention \(whereClause)
            ORDER BY publishedAt DESC, id DESC LIMIT \(query.pageSize + 1)
            """
        let values = arguments
        let fetched = try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)).map(Self.decodeMention)
        }
        return MentionPage(fetched: fetched, pageSize: query.pageSize)
    }

    public func mentions(publishedFrom: Date, afterId: MentionID, limit: Int) async throws -> [Mention] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(MentionColumns.list) FROM mention WHERE publishedAt >= ? AND id > ? ORDER BY id LIMIT ?",
                arguments: [publishedFrom.millisecondsSince1970, afterId.rawValue, limit]
            ).map(Self.decodeMention)
        }
    }

    public func storySizes(_ stories: [MentionID]) async throws -> [MentionID: Int] {
        guard !stories.isEmpty else { return [:] }
        return try await read { db in
            var sizes: [MentionID: Int] = [:]
            for chunk in stride(from: 0, to: stories.count, by: 500).map({ stories[$0..<min($0 + 500, stories.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "SELECT storyId, COUNT(*) AS size FROM mention WHERE storyId IN (\(marks)) GROUP BY storyId",
                    arguments: StatementArguments(chunk.map(\.rawValue)))
                {
                    sizes[MentionID(row["storyId"] as Int64)] = row["size"]
                }
            }
            return sizes
        }
    }

    /// `matchMention` and `correctMention`, inside `apply`'s transaction.
    static func applyMentionChange(_ change: StoreChange, db: Database) throws {
        switch change {
        case .matchMention(let id, let story, let link):
            try db.execute(sql: "UPDATE mention SET storyId = ? WHERE id = ?", arguments: [story.rawValue, id.rawValue])
            try db.execute(
                sql: "UPDATE mention SET clusterId = ?, matchScore = ?, matchReasons = ? WHERE id = ? AND linkDecidedBy IS NULL",
                arguments: [link?.clusterId.rawValue, link?.score, try MentionColumns.reasons(link), id.rawValue])
        case .correctMention(let id, let tone, let link, let by):
            if let tone {
                try db.execute(
                    sql: "UPDATE mention SET tone = ?, toneScore = ?, toneCorrectedBy = ? WHERE id = ?",
                    arguments: [tone.tone.rawValue, tone.score, tone.correctedBy, id.rawValue])
            }
            switch link {
            case .link(let link):
                try db.execute(
                    sql: "UPDATE mention SET clusterId = ?, matchScore = ?, matchReasons = ?, linkDecidedBy = ? WHERE id = ?",
                    arguments: [link.clusterId.rawValue, link.score, try MentionColumns.reasons(link), by, id.rawValue])
            case .unlink:
                try db.execute(
                    sql: "UPDATE mention SET clusterId = NULL, matchScore = NULL, matchReasons = NULL, linkDecidedBy = ? WHERE id = ?",
                    arguments: [by, id.rawValue])
            case nil:
                break
            }
        default:
            break
        }
    }

    static func decodeMention(_ row: Row) throws -> Mention {
        try MentionColumns.decode(MentionColumns.Values(
            id: row["id"], storedAt: row["storedAt"], tone: row["tone"], toneScore: row["toneScore"],
            toneCorrectedBy: row["toneCorrectedBy"], storyId: row["storyId"], clusterId: row["clusterId"],
            matchScore: row["matchScore"], matchReasons: row["matchReasons"], linkDecidedBy: row["linkDecidedBy"],
            record: row["record"]))
    }
}
