import Foundation
import Logging
import SwellCore
import SwellDetection
import SwellStore

/// Polls the registered RSS/Atom feeds, each at its interval, with conditional GET (ETag, Last-Modified), and
/// stores each new item once as a mention (the store's URL key makes a repeated item a duplicate, also across
/// restarts). A feed that fails waits twice as long after each failure, up to six hours (or as long as the
/// server's `Retry-After` asks). Runs in one instance (an exclusive role, like the notifier).
public actor MentionFeedPoller {
    public static let role = "mention-feeds"

    let store: any CaseStore
    let fetcher: any FeedFetcher
    let now: @Sendable () -> Date
    let logger: Logger
    private var nextPoll: Date?

    public init(store: any CaseStore, fetcher: any FeedFetcher, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.store = store
        self.fetcher = fetcher
        self.now = now
        self.logger = logger
    }

    public func start() async throws {
        nextPoll = try await store.mentionFeeds(includeDeleted: false).map(\.nextPollAt).min()
    }

    /// When the next feed is due, for the wake-up loop.
    public var nextDueAt: Date? { nextPoll }

    /// Polls every feed that is due now.
    public func drain() async throws {
        let at = now()
        let feeds = try await store.mentionFeeds(includeDeleted: false)
        for feed in feeds where feed.nextPollAt <= at {
            try await poll(feed, at: at)
        }
        nextPoll = try await store.mentionFeeds(includeDeleted: false).map(\.nextPollAt).min()
    }

    /// One poll of one feed: fetch, store the new items, save the feed's state (with an event only when items were
    /// stored, or the feed started or stopped failing, so a quiet feed polled every minute does not fill the log).
    func poll(_ feed: MentionFeed, at: Date) async throws {
        guard let id = feed.id else { return }
        var updated = feed
        updated.lastPolledAt = at
        var stored = 0
        var rejected = 0
        let fetched = await fetcher.fetch(feed.url, etag: feed.etag, lastModified: feed.lastModified)
        switch fetched {
        case .notModified:
            updated.lastOutcome = "not_modified"
            updated.lastError = nil
            updated.failures = 0
        case .document(let data, let etag, let lastModified):
            do {
                let document = try FeedDocument.parse(data, base: URL(string: feed.url))
                let (mentions, invalid) = Self.mentions(from: document, feed: feed, now: at)
                rejected = invalid
                let outcomes = try await store.ingestMentions(mentions, at: at)
                stored = outcomes.filter(\.isCreated).count
                updated.etag = etag
                updated.lastModified = lastModified
                updated.lastOutcome = "ok"
                updated.lastError = rejected > 0 ? "\(rejected) item(s) without a usable link or date were skipped" : nil
                updated.failures = 0
                updated.itemsStored += stored
            } catch let error as FeedDocument.ParseError {
                updated.lastOutcome = "failed"
                updated.lastError = error.description
                updated.failures += 1
            }
        case .failed(_, let error, _):
            updated.lastOutcome = "failed"
            updated.lastError = String(error.prefix(300))
            updated.failures += 1
        }
        var wait = MentionFeedInterval.backoff(interval: feed.interval, failures: updated.failures)
        if case .failed(_, _, let retryAfter?) = fetched, retryAfter > wait {
            wait = min(retryAfter, MentionFeedInterval.maximumBackoff)
        }
        updated.nextPollAt = at.addingTimeInterval(wait)

        var changes: [StoreChange] = [.recordMentionFeedPoll(updated)]
        let healthChanged = (feed.lastOutcome == "failed") != (updated.lastOutcome == "failed")
        if stored > 0 || healthChanged {
            changes.append(.appendEvent(EventDraft(
                type: .mentionFeedPolled, at: at,
                payload: EventDraft.payload(FeedPolled(
                    id: id, outcome: updated.lastOutcome ?? "", stored: stored, skipped: rejected, failures: updated.failures)))))
        }
        _ = try await store.apply(changes, checkpoint: nil)
        logger.log(
            level: updated.lastOutcome == "failed" ? .warning : .info, "Mention feed polled",
            metadata: [
                "feed.id": "\(id)", "feed.outcome": "\(updated.lastOutcome ?? "")", "feed.stored": "\(stored)",
                "feed.error": "\(updated.lastError ?? "")", "feed.nextPollAt": "\(RFC3339.format(updated.nextPollAt))",
            ])
    }

    /// The feed's items as mentions: validated like any mention (a link is required; an item without a date is
    /// dated when it was read), read for tone. Answers the mentions and how many items were skipped.
    static func mentions(from document: FeedDocument, feed: MentionFeed, now: Date) -> ([NewMention], skipped: Int) {
        var mentions: [NewMention] = []
        var skipped = 0
        for item in document.items {
            let submission = MentionSubmission(
                url: item.link, source: feed.source.rawValue,
                outlet: (feed.outlet ?? document.title).map { String($0.prefix(MentionLimits.maxShortFieldCharacters)) },
                author: item.author.map { String($0.prefix(MentionLimits.maxShortFieldCharacters)) },
                title: item.title.map { String($0.prefix(MentionLimits.maxTitleCharacters)) },
                text: item.text.map { String($0.prefix(MentionLimits.maxTextCharacters)) } ?? item.title,
                publishedAt: RFC3339.format(min(item.published ?? now, now)))
            switch MentionValidator.validate(submission, now: now) {
            case .success(let content):
                mentions.append(NewMention(content: content, tone: ToneReader.read(content.fullText)))
            case .failure:
                skipped += 1
            }
        }
        return (mentions, skipped)
    }
}

/// Payload of `mention_feed.polled`.
struct FeedPolled: Encodable {
    var id: MentionFeedID
    var outcome: String
    var stored: Int
    var skipped: Int
    var failures: Int
}
