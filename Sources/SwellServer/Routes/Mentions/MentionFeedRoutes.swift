import Foundation
import Hummingbird
import SwellCore
import SwellEngine
import SwellStore

/// `/v1/mention-feeds` (admin): RSS 2.0 and Atom feeds Swell polls for mentions — news searches, a Weibo or
/// WeChat account through an RSS bridge, a vendor's export feed. Every change is an audited event.
struct MentionFeedRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<SwellRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("{id}", use: show)
        group.delete("{id}", use: delete)
        group.post("{id}/poll", use: pollNow)
    }

    struct FeedRequest: Decodable {
        var url: String?
        var source: String?
        var outlet: String?
        /// A duration with its unit: `1m` at the least, `15m`, `1h`, `1d`.
        var interval: String?
    }

    /// GET /v1/mention-feeds — the live feeds with their polling state.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<MentionFeedView>> {
        try context.require(.administer)
        return JSONResponse(ItemList(items: try await environment.store.mentionFeeds(includeDeleted: false).map(MentionFeedView.init)))
    }

    /// POST /v1/mention-feeds — registers a feed (201); it is polled at once, then at its interval.
    @Sendable func create(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionFeedView> {
        let caller = try context.require(.administer)
        let body = try RequestBody.decode(FeedRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        let now = environment.now()
        var feed = try MentionFeedValidator.validate(
            url: body.url, source: body.source, outlet: body.outlet, interval: body.interval, now: now, by: caller.name
        ).mapError { Problem.validation($0.errors) }.get()
        let appended = try await environment.store.apply(
            [.addMentionFeed(feed, event: Self.event(.mentionFeedCreated, feed, by: caller.name, at: now))], checkpoint: nil)
        feed.id = appended.first.flatMap(StampedId.of).map { MentionFeedID($0) }
        context.logger.info("Mention feed registered", metadata: ["feed.id": "\(feed.id.map { "\($0)" } ?? "")", "by": "\(caller.name)"])
        return JSONResponse(MentionFeedView(feed), status: .created, headers: [.location: "/v1/mention-feeds/\(feed.id.map { "\($0)" } ?? "")"])
    }

    /// GET /v1/mention-feeds/{id}
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionFeedView> {
        try context.require(.administer)
        return JSONResponse(MentionFeedView(try await existing(context)))
    }

    /// DELETE /v1/mention-feeds/{id} — the feed is polled no more (204); its mentions stay.
    @Sendable func delete(_ request: Request, context: SwellRequestContext) async throws -> Response {
        let caller = try context.require(.administer)
        var feed = try await existing(context)
        let now = environment.now()
        feed.deletedAt = now
        _ = try await environment.store.apply(
            [.saveMentionFeed(feed), .appendEvent(Self.event(.mentionFeedDeleted, feed, by: caller.name, at: now))], checkpoint: nil)
        return Response(status: .noContent)
    }

    /// POST /v1/mention-feeds/{id}/poll — polls the feed now instead of at its next time (202); failures and their
    /// backoff are forgiven. 503 when this server polls no feeds.
    @Sendable func pollNow(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<MentionFeedView> {
        let caller = try context.require(.administer)
        guard environment.mentionFeeds != nil else {
            throw Problem(.serviceUnavailable, "feeds-off", title: "Feed polling is off", detail: "This server polls no feeds.")
        }
        var feed = try await existing(context)
        let now = environment.now()
        feed.nextPollAt = now
        feed.failures = 0
        _ = try await environment.store.apply(
            [.saveMentionFeed(feed), .appendEvent(Self.event(.mentionFeedPollRequested, feed, by: caller.name, at: now))], checkpoint: nil)
        return JSONResponse(MentionFeedView(feed), status: .accepted)
    }

    private func existing(_ context: SwellRequestContext) async throws -> MentionFeed {
        let id = try PathValues.id(context, MentionFeedID.self, "mention feed")
        guard let feed = try await environment.store.mentionFeed(id), feed.deletedAt == nil else {
            throw Problem.notFound("There is no mention feed \(id).")
        }
        return feed
    }

    /// An audited event about a feed: who did it, never more than the feed's id, source and host.
    static func event(_ type: EventType, _ feed: MentionFeed, by: String, at: Date) -> EventDraft {
        struct Payload: Encodable {
            var id: MentionFeedID?
            var source: MentionSource
            var host: String?
            var by: String
        }
        return EventDraft(
            type: type, at: at,
            payload: EventDraft.payload(Payload(id: feed.id, source: feed.source, host: URLComponents(string: feed.url)?.host, by: by)))
    }
}

/// A feed as the API shows it.
struct MentionFeedView: Encodable, Sendable {
    var id: MentionFeedID?
    var url: String
    var source: MentionSource
    var outlet: String?
    /// Seconds between polls.
    var intervalSeconds: Int
    var createdAt: String
    var createdBy: String
    var nextPollAt: String
    var lastPolledAt: String?
    var lastOutcome: String?
    var lastError: String?
    var failures: Int
    var itemsStored: Int

    init(_ feed: MentionFeed) {
        id = feed.id
        url = feed.url
        source = feed.source
        outlet = feed.outlet
        intervalSeconds = Int(feed.interval)
        createdAt = RFC3339.format(feed.createdAt)
        createdBy = feed.createdBy
        nextPollAt = RFC3339.format(feed.nextPollAt)
        lastPolledAt = feed.lastPolledAt.map(RFC3339.format)
        lastOutcome = feed.lastOutcome
        lastError = feed.lastError
        failures = feed.failures
        itemsStored = feed.itemsStored
    }
}
