import Foundation
import PostgresNIO
import SwellCore

extension PostgresCaseStore {
    public func ingestMentions(_ mentions: [NewMention], at now: Date) async throws -> [MentionOutcome] {
        guard !mentions.isEmpty else { return [] }
        let storedAt = Date(millisecondsSince1970: now.millisecondsSince1970)
        return try await write { [self] connection, events in
            // Inserted in URL order, so two batches that share URLs lock their rows in the same order and never
            // deadlock; answered in batch order.
            var outcomes = [MentionOutcome?](repeating: nil, count: mentions.count)
            for index in mentions.indices.sorted(by: { (mentions[$0].content.url, $0) < (mentions[$1].content.url, $1) }) {
                let mention = mentions[index]
                let content = mention.content
                let document = try StoredJSON.encode(content)
                // The unique URL is the truth: a stored (or concurrently stored) URL inserts nothing.
                var inserted: Int64?
                for try await id in try await connection.query(
                    """
                    INSERT INTO mention (url, source, publishedAt, storedAt, tone, toneScore, record)
                    VALUES (\(content.url), \(content.source.rawValue), \(content.publishedAt.millisecondsSince1970),
                            \(storedAt.millisecondsSince1970), \(mention.tone.tone.rawValue), \(mention.tone.score), \(document))
                    ON CONFLICT (url) DO NOTHING RETURNING id
                    """, logger: logger
                ).decode(Int64.self) { inserted = id }
                if let inserted {
                    let stored = Mention(id: MentionID(inserted), storedAt: storedAt, content: content.asStored, tone: mention.tone)
                    events.append(EventDraft(type: .mentionReceived, at: now, payload: EventDraft.payload(MentionReceived(stored))))
                    outcomes[index] = .created(stored)
                } else {
                    let rows = try await connection.query(
                        "SELECT \(unescaped: MentionColumns.list) FROM mention WHERE url = \(content.url)", logger: logger
                    ).collect()
                    guard let row = rows.first else {
                        throw StoreError.corruptRow(table: "mention", detail: "url \(content.url) conflicted but is not readable")
                    }
                    outcomes[index] = .duplicate(try Self.decodeMention(row))
                }
            }
            return outcomes.compactMap { $0 }
        }
    }

    public func mention(_ id: MentionID) async throws -> Mention? {
        try await rows("SELECT \(unescaped: MentionColumns.list) FROM mention WHERE id = \(id.rawValue)").first.map(Self.decodeMention)
    }

    public func mentions(ids: [MentionID]) async throws -> [Mention] {
        guard !ids.isEmpty else { return [] }
        return try await rows("SELECT \(unescaped: MentionColumns.list) FROM mention WHERE id = ANY(\(ids.map(\.rawValue)))")
            .map(Self.decodeMention)
    }

    public func mentions(_ query: MentionQuery) async throws -> MentionPage {
        var filter = PostgresFilter()
        if let source = query.source { filter.add { "source = \($0.bind(source.rawValue))" } }
        if let story = query.storyId { filter.add { "storyId = \($0.bind(story.rawValue))" } }
        if let tone = query.tone { filter.add { "tone = \($0.bind(tone.rawValue))" } }
        if let clusters = query.clusterIds {
            guard !clusters.isEmpty else { return MentionPage(items: [], next: nil) }
            filter.add { "clusterId = ANY(\($0.bind(clusters.map(\.rawValue))))" }
        }
        if let from = query.publishedFrom { filter.add { "publishedAt >= \($0.bind(from.millisecondsSince1970))" } }
        if let before = query.publishedBefore { filter.add { "publishedAt < \($0.bind(before.millisecondsSince1970))" } }
        if let cursor = query.after {
            filter.add { binder in
                let at = binder.bind(cursor.publishedAtMilliseconds)
                return "(publishedAt < \(at) OR (publishedAt = \(at) AND id < \(binder.bind(cursor.id.rawValue))))"
            }
        }
        let fetched = try await rows(filter.query(
            select: "SELECT \(MentionColumns.list) FROM mention", orderBy: "ORDER BY publishedAt DESC, id DESC",
            limit: query.pageSize + 1)
        ).map(Self.decodeMention)
        return MentionPage(fetched: fetched, pageSize: query.pageSize)
    }

    public func mentions(publishedFrom: Date, afterId: MentionID, limit: Int) async throws -> [Mention] {
        try await rows(
            """
            SELECT \(unescaped: MentionColumns.list) FROM mention
            WHERE publishedAt >= \(publishedFrom.millisecondsSince1970) AND id > \(afterId.rawValue) ORDER BY id LIMIT \(Int64(limit))
            """
        ).map(Self.decodeMention)
    }

    public func storySizes(_ stories: [MentionID]) async throws -> [MentionID: Int] {
        guard !stories.isEmpty else { return [:] }
        var sizes: [MentionID: Int] = [:]
        for row in try await rows(
            "SELECT storyId, COUNT(*) FROM mention WHERE storyId = ANY(\(stories.map(\.rawValue))) GROUP BY storyId")
        {
            let (story, size) = try row.decode((Int64, Int64).self)
            sizes[MentionID(story)] = Int(size)
        }
        return sizes
    }

    /// `matchMention` and `correctMention`, inside `apply`'s transaction.
    func applyMentionChange(_ change: StoreChange, connection: PostgresConnection) async throws {
        switch change {
        case .matchMention(let id, let story, let link):
            try await connection.query("UPDATE mention SET storyId = \(story.rawValue) WHERE id = \(id.rawValue)", logger: logger)
            try await connection.query(
                """
                UPDATE mention SET clusterId = \(link?.clusterId.rawValue), matchScore = \(link?.score),
                    matchReasons = \(try MentionColumns.reasons(link))
                WHERE id = \(id.rawValue) AND linkDecidedBy IS NULL
                """, logger: logger)
        case .correctMention(let id, let tone, let link, let by):
            if let tone {
                try await connection.query(
                    """
                    UPDATE mention SET tone = \(tone.tone.rawValue), toneScore = \(tone.score), toneCorrectedBy = \(tone.correctedBy)
                    WHERE id = \(id.rawValue)
                    """, logger: logger)
            }
            switch link {
            case .link(let link):
                try await connection.query(
                    """
                    UPDATE mention SET clusterId = \(link.clusterId.rawValue), matchScore = \(link.score),
                        matchReasons = \(try MentionColumns.reasons(link)), linkDecidedBy = \(by)
                    WHERE id = \(id.rawValue)
                    """, logger: logger)
            case .unlink:
                try await connection.query(
                    """
                    UPDATE mention SET clusterId = NULL, matchScore = NULL, matchReasons = NULL, linkDecidedBy = \(by)
                    WHERE id = \(id.rawValue)
                    """, logger: logger)
            case nil:
                break
            }
        default:
            break
        }
    }

    static func decodeMention(_ row: PostgresRow) throws -> Mention {
        let (id, storedAt, tone, toneScore, toneCorrectedBy, storyId, clusterId, matchScore, matchReasons, linkDecidedBy, record) =
            try row.decode((Int64, Int64, String, Double, String?, Int64?, Int64?, Double?, String?, String?, String).self)
        return try MentionColumns.decode(MentionColumns.Values(
            id: id, storedAt: storedAt, tone: tone, toneScore: toneScore, toneCorrectedBy: toneCorrectedBy, storyId: storyId,
            clusterId: clusterId, matchScore: matchScore, matchReasons: matchReasons, linkDecidedBy: linkDecidedBy,
            record: record))
    }
}
