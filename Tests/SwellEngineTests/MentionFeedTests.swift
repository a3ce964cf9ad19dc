import Foundation
import Logging
import Synchronization
import SwellCore
import SwellStore
import Testing

@testable import SwellEngine

/// Feeds as Swell reads them (RSS 2.0 and Atom, dates, HTML in summaries), and the poller against a stub
/// fetcher on a real SQLite store: conditional GET validators sent back, each item stored once, failures backed
/// off, a bad document reported without losing the feed.
@Suite struct MentionFeedTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>旅游投诉快报</title>
          <link>https://news.example.cn/</link>
          <image><title>logo</title><url>https://news.example.cn/logo.png</url></image>
          <item>
            <title>游客投诉金沙湾大酒店货不对板</title>
            <link>https://news.example.cn/a/1?utm_source=rss</link>
            <description><![CDATA[<p>6月12日出发的澳洲团&nbsp;入住的酒店与合同<b>不符</b>，游客要求退差价。</p>]]></description>
            <dc:creator>记者 李明</dc:creator>
            <pubDate>Wed, 01 Jul 2026 10:00:00 +0800</pubDate>
          </item>
          <item>
            <title>Relative link &amp; GMT date</title>
            <link>/a/2</link>
            <description>Tour group &lt;em&gt;stranded&lt;/em&gt; at the airport</description>
            <pubDate>Wed, 01 Jul 2026 04:00:00 GMT</pubDate>
          </item>
          <item><title>no link at all</title><description>skipped</description></item>
        </channel>
        </rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Travel watch</title>
          <link rel="self" href="https://watch.example.com/feed.atom"/>
          <entry>
            <title type="html">Coach breaks down &lt;b&gt;six hours&lt;/b&gt; on highway</title>
            <link rel="edit" href="https://watch.example.com/edit/9"/>
            <link rel="alternate" href="https://watch.example.com/posts/9"/>
            <id>tag:watch.example.com,2026:9</id>
            <updated>2026-07-02T08:00:00Z</updated>
            <published>2026-07-01T08:00:00Z</published>
            <author><name>Ann Lee</name></author>
            <summary>The group waited by the road; the agency refused to pay.</summary>
          </entry>
        </feed>
        """

    @Test func rssItemsAreReadWithTheirLinksDatesAndPlainText() throws {
        let document = try FeedDocument.parse(Data(Self.rss.utf8), base: URL(string: "https://news.example.cn/rss.xml"))
        #expect(document.title == "旅游投诉快报", "the channel's title, not the image's")
        #expect(document.items.count == 3)
        let first = document.items[0]
        #expect(first.link == "https://news.example.cn/a/1?utm_source=rss")
        #expect(first.text == "6月12日出发的澳洲团 入住的酒店与合同 不符 ，游客要求退差价。")
        #expect(first.author == "记者 李明")
        #expect(first.published == RFC3339.parse("2026-07-01T02:00:00Z"))
        #expect(document.items[1].link == "https://news.example.cn/a/2", "a relative link is resolved against the feed")
        #expect(document.items[1].title == "Relative link & GMT date")
        #expect(document.items[1].text == "Tour group stranded at the airport")
        #expect(document.items[1].published == RFC3339.parse("2026-07-01T04:00:00Z"))
        #expect(document.items[2].link == nil)
    }

    @Test func atomEntriesTakeTheAlternateLinkAndThePublicationDate() throws {
        let document = try FeedDocument.parse(Data(Self.atom.utf8))
        #expect(document.title == "Travel watch")
        let entry = try #require(document.items.first)
        #expect(entry.link == "https://watch.example.com/posts/9")
        #expect(entry.title == "Coach breaks down six hours on highway")
        #expect(entry.published == RFC3339.parse("2026-07-01T08:00:00Z"))
        #expect(entry.author == "Ann Lee")
        #expect(entry.text == "The group waited by the road; the agency refused to pay.")
    }

    @Test(arguments: ["<html><body>not a feed</body></html>", "not xml at all <", ""])
    func somethingElseIsNotAFeed(_ text: String) {
        #expect(throws: FeedDocument.ParseError.self) { try FeedDocument.parse(Data(text.utf8)) }
    }

    @Test func intervalsAndBackoff() {
        #expect(MentionFeedInterval.parse("15m") == 900)
        #expect(MentionFeedInterval.parse("1h") == 3600)
        #expect(MentionFeedInterval.parse("2d") == 172_800)
        #expect(MentionFeedInterval.parse("15") == nil)
        #expect(MentionFeedInterval.parse("-1m") == nil)
        #expect(MentionFeedInterval.parse("1w") == nil)
        #expect(MentionFeedInterval.backoff(interval: 60, failures: 0) == 60)
        #expect(MentionFeedInterval.backoff(interval: 60, failures: 3) == 480)
        #expect(MentionFeedInterval.backoff(interval: 600, failures: 30) == 6 * 3600)
        #expect(MentionFeedInterval.backoff(interval: 86_400, failures: 2) == 86_400, "never shorter than the interval")
    }

    /// Answers what a test queued, and records the validators each request carried.
    final class StubFetcher: FeedFetcher {
        let answers: Mutex<[FeedFetch]>
        let requests = Mutex<[(etag: String?, lastModified: String?)]>([])
        init(_ answers: [FeedFetch]) { self.answers = Mutex(answers) }

        func fetch(_ url: String, etag: String?, lastModified: String?) async -> FeedFetch {
            requests.withLock { $0.append((etag, lastModified)) }
            return answers.withLock { $0.isEmpty ? .notModified : $0.removeFirst() }
        }
    }

    @Test func thePollerStoresEachItemOnceSendsValidatorsAndBacksOff() async throws {
        let store = try SQLiteCaseStore()
        let start = RFC3339.parse("2026-07-01T12:00:00Z")!
        let clock = Mutex(start)
        let rss = Data(Self.rss.utf8)
        let fetcher = StubFetcher([
            .document(rss, etag: "\"v1\"", lastModified: "Wed, 01 Jul 2026 04:00:00 GMT"),
            .notModified,
            .document(rss, etag: "\"v2\"", lastModified: nil),
            .failed(status: 503, error: "HTTP 503", retryAfter: nil),
            .document(Data("<html/>".utf8), etag: nil, lastModified: nil),
        ])
        let poller = MentionFeedPoller(store: store, fetcher: fetcher, now: { clock.withLock { $0 } }, logger: Logger(label: "test"))
        let feed = MentionFeed(url: "https://news.example.cn/rss.xml", source: .news, outlet: nil, interval: 600, createdAt: start, createdBy: "admin")
        _ = try await store.apply([.addMentionFeed(feed, event: EventDraft(type: .mentionFeedCreated, at: start))], checkpoint: nil)
        func advance(_ seconds: TimeInterval) { clock.withLock { $0 = $0.addingTimeInterval(seconds) } }
        func stored() async throws -> MentionFeed { try #require(try await store.mentionFeeds(includeDeleted: false).first) }

        // First poll: two items with links stored (the third has none), the outlet is the feed's title
        try await poller.start()
        try await poller.drain()
        var state = try await stored()
        #expect(state.itemsStored == 2)
        #expect(state.lastOutcome == "ok")
        #expect(state.lastError?.contains("1 item") == true)
        #expect(state.nextPollAt == start.addingTimeInterval(600))
        let mentions = try await store.mentions(MentionQuery()).items
        #expect(mentions.count == 2)
        #expect(mentions.allSatisfy { $0.content.outlet == "旅游投诉快报" && $0.content.source == .news })
        #expect(mentions.contains { $0.content.url == "https://news.example.cn/a/1" && $0.tone.tone == .negative })

        // Not due yet: nothing is fetched
        try await poller.drain()
        #expect(fetcher.requests.withLock { $0.count } == 1)

        // Due: the validators go back; 304 stores nothing
        advance(600)
        try await poller.drain()
        #expect(fetcher.requests.withLock { $0.last?.etag } == "\"v1\"")
        #expect(fetcher.requests.withLock { $0.last?.lastModified } == "Wed, 01 Jul 2026 04:00:00 GMT")
        #expect(try await stored().lastOutcome == "not_modified")

        // The same items again (a server that ignores validators): stored once only
        advance(600)
        try await poller.drain()
        #expect(try await store.mentions(MentionQuery()).items.count == 2)
        #expect(try await stored().itemsStored == 2)

        // A failure doubles the wait; a document that is not a feed is a failure too, and the feed stays
        advance(600)
        try await poller.drain()
        state = try await stored()
        #expect(state.failures == 1)
        #expect(state.nextPollAt == clock.withLock { $0 }.addingTimeInterval(1200))
        advance(1200)
        try await poller.drain()
        state = try await stored()
        #expect(state.failures == 2)
        #expect(state.lastError?.contains("not an RSS or Atom feed") == true)
        #expect(await poller.nextDueAt == state.nextPollAt)
        let polled = try await store.events(after: 0, limit: 100).filter { $0.type == .mentionFeedPolled }
        #expect(polled.count == 2, "events only when items were stored or the feed started or stopped failing")
    }
}
