import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import SwellCore
import SwellEngine

/// `/v1/feed`: the live event feed over WebSocket, and `/v1/feed/ticket`, the browser's way in.
struct FeedRoutes {
    let environment: ServerEnvironment
    let hub: FeedHub
    let tickets: FeedTickets

    /// The plain HTTP side, on the main router (problem documents, bearer authentication).
    func register(on router: Router<SwellRequestContext>) {
        router.post("v1/feed/ticket", use: issueTicket)
        router.get("v1/feed", use: notUpgraded)
    }

    /// The WebSocket side, on the router that sees upgrade requests.
    func register(webSocket router: Router<FeedRequestContext>) {
        router.ws("v1/feed", shouldUpgrade: shouldUpgrade, onUpgrade: follow)
    }

    /// POST /v1/feed/ticket — a single-use ticket, valid for a few seconds, to open the feed as the caller.
    /// This is where a client learns why it may not follow the feed (401/403 problems): a refused upgrade is a bare 400.
    @Sendable func issueTicket(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<Ticket> {
        let caller = try context.require(.readFeed)
        let ticket = tickets.issue(for: caller)
        let seconds = Int(tickets.lifetime.components.seconds)
        context.logger.debug("Feed ticket issued")
        return JSONResponse(Ticket(ticket: ticket, expiresIn: seconds, url: "/v1/feed?ticket=\(ticket)"), status: .created)
    }

    /// GET /v1/feed without an upgrade — explains how to open the feed (426).
    /// A caller without a token hears 401, and a bad `types`, `mode` or `since` is named in a 400 problem: a refused
    /// upgrade cannot say why.
    @Sendable func notUpgraded(_ request: Request, context: SwellRequestContext) async throws -> Response {
        try context.require(.readFeed)
        _ = try Self.since(request)
        _ = try Self.choice(request)
        throw Problem(
            .upgradeRequired, "websocket-required", title: "Open the feed as a WebSocket",
            detail: "Connect to /v1/feed with a WebSocket: get a ticket from POST /v1/feed/ticket and open "
                + "/v1/feed?ticket=<ticket>[&since=<seq>], or send Authorization: Bearer <token> with the upgrade request.")
    }

    /// GET /v1/feed (upgrade) — upgrades only for a caller who may read the feed and a valid `since`.
    @Sendable func shouldUpgrade(_ request: Request, context: FeedRequestContext) async throws -> RouterShouldUpgrade {
        guard let caller = context.caller, caller.role.may(.readFeed) else {
            context.logger.info("Feed upgrade refused: no valid ticket or token")
            return .dontUpgrade
        }
        do {
            _ = try Self.since(request)
            _ = try Self.choice(request)
        } catch {
            context.logger.info("Feed upgrade refused: a bad parameter", metadata: ["error": "\(error)"])
            return .dontUpgrade
        }
        return .upgrade([:])
    }

    /// The socket's life: drain what the client sends (so pings and close frames are handled) while the
    /// session writes events; whichever ends first ends both.
    @Sendable func follow(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, _ context: WebSocketRouterContext<FeedRequestContext>
    ) async throws {
        guard let caller = context.requestContext.caller else { return }
        let (types, mode) = try Self.choice(context.request)
        let session = FeedSession(
            hub: hub, selection: FeedSelection(types: types, mode: mode, role: caller.role), since: try Self.since(context.request),
            writer: FeedChannelWriter(channel: context.requestContext.channel), logger: context.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await _ in inbound.messages(maxSize: 4096) {}
            }
            group.addTask { try await session.run(outbound) }
            try await group.next()
            group.cancelAll()
        }
    }

    /// `?since=` as a sequence number (nil when absent); throws when present and not a number ≥ 0.
    static func since(_ request: Request) throws -> Int64? {
        guard let text = request.uri.queryParameters["since"] else { return nil }
        guard let seq = Int64(String(text)), seq >= 0 else { throw Problem.badParameter("since", "since must be a sequence number") }
        return seq
    }

    /// `?types=` (event type patterns, default every type) and `?mode=` (`events`, the default, or `summary`).
    static func choice(_ request: Request) throws -> (EventTypeFilter, FeedSelection.Mode) {
        var types = EventTypeFilter.everything
        if let text = request.uri.queryParameters["types"] {
            do {
                types = try EventTypeFilter(parsing: String(text))
            } catch {
                throw Problem.badParameter("types", error.description)
            }
        }
        var mode = FeedSelection.Mode.events
        if let text = request.uri.queryParameters["mode"] {
            guard let chosen = FeedSelection.Mode(rawValue: String(text)) else {
                throw Problem.badParameter("mode", "mode must be one of: \(FeedSelection.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mode = chosen
        }
        return (types, mode)
    }

    struct Ticket: Encodable, Sendable {
        var ticket: String
        /// Seconds left to open the socket with it.
        var expiresIn: Int
        var url: String
    }
}
