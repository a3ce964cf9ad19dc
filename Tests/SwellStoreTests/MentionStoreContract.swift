import Foundation
import SwellCore
import SwellStore
import Testing

/// Mentions on every back end: stored once per normalised URL with their event, listed newest first with filters
/// and a cursor, read by the detector (story, link) without overriding a person's link, corrected by people, and
/// moved with their cluster when it is merged.
enum MentionStoreContract {
    static func mention(_ n: Int, at: String = "2026-07-01T08:00:00Z", source: MentionSource = .weibo, tone: MediaTone = .negative) -> NewMention {
        NewMention(
            content: MentionContent(
                url: "https://weibo.com/u/\(n)", source: source, outlet: "账号\(n)", author: nil, title: nil,
                text: "说好的四星酒店变成了汽车旅馆 #\(n)", publishedAt: RFC3339.parse(at)!, reach: Int64(n * 1_000),
                engagement: nil, language: .zh),
            tone: ToneReading(tone: tone, score: tone == .negative ? -0.6 : 0))
    }

    static func roundTrip(_ store: any CaseStore) async throws {
        // Given three mentions, the second twice in one batch
        let seqBefore = try await store.lastEventSeq()
        let first = try await store.ingestMentions(
            [mention(1, at: "2026-07-01T08:00:00Z"), mention(2, at: "2026-07-01T09:00:00Z"), mention(2, at: "2026-07-01T09:00:00Z"),
             mention(3, at: "2026-07-01T09:00:00Z", source: .news, tone: .neutral)], at: storeNow)
        #expect(first.map(\.isCreated) == [true, true, false, true])
        #expect(first[2].mention.id == first[1].mention.id)
        let events = try await store.events(after: seqBefore, limit: 10)
        #expect(events.map(\.type) == [.mentionReceived, .mentionReceived, .mentionReceived], "one event per stored mention")
        #expect(!events[0].draft.payload.contains("四星"), "the event carries no text")

        // A URL stored before is a duplicate with the stored mention, unchanged
        let again = try await store.ingestMentions([mention(1, at: "2026-07-05T00:00:00Z")], at: storeNow)
        #expect(again.map(\.isCreated) == [false])
        #expect(again[0].mention == first[0].mention)
        let one = try #require(try await store.mention(first[0].mention.id))
        #expect(one == first[0].mention, "read back as stored")
        #expect(one.content.reach == 1_000)

        // Newest published first, equal times by id, with a cursor and filters
        let ids = first.filter(\.isCreated).map(\.mention.id)
        var page = try await store.mentions(MentionQuery(limit: 2))
        #expect(page.items.map(\.id) == [ids[2], ids[1]])
        let next = try #require(page.next)
        page = try await store.mentions(MentionQuery(after: next, limit: 2))
        #expect(page.items.map(\.id) == [ids[0]])
        #expect(page.next == nil)
        #expect(try await store.mentions(MentionQuery(source: .news)).items.map(\.id) == [ids[2]])
        #expect(try await store.mentions(MentionQuery(tone: .negative)).items.map(\.id) == [ids[1], ids[0]])
        #expect(try await store.mentions(MentionQuery(publishedFrom: RFC3339.parse("2026-07-01T08:30:00Z"))).items.count == 2)
        #expect(try await store.mentions(MentionQuery(clusterIds: [])).items.isEmpty)

        // The detector reads them: one story of two, linked to cluster 5
        let link = MentionLink(clusterId: ClusterID(5), score: 0.61, reasons: ["text 0.40", "lodging 金沙酒店"])
        _ = try await store.apply([
            .matchMention(ids[0], story: ids[0], link: link),
            .matchMention(ids[1], story: ids[0], link: link),
            .matchMention(ids[2], story: ids[2], link: nil),
        ], checkpoint: nil)
        #expect(try await store.storySizes([ids[0], ids[2], MentionID(999)]) == [ids[0]: 2, ids[2]: 1])
        #expect(try await store.mention(ids[1])?.link == link)
        #expect(try await store.mentions(MentionQuery(storyId: ids[0])).items.count == 2)
        #expect(try await store.mentions(MentionQuery(clusterIds: [ClusterID(5)])).items.map(\.id) == [ids[1], ids[0]])

        // A person unlinks one and corrects another's tone; the detector cannot relink the unlinked one
        let corrected = ToneReading(tone: .positive, score: 1, correctedBy: "li.pr")
        _ = try await store.apply([
            .correctMention(ids[1], tone: nil, link: .unlink, by: "li.pr"),
            .correctMention(ids[0], tone: corrected, link: nil, by: "li.pr"),
        ], checkpoint: nil)
        _ = try await store.apply([.matchMention(ids[1], story: ids[0], link: link)], checkpoint: nil)
        let unlinked = try #require(try await store.mention(ids[1]))
        #expect(unlinked.link == nil)
        #expect(unlinked.linkDecidedBy == "li.pr")
        #expect(try await store.mention(ids[0])?.tone == corrected)
        #expect(try await store.mention(ids[0])?.link == link, "a tone correction leaves the link")

        // A person's link stands; a merge moves linked mentions with their cluster
        let manual = MentionLink(clusterId: ClusterID(7), score: nil, reasons: ["linked by li.pr"])
        _ = try await store.apply([.correctMention(ids[2], tone: nil, link: .link(manual), by: "li.pr")], checkpoint: nil)
        _ = try await store.apply([.reassignCluster(from: ClusterID(5), to: ClusterID(7))], checkpoint: nil)
        #expect(try await store.mention(ids[0])?.link?.clusterId == ClusterID(7))
        #expect(try await store.mentions(MentionQuery(clusterIds: [ClusterID(7)])).items.map(\.id) == [ids[2], ids[0]])

        // The detector's rebuild reads them by id from a publication time on
        let rebuilt = try await store.mentions(publishedFrom: RFC3339.parse("2026-07-01T08:30:00Z")!, afterId: MentionID(0), limit: 10)
        #expect(rebuilt.map(\.id) == [ids[1], ids[2]])
        #expect(try await store.mentions(ids: [ids[2], MentionID(999)]).map(\.id) == [ids[2]])

        // Feeds: stored with their id in the event, their polling state saved, deleted ones left out
        let feed = MentionFeed(
            url: "https://news.example.cn/rss.xml", source: .news, outlet: nil, interval: 900, createdAt: storeNow, createdBy: "admin")
        let created = try await store.apply([.addMentionFeed(feed, event: EventDraft(type: .mentionFeedCreated, at: storeNow))], checkpoint: nil)
        #expect(created.first?.draft.payload.contains("\"id\"") == true)
        var stored = try #require(try await store.mentionFeeds(includeDeleted: false).first)
        #expect(stored.url == feed.url)
        stored.etag = "\"v1\""
        stored.itemsStored = 4
        stored.nextPollAt = storeNow.addingTimeInterval(900)
        _ = try await store.apply([.saveMentionFeed(stored)], checkpoint: nil)
        #expect(try await store.mentionFeed(try #require(stored.id)) == stored)
        var polling = stored  // read by the poller before the feed is deleted
        stored.deletedAt = storeNow
        _ = try await store.apply([.saveMentionFeed(stored)], checkpoint: nil)
        #expect(try await store.mentionFeeds(includeDeleted: false).isEmpty)
        polling.itemsStored = 9
        _ = try await store.apply([.recordMentionFeedPoll(polling)], checkpoint: nil)
        #expect(try await store.mentionFeeds(includeDeleted: false).isEmpty, "a poll recorded after the deletion does not revive the feed")
        #expect(try await store.mentionFeeds(includeDeleted: true).count == 1)
    }
}
